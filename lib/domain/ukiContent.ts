import * as z from 'zod/mini';
import {NonEmpty} from './common.ts';

/**
 * The structured payload of a handoff, the source of truth its UKI string is rendered from
 * (reference-handoff §2.1). Every object is strict, as the original's: an unknown key is an error.
 */

/** Versions of the UKI layout a stored handoff may name; new handoffs are written as 5.4. */
export const UKI_VERSIONS = [`5.2`, `5.3`, `5.4`] as const;
export const UkiVersion = z.enum(UKI_VERSIONS);
export type UkiVersion = z.infer<typeof UkiVersion>;
export const UKI_VERSION = `5.4`;

export const UKI_MODES = [`plan`, `execute`] as const;
export const UkiMode = z.enum(UKI_MODES);
export type UkiMode = z.infer<typeof UkiMode>;

/** MAESTRO_REFS: each value is one token (ids with `-` are stored as their `_` token). */
export const UkiRefs = z.strictObject({
  missionId: z.optional(NonEmpty),
  featureId: z.optional(NonEmpty),
  milestoneId: z.optional(NonEmpty),
  planPath: z.optional(NonEmpty),
  specPath: z.optional(NonEmpty),
});
export type UkiRefs = z.infer<typeof UkiRefs>;

/** CS: confidence in the work and in the summary; at least one is required to render. */
export const UkiCs = z.strictObject({work: z.optional(z.number()), summary: z.optional(z.number())});
export type UkiCs = z.infer<typeof UkiCs>;

export const VerificationResult = z.strictObject({step: NonEmpty, passed: z.boolean()});
export type VerificationResult = z.infer<typeof VerificationResult>;

const Tokens = z.array(z.string());

const baseFields = {
  currentState: NonEmpty,
  sessionCore: NonEmpty,
  decisions: Tokens,
  artifacts: Tokens,
  readMore: Tokens,
  nextAction: NonEmpty,
  summary: NonEmpty,
  maestroRefs: UkiRefs,
  cs: UkiCs,
  signalDelta: Tokens,
  boundaryState: Tokens,
  risks: Tokens,
  blindSpot: z.optional(NonEmpty),
  metaphor: z.optional(NonEmpty),
  causalDrivers: Tokens,
  divergences: Tokens,
  // Gate fields: stored, checked by principle gates, never rendered into the UKI string.
  assumptions: z.optional(z.array(NonEmpty)),
  scopeDeclaration: z.optional(z.record(z.string(), z.string())),
  complexityDelta: z.optional(z.record(z.string(), z.unknown())),
  verificationResults: z.optional(z.array(VerificationResult)),
};

export const UkiPlanContent = z.strictObject({
  mode: z.literal(`plan`),
  ...baseFields,
  planPaths: Tokens,
  maestroSync: Tokens,
});
export type UkiPlanContent = z.infer<typeof UkiPlanContent>;

export const UkiExecuteContent = z.strictObject({
  mode: z.literal(`execute`),
  ...baseFields,
  touchedFiles: Tokens,
  completedWork: Tokens,
  validation: Tokens,
});
export type UkiExecuteContent = z.infer<typeof UkiExecuteContent>;

export const UkiContent = z.discriminatedUnion(`mode`, [UkiPlanContent, UkiExecuteContent]);
export type UkiContent = z.infer<typeof UkiContent>;

/** How a block's value is written (reference-handoff §3.1). */
export type UkiBlockKind = `single` | `list` | `refs` | `cs`;

export interface UkiBlock {
  name: string;
  kind: UkiBlockKind;
}

const block = (name: string, kind: UkiBlockKind = `list`): UkiBlock => ({name, kind});
const HEAD = [block(`MODE`, `single`), block(`CURRENT_STATE`, `single`), block(`SESSION_CORE`, `single`), block(`CAUSAL_DRIVERS`), block(`DIVERGENCES`), block(`MAESTRO_REFS`, `refs`)];
const TAIL = [block(`NEXT_ACTION`, `single`), block(`CS`, `cs`), block(`SUMMARY`, `single`)];

/** Plan mode: exactly these 15 blocks, in this order (reference-handoff §3.2). */
export const PLAN_BLOCKS: readonly UkiBlock[] = [
  ...HEAD, block(`PLAN_PATHS`), block(`MAESTRO_SYNC`), block(`DECISIONS`), block(`SIGNAL_DELTA`), block(`ARTIFACTS`), block(`READ_MORE`), ...TAIL,
];

/** Execute mode: these 15 head blocks, then BLIND_SPOT and METAPHOR when set, then the 3 tail blocks. */
export const EXECUTE_HEAD_BLOCKS: readonly UkiBlock[] = [
  ...HEAD, block(`DECISIONS`), block(`SIGNAL_DELTA`), block(`TOUCHED_FILES`), block(`COMPLETED_WORK`), block(`VALIDATION`),
  block(`ARTIFACTS`), block(`READ_MORE`), block(`BOUNDARY_STATE`), block(`RISKS`),
];
export const EXECUTE_OPTIONAL_BLOCKS: readonly UkiBlock[] = [block(`BLIND_SPOT`, `single`), block(`METAPHOR`, `single`)];
export const TAIL_BLOCKS: readonly UkiBlock[] = TAIL;

/** Which content field each list or single block carries. */
export const BLOCK_FIELDS: Readonly<Record<string, string>> = {
  MODE: `mode`, CURRENT_STATE: `currentState`, SESSION_CORE: `sessionCore`, CAUSAL_DRIVERS: `causalDrivers`, DIVERGENCES: `divergences`,
  MAESTRO_REFS: `maestroRefs`, PLAN_PATHS: `planPaths`, MAESTRO_SYNC: `maestroSync`, DECISIONS: `decisions`, SIGNAL_DELTA: `signalDelta`,
  TOUCHED_FILES: `touchedFiles`, COMPLETED_WORK: `completedWork`, VALIDATION: `validation`, ARTIFACTS: `artifacts`, READ_MORE: `readMore`,
  BOUNDARY_STATE: `boundaryState`, RISKS: `risks`, BLIND_SPOT: `blindSpot`, METAPHOR: `metaphor`, NEXT_ACTION: `nextAction`, CS: `cs`, SUMMARY: `summary`,
};

/** MAESTRO_REFS tokens: `<prefix>_<value>`, written in this order. */
export const REF_PREFIXES: ReadonlyArray<readonly [keyof UkiRefs, string]> = [
  [`missionId`, `mission_`], [`featureId`, `feature_`], [`milestoneId`, `milestone_`], [`planPath`, `plan_`], [`specPath`, `spec_`],
];
