import * as z from 'zod/mini';
import {EntityId, FeatureId, NonEmpty, Timestamp, WorkerType} from './common.ts';
import type {Transitions} from './stateMachine.ts';

export const FEATURE_STATUSES = [`pending`, `assigned`, `in-progress`, `review`, `done`, `blocked`] as const;
export const FeatureStatus = z.enum(FEATURE_STATUSES);
export type FeatureStatus = z.infer<typeof FeatureStatus>;

/** Reference §3.3 (`review -> pending` and `blocked -> pending` are retries). */
export const FEATURE_TRANSITIONS: Transitions<FeatureStatus> = {
  pending: [`assigned`, `in-progress`],
  assigned: [`in-progress`],
  'in-progress': [`review`],
  review: [`done`, `blocked`, `pending`],
  blocked: [`pending`],
  done: [],
};

export const WorkerReport = z.strictObject({
  salientSummary: NonEmpty,
  whatWasImplemented: z.string(),
  whatWasLeftUndone: z.string(),
  verification: z.strictObject({
    commandsRun: z.array(z.strictObject({command: NonEmpty, exitCode: z.int(), observation: z.string()})),
    interactiveChecks: z.array(z.strictObject({action: NonEmpty, observed: z.string()})),
  }),
  tests: z.strictObject({added: z.array(z.strictObject({file: NonEmpty, cases: z.array(z.strictObject({name: NonEmpty, verifies: z.string()}))}))}),
  discoveredIssues: z.array(z.strictObject({severity: NonEmpty, description: NonEmpty, suggestedFix: z.optional(z.string())})),
});
export type WorkerReport = z.infer<typeof WorkerReport>;

export const RetryEntry = z.strictObject({reason: z.string(), timestamp: Timestamp, previousStatus: FeatureStatus, agent: z.optional(z.string())});
export type RetryEntry = z.infer<typeof RetryEntry>;

/** `missions/<id>/features/<feature-id>.json`. */
export const Feature = z.strictObject({
  id: FeatureId,
  missionId: EntityId,
  milestoneId: NonEmpty,
  status: FeatureStatus,
  title: NonEmpty,
  description: z.string(),
  workerType: WorkerType,
  verificationSteps: z.array(NonEmpty).check(z.minLength(1)),
  dependsOn: z.array(z.string()),
  fulfills: z.array(z.string()),
  preconditions: z.optional(z.string()),
  expectedBehavior: z.optional(z.string()),
  report: z.optional(WorkerReport),
  retryLog: z.optional(z.array(RetryEntry)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
});
export type Feature = z.infer<typeof Feature>;

/**
 * A feature after a status change and/or a new report, stamped with who and when: a move back to
 * `pending` with a reason is logged as a retry. Pure; the caller has checked the transition.
 */
export function applyFeatureChange(feature: Feature, change: {status?: FeatureStatus; report?: WorkerReport; retryReason?: string}, at: string, agent: string): Feature {
  const next: Feature = {...feature, updatedAt: at, updatedBy: agent};
  if (change.status !== undefined && change.status !== feature.status) {
    if (change.status === `pending` && change.retryReason) next.retryLog = [...(feature.retryLog ?? []), {reason: change.retryReason, timestamp: at, previousStatus: feature.status, agent}];
    next.status = change.status;
  }
  if (change.report) next.report = change.report;
  return next;
}
