import * as z from 'zod/mini';
import {MILESTONE_PROFILES, MilestoneProfile, NonEmpty, Timestamp} from './common.ts';
import {UkiExecuteContent, UkiPlanContent} from './ukiContent.ts';

/**
 * Behavioural principles (reference-missions §2.7): a rule shown to workers of the milestone
 * profiles it names; a gate also names the handoff field a feature-linked handoff must fill and the
 * check it must pass (reference-handoff §2.4). One file per principle on the state ref,
 * `principles/<id>.json`. Pure: no I/O, no clock.
 */

export const PRINCIPLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const PRINCIPLE_MODES = [`advisory`, `gate`] as const;
export const PrincipleMode = z.enum(PRINCIPLE_MODES);
export const PRINCIPLE_SOURCES = [`karpathy`, `custom`] as const;
export const PrincipleSource = z.enum(PRINCIPLE_SOURCES);

/** `object_non_empty`, `array_all_passed` or `array_min_length:N` with N >= 1. */
export const GATE_CHECK_PATTERN = /^(object_non_empty|array_all_passed|array_min_length:[1-9]\d*)$/;

/** The handoff content fields a gate may name (every field of either mode but `mode`). */
export const GATE_FIELDS: readonly string[] = [...new Set([...Object.keys(UkiExecuteContent.shape), ...Object.keys(UkiPlanContent.shape)])]
  .filter(field => field !== `mode`).sort();

/** The principle as the original prints it (`principle list --json`): strict, as its PrincipleSchema. */
export const Principle = z.strictObject({
  id: z.string().check(z.regex(PRINCIPLE_ID_PATTERN)),
  name: NonEmpty,
  source: PrincipleSource,
  rule: NonEmpty,
  profiles: z.array(MilestoneProfile).check(z.minLength(1)),
  mode: PrincipleMode,
  gateField: z.optional(NonEmpty),
  gateCheck: z.optional(z.string().check(z.regex(GATE_CHECK_PATTERN))),
});
export type Principle = z.infer<typeof Principle>;

/**
 * `principles/<id>.json`. Removing a principle stamps `removedAt` instead of deleting the file, so a
 * removed default stays removed and a sync merges a removal like any other field change.
 */
export const StoredPrinciple = z.object({
  ...Principle.shape,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
  removedAt: z.optional(Timestamp),
});
export type StoredPrinciple = z.infer<typeof StoredPrinciple>;

/**
 * The original's default principles (its `init` seeds them). Here they apply until a stored file of
 * the same id replaces or removes them, so a repository initialised by any maestro has them.
 */
export const DEFAULT_PRINCIPLES: readonly Principle[] = [
  {id: `think-before-coding`, name: `Think before coding`, source: `karpathy`, rule: `State your assumptions before you change code.`, profiles: [`planning`, `implementation`], mode: `gate`, gateField: `assumptions`, gateCheck: `array_min_length:1`},
  {id: `simplicity-first`, name: `Simplicity first`, source: `karpathy`, rule: `Prefer the simplest change that meets the goal.`, profiles: [`implementation`, `simplify`, `code-review`], mode: `advisory`},
  {id: `surgical-changes`, name: `Surgical changes`, source: `karpathy`, rule: `Declare the scope you touch and stay inside it.`, profiles: [`implementation`, `code-review`, `simplify`], mode: `gate`, gateField: `scopeDeclaration`, gateCheck: `object_non_empty`},
  {id: `goal-driven-execution`, name: `Goal-driven execution`, source: `karpathy`, rule: `Verify the goal is met before you hand off.`, profiles: [`implementation`, `validation`], mode: `gate`, gateField: `verificationResults`, gateCheck: `array_all_passed`},
];

/** The principle fields of a stored record (what `--json` prints). */
function principleOf(stored: StoredPrinciple): Principle {
  const {createdAt: _c, updatedAt: _u, updatedBy: _b, removedAt: _r, ...principle} = stored;
  return principle;
}

/**
 * The principles in force: the defaults in their order, each replaced by a stored file of its id,
 * then the other stored ones by creation time; removed ones left out.
 */
export function effectivePrinciples(stored: Iterable<StoredPrinciple>): Principle[] {
  const byId = new Map([...stored].map(p => [p.id, p]));
  const defaults = DEFAULT_PRINCIPLES.flatMap(d => {
    const own = byId.get(d.id);
    return own === undefined ? [d] : own.removedAt === undefined ? [principleOf(own)] : [];
  });
  const added = [...byId.values()].filter(p => p.removedAt === undefined && !DEFAULT_PRINCIPLES.some(d => d.id === p.id))
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  return [...defaults, ...added.map(principleOf)];
}

/** The principles that apply to a milestone profile, in order. */
export function principlesForProfile(principles: readonly Principle[], profile: MilestoneProfile): Principle[] {
  return principles.filter(p => p.profiles.includes(profile));
}

/** A principle is a gate when its mode says so and it names a field and a check. */
export function isGate(p: Principle): p is Principle & {gateField: string; gateCheck: string} {
  return p.mode === `gate` && p.gateField !== undefined && p.gateCheck !== undefined;
}

