import {canonicalJson} from '../canonicalJson.ts';
import {ASSERTION_TRANSITIONS} from '../domain/assertion.ts';
import type {Conflict, ConflictKind, ConflictSide} from '../domain/conflict.ts';
import {FEATURE_TRANSITIONS} from '../domain/feature.ts';
import {HANDOFF_TRANSITIONS} from '../domain/handoff.ts';
import {MISSION_TRANSITIONS} from '../domain/mission.ts';
import {crypto} from '../lazyBuiltins.ts';
import {mergeValues, sameValue, type FieldConflict, type Side} from './mergeValues.ts';

/**
 * The merge of one state file changed on both sides, with the domain rules of DESIGN.md on top of
 * the generic field merge (lib/sync/mergeValues.ts):
 * - the winner of a true conflict is the side with the later `updatedAt` (or the entity's latest
 *   timestamp), ties broken by agent id, then by content hash, so every machine picks the same one;
 * - a handoff claimed on both sides goes to the earlier claim, whole, and the other claim is set aside;
 * - a status (or assertion result) that would move backwards through its state machine is not
 *   applied: the status that the other can no longer reach is kept, and the conflict says why;
 * - a file deleted on one side and changed on the other keeps the change.
 * Every value not kept goes into a Conflict record. Pure.
 */
export interface MergeSide {
  /** The state commit this side's value comes from. */
  commit: string;
  /** The agent of that commit (Maestro-Agent trailer), used when the entity names none. */
  agent: string | null;
  /** The commit time, ISO: orders text files, and dates conflicts. */
  time: string;
}

export interface EntityMergeInput {
  path: string;
  base: string | null;
  a: string | null;
  b: string | null;
  sideA: MergeSide;
  sideB: MergeSide;
  /** Whether a merged text is a valid entity for the path; a field merge that is not falls back to the winner's file. */
  isValid?: (path: string, text: string) => boolean;
}

export interface EntityMergeResult {
  content: string | null;
  conflicts: Conflict[];
}

const BOOKKEEPING = new Set([`updatedAt`, `updatedBy`]);

type Graph = Record<string, readonly string[]>;

