import {canonicalJson} from '../canonicalJson.ts';

/**
 * The three-way merge of one JSON entity, field by field (DESIGN.md, "Sync across machines"). Pure and
 * symmetric: `merge(base, a, b)` and `merge(base, b, a)` give the same value and the same conflicts,
 * because every choice between the two sides goes to `winner`, which the caller decides by a rule
 * that does not depend on which side is local.
 *
 * - a field changed on one side only: that side's value;
 * - the same value on both: it;
 * - objects on both sides: merged key by key;
 * - arrays on both sides: a three-way set union (elements compared as canonical JSON): what either
 *   side added is kept, what either side removed from the base is removed, the winner's order first;
 * - anything else changed differently on both: the winner's value, and a field conflict.
 */
export type Side = `a` | `b`;

export interface FieldConflict {
  /** Dotted path of the field (`report.salientSummary`); `` for the whole value. */
  field: string;
  base: unknown;
  /** The winner's value (what the merge keeps) and the loser's (what it sets aside). */
  kept: unknown;
  other: unknown;
}

export interface MergedValue {
  value: unknown;
  conflicts: FieldConflict[];
}

const key = (value: unknown): string => canonicalJson(value ?? null);

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || key(a) === key(b);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === `object` && !Array.isArray(value);

export function mergeValues(base: unknown, a: unknown, b: unknown, winner: Side, field = ``): MergedValue {
  if (sameValue(a, b)) return {value: a, conflicts: []};
  if (sameValue(base, a)) return {value: b, conflicts: []};
  if (sameValue(base, b)) return {value: a, conflicts: []};
  if (isRecord(a) && isRecord(b)) return mergeRecords(isRecord(base) ? base : {}, a, b, winner, field);
  if (Array.isArray(a) && Array.isArray(b)) return {value: mergeSets(Array.isArray(base) ? base : [], a, b, winner), conflicts: []};
  const [kept, other] = winner === `a` ? [a, b] : [b, a];
  return {value: kept, conflicts: [{field, base: base ?? null, kept: kept ?? null, other: other ?? null}]};
}

function mergeRecords(base: Record<string, unknown>, a: Record<string, unknown>, b: Record<string, unknown>, winner: Side, field: string): MergedValue {
  const value: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(base)])].sort();
  for (const name of keys) {
    const merged = mergeValues(base[name], a[name], b[name], winner, field === `` ? name : `${field}.${name}`);
    if (merged.value !== undefined) value[name] = merged.value;
    conflicts.push(...merged.conflicts);
  }
  return {value, conflicts};
}

/** Three-way set union; order: the winner's elements, then what only the loser added. */
export function mergeSets(base: unknown[], a: unknown[], b: unknown[], winner: Side): unknown[] {
  const [first, second] = winner === `a` ? [a, b] : [b, a];
  const inBase = new Set(base.map(key));
  const inFirst = new Set(first.map(key));
  const inSecond = new Set(second.map(key));
  const removed = (k: string) => inBase.has(k) && (!inFirst.has(k) || !inSecond.has(k));
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const item of [...first, ...second]) {
    const k = key(item);
    if (seen.has(k) || removed(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
