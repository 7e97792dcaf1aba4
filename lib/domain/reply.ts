import * as z from 'zod/mini';
import {isTerminalResult, type Assertion} from './assertion.ts';
import {EntityId, FeatureId, Timestamp} from './common.ts';
import {FEATURE_TRANSITIONS, FeatureStatus, WorkerReport, type Feature} from './feature.ts';

// The worker reply inbox (reference-handoff §7): a worker's last word on a feature, applied to the
// feature by `maestro reply ingest`.

export const REPLY_OUTCOMES = [`completed`, `kicked-back`, `abandoned`] as const;
export const ReplyOutcome = z.enum(REPLY_OUTCOMES);
export type ReplyOutcome = z.infer<typeof ReplyOutcome>;

/**
 * `replies/<mission-id>/<feature-id>.json`: the original's WorkerReply (missionId, featureId, outcome,
 * report, notes, writtenAt, writtenBy, source) plus the agent, updatedAt/updatedBy, and what ingest
 * did (`ingestedAt`, `ingestedBy`, `effectiveOutcome`, `downgradeReason`). A new reply for the same
 * feature replaces the file, ingest marks included, so it is ingested again.
 */
export const WorkerReply = z.object({
  missionId: EntityId,
  featureId: FeatureId,
  outcome: ReplyOutcome,
  report: z.optional(WorkerReport),
  notes: z.optional(z.string()),
  writtenAt: Timestamp,
  writtenBy: z.enum([`agent`, `human`]),
  source: z.optional(z.string()),
  agent: z.optional(z.string()),
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
  ingestedAt: z.optional(Timestamp),
  ingestedBy: z.optional(z.string()),
  effectiveOutcome: z.optional(ReplyOutcome),
  downgradeReason: z.optional(z.string()),
});
export type WorkerReply = z.infer<typeof WorkerReply>;

const TARGET: Record<ReplyOutcome, FeatureStatus> = {completed: `done`, 'kicked-back': `pending`, abandoned: `blocked`};

export interface IngestDecision {
  effectiveOutcome: ReplyOutcome;
  downgradeReason?: string;
  /** The status the outcome asks for. */
  target: FeatureStatus;
  /** Whether the feature moves: the target differs and the feature state machine allows it. */
  applies: boolean;
  /** Logged in the feature's retry log when it goes back to pending. */
  retryReason?: string;
}

/**
 * What a reply does to its feature (reference-handoff §7, "Ingest"): `completed` stands only for a
 * feature in review or done whose assertions have all passed or were waived, otherwise it becomes
 * `kicked-back` with the reason; completed → done, kicked-back → pending, abandoned → blocked, when the
 * feature state machine allows that move. Pure.
 */
export function decideIngest(reply: WorkerReply, feature: Feature, assertions: readonly Assertion[]): IngestDecision {
  let effectiveOutcome = reply.outcome;
  let downgradeReason: string | undefined;
  if (reply.outcome === `completed`) {
    const open = assertions.filter(assertion => assertion.featureId === feature.id && !isTerminalResult(assertion.result)).map(assertion => assertion.id);
    if (feature.status !== `review` && feature.status !== `done`) downgradeReason = `feature ${feature.id} is ${feature.status}, not in review`;
    else if (open.length > 0) downgradeReason = `assertion${open.length > 1 ? `s` : ``} not passed: ${open.join(`, `)}`;
    if (downgradeReason) effectiveOutcome = `kicked-back`;
  }
  const target = TARGET[effectiveOutcome];
  const applies = target !== feature.status && FEATURE_TRANSITIONS[feature.status].includes(target);
  const retryReason = target === `pending` ? reply.notes?.trim() || downgradeReason || `kicked back by a worker reply` : undefined;
  return {effectiveOutcome, target, applies, ...(downgradeReason ? {downgradeReason} : {}), ...(retryReason ? {retryReason} : {})};
}