/** Which field of which files follows a state machine. */
export function statusRule(path: string): {what: string; field: string; graph: Graph} | null {
  if (/^missions\/[^/]+\/mission\.json$/.test(path)) return {what: `mission`, field: `status`, graph: MISSION_TRANSITIONS};
  if (/^missions\/[^/]+\/features\/[^/]+\.json$/.test(path)) return {what: `feature`, field: `status`, graph: FEATURE_TRANSITIONS};
  if (/^missions\/[^/]+\/assertions\/[^/]+\.json$/.test(path)) return {what: `assertion`, field: `result`, graph: ASSERTION_TRANSITIONS};
  if (/^handoffs\/[^/]+\.json$/.test(path)) return {what: `handoff`, field: `status`, graph: HANDOFF_TRANSITIONS};
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === `object` && !Array.isArray(value);

const hash = (text: string): string => crypto().createHash(`sha1`).update(text).digest(`hex`);

function parseRecord(text: string | null): Record<string, unknown> | null | undefined {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | null => (typeof value === `string` ? value : null);

/** The entity's own time of last change: `updatedAt`, else the latest of its other stamps. */
function stampOf(entity: Record<string, unknown> | null): string | null {
  if (!entity) return null;
  const updated = text(entity.updatedAt);
  if (updated) return updated;
  const stamps = [`completedAt`, `claimedAt`, `resolvedAt`, `writtenAt`, `createdAt`, `timestamp`].map(name => text(entity[name])).filter((s): s is string => s !== null);
  return stamps.sort().at(-1) ?? null;
}

function agentOf(entity: Record<string, unknown> | null, side: MergeSide): string | null {
  return text(entity?.updatedBy) ?? side.agent;
}

interface Contender {
  side: Side;
  stamp: string | null;
  agent: string | null;
  hash: string;
}

/**
 * 1 when `x` wins over `y`: the later stamp; then the smaller agent id; then the larger content hash.
 * `earlier` reverses the stamp order (claims: first come, first served).
 */
function compare(x: Contender, y: Contender, earlier = false): number {
  if (x.stamp !== y.stamp) {
    if (x.stamp === null) return earlier ? 1 : -1;
    if (y.stamp === null) return earlier ? -1 : 1;
    return (x.stamp > y.stamp) !== earlier ? 1 : -1;
  }
  if (x.agent !== y.agent) return (x.agent ?? `\uffff`) < (y.agent ?? `\uffff`) ? 1 : -1;
  return x.hash > y.hash ? 1 : x.hash < y.hash ? -1 : 0;
}

function reachable(graph: Graph, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) return true;
    for (const next of graph[at] ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
  }
  return false;
}

export function mergeEntity(input: EntityMergeInput): EntityMergeResult {
  const {path, sideA, sideB} = input;
  const createdAt = [sideA.time, sideB.time].sort()[1]!;
  const sides = {a: sideA, b: sideB};
  const conflict = (kind: ConflictKind, field: string | null, base: unknown, winner: Side, kept: unknown, other: unknown, rule: string, stamps: Record<Side, string | null>, agents: Record<Side, string | null>): Conflict => {
    const loser: Side = winner === `a` ? `b` : `a`;
    const side = (s: Side, value: unknown): ConflictSide => ({value: value ?? null, commit: sides[s].commit, agent: agents[s], updatedAt: stamps[s]});
    const id = `c${hash(`${path}\0${field ?? ``}\0${canonicalJson(kept ?? null)}\0${canonicalJson(other ?? null)}`).slice(0, 11)}`;
    return {id, kind, path, field, base: base ?? null, kept: side(winner, kept), other: side(loser, other), rule, status: `open`, createdAt};
  };

  const base = parseRecord(input.base);
  const a = parseRecord(input.a);
  const b = parseRecord(input.b);
  const stamps = {a: stampOf(a ?? null), b: stampOf(b ?? null)};
  const agents = {a: agentOf(a ?? null, sideA), b: agentOf(b ?? null, sideB)};

  // Deleted on one side, changed on the other: keep the change, remember the deletion.
  if (input.a === null || input.b === null) {
    const kept: Side = input.a === null ? `b` : `a`;
    const keptText = input[kept];
    const keptValue = parseRecord(keptText) ?? keptText;
    return {content: keptText, conflicts: [conflict(`delete`, null, base ?? input.base, kept, keptValue, null, `a change wins over a deletion`, stamps, agents)]};
  }

  // Not JSON objects on both sides: the whole file, by commit time.
  if (!a || !b || base === undefined) {
    const contenders: Record<Side, Contender> = {
      a: {side: `a`, stamp: stamps.a ?? sideA.time, agent: agents.a, hash: hash(input.a)},
      b: {side: `b`, stamp: stamps.b ?? sideB.time, agent: agents.b, hash: hash(input.b)},
    };
    const winner: Side = compare(contenders.a, contenders.b) >= 0 ? `a` : `b`;
    const value = (t: string) => parseRecord(t) ?? t;
    return {content: input[winner], conflicts: [conflict(`file`, null, input.base === null ? null : value(input.base), winner, value(input[winner]!), value(input[winner === `a` ? `b` : `a`]!), `later change`, stamps, agents)]};
  }

  const contenders: Record<Side, Contender> = {
    a: {side: `a`, stamp: stamps.a, agent: agents.a, hash: hash(input.a)},
    b: {side: `b`, stamp: stamps.b, agent: agents.b, hash: hash(input.b)},
  };
  const baseRecord = base ?? {};

  // A handoff claimed on both sides: the earlier claim keeps the whole handoff.
  if (/^handoffs\/[^/]+\.json$/.test(path) && text(a.claimedBy) && text(b.claimedBy) && a.claimedBy !== b.claimedBy && !sameValue(baseRecord.claimedBy, a.claimedBy) && !sameValue(baseRecord.claimedBy, b.claimedBy)) {
    const claims = {a: {...contenders.a, stamp: text(a.claimedAt)}, b: {...contenders.b, stamp: text(b.claimedAt)}};
    const winner: Side = compare(claims.a, claims.b, true) >= 0 ? `a` : `b`;
    const [kept, other] = winner === `a` ? [a, b] : [b, a];
    return {content: input[winner], conflicts: [conflict(`claim`, null, base, winner, kept, other, `earlier claim (${text(kept.claimedBy)} at ${text(kept.claimedAt)}; ${text(other.claimedBy)} claimed at ${text(other.claimedAt)})`, {a: claims.a.stamp, b: claims.b.stamp}, agents)]};
  }

  const winner: Side = compare(contenders.a, contenders.b) >= 0 ? `a` : `b`;
  const merged = mergeValues(baseRecord, a, b, winner);
  const value = merged.value as Record<string, unknown>;
  const conflicts: Conflict[] = [];
  const rule = statusRule(path);
  // Who touched it last is bookkeeping, not a disagreement: it goes with the winner silently.
  for (const found of merged.conflicts) {
    const recorded = BOOKKEEPING.has(found.field) ? null : fieldConflict(found);
    if (recorded) conflicts.push(recorded);
  }
  function fieldConflict(found: FieldConflict): Conflict | null {
    if (rule && found.field === rule.field && typeof found.kept === `string` && typeof found.other === `string`) {
      const forward = reachable(rule.graph, found.other, found.kept);
      const backward = reachable(rule.graph, found.kept, found.other);
      // One side only went further along the state machine: that is progress, not a disagreement.
      if (forward && !backward) return null;
      // The later change would move the status somewhere the other side's status cannot reach.
      if (!forward && backward) {
        value[rule.field] = found.other;
        const loser: Side = winner === `a` ? `b` : `a`;
        return conflict(`transition`, found.field, found.base, loser, found.other, found.kept, `invalid transition ${found.other} -> ${found.kept}: not applied`, stamps, agents);
      }
    }
    return conflict(`field`, found.field, found.base, winner, found.kept, found.other, stamps[winner] ? `later updatedAt (${stamps[winner]})` : `deterministic tie-break`, stamps, agents);
  }
  const content = canonicalJson(value);
  if (input.isValid && !input.isValid(path, content)) {
    // The fields merged into something no command could read: keep the later file whole, set the other aside.
    const [kept, other] = winner === `a` ? [a, b] : [b, a];
    return {content: input[winner], conflicts: [conflict(`file`, null, base, winner, kept, other, `the field-by-field merge was not a valid entity: kept the later file whole`, stamps, agents)]};
  }
  return {content, conflicts};
}