/**
 * Whether a field's value passes a gate check (reference-handoff §2.4): `object_non_empty`,
 * `array_all_passed`, `array_min_length:N`; any other check fails.
 */
export function passesGateCheck(check: string, value: unknown): boolean {
  if (check === `object_non_empty`) return typeof value === `object` && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
  if (check === `array_all_passed`) return Array.isArray(value) && value.length > 0 && value.every(item => (item as {passed?: unknown})?.passed === true);
  const min = /^array_min_length:(\d+)$/.exec(check);
  return min !== null && Array.isArray(value) && value.length >= Number(min[1]);
}

/** What the input of `principle add` must satisfy; each problem is one line naming the flag. */
export function principleProblems(p: {id: string; name: string; rule: string; profiles: string[]; mode: string; source: string; gateField?: string; gateCheck?: string}): string[] {
  const problems: string[] = [];
  if (!PRINCIPLE_ID_PATTERN.test(p.id)) problems.push(`--id "${p.id}" must be lower-case letters, digits and -, starting with a letter or digit`);
  if (p.name.trim() === ``) problems.push(`--name is empty`);
  if (p.rule.trim() === ``) problems.push(`--rule is empty`);
  if (p.profiles.length === 0) problems.push(`--profiles needs at least one profile (${MILESTONE_PROFILES.join(`, `)})`);
  for (const profile of p.profiles) if (!(MILESTONE_PROFILES as readonly string[]).includes(profile)) problems.push(`--profiles "${profile}" is not a milestone profile (${MILESTONE_PROFILES.join(`, `)})`);
  if (!(PRINCIPLE_MODES as readonly string[]).includes(p.mode)) problems.push(`--mode "${p.mode}" is not advisory or gate`);
  if (!(PRINCIPLE_SOURCES as readonly string[]).includes(p.source)) problems.push(`--source "${p.source}" is not karpathy or custom`);
  if (p.gateField !== undefined && !GATE_FIELDS.includes(p.gateField)) problems.push(`--gate-field "${p.gateField}" is not a handoff field (such as assumptions, scopeDeclaration, verificationResults, complexityDelta, risks)`);
  if (p.gateCheck !== undefined && !GATE_CHECK_PATTERN.test(p.gateCheck)) problems.push(`--gate-check "${p.gateCheck}" is not object_non_empty, array_all_passed or array_min_length:N (N >= 1)`);
  if (p.mode === `gate` && (p.gateField === undefined || p.gateCheck === undefined)) problems.push(`gate-mode principles require --gate-field and --gate-check`);
  return problems;
}

export const OUTCOMES = [`pending`, `helpful`, `unhelpful`] as const;
export const Outcome = z.enum(OUTCOMES);

/**
 * `principles/outcomes/<handoffId>.<principleId>.json`: a gate a handoff passed, `pending` until
 * someone judges whether it helped. One file per pair, so the newest judgement is the file.
 */
export const PrincipleOutcome = z.object({
  principleId: NonEmpty,
  handoffId: NonEmpty,
  featureId: z.optional(z.string()),
  missionId: z.optional(z.string()),
  outcome: Outcome,
  recordedAt: Timestamp,
  updatedAt: Timestamp,
});
export type PrincipleOutcome = z.infer<typeof PrincipleOutcome>;

export const EffectivenessRow = z.object({
  principleId: z.string(),
  name: z.string(),
  helpful: z.number(),
  unhelpful: z.number(),
  pending: z.number(),
  total: z.number(),
  effectiveness: z.optional(z.number()),
  lowSample: z.boolean(),
});
export type EffectivenessRow = z.infer<typeof EffectivenessRow>;

/** Fewer decided outcomes (helpful + unhelpful) than this is a low sample. */
export const MIN_SAMPLE = 3;

/**
 * Per principle with outcomes: counts, helpful / (helpful + unhelpful) (undefined when nothing is
 * decided), worst first (undefined last), then by decided count and by count, descending. Low samples are kept
 * only with `all` (reference-missions §1.9).
 */
export function principleEffectiveness(outcomes: Iterable<PrincipleOutcome>, names: ReadonlyMap<string, string>, all: boolean): EffectivenessRow[] {
  const rows = new Map<string, EffectivenessRow>();
  for (const o of outcomes) {
    const row = rows.get(o.principleId) ?? {principleId: o.principleId, name: names.get(o.principleId) ?? o.principleId, helpful: 0, unhelpful: 0, pending: 0, total: 0, lowSample: true};
    row[o.outcome] += 1;
    row.total += 1;
    rows.set(o.principleId, row);
  }
  const decided = (r: EffectivenessRow) => r.helpful + r.unhelpful;
  const finished = [...rows.values()].map(r => ({...r, lowSample: decided(r) < MIN_SAMPLE, ...(decided(r) > 0 ? {effectiveness: r.helpful / decided(r)} : {})}));
  return finished.filter(r => all || !r.lowSample).sort((a, b) => {
    if (a.effectiveness !== b.effectiveness) {
      if (a.effectiveness === undefined) return 1;
      if (b.effectiveness === undefined) return -1;
      return a.effectiveness - b.effectiveness;
    }
    return decided(b) - decided(a) || b.total - a.total || (a.principleId < b.principleId ? -1 : 1);
  });
}
