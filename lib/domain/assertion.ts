import * as z from 'zod/mini';
import {EntityId, NonEmpty, Timestamp} from './common.ts';
import type {Transitions} from './stateMachine.ts';

export const ASSERTION_RESULTS = [`pending`, `passed`, `failed`, `blocked`, `waived`] as const;
export const AssertionResult = z.enum(ASSERTION_RESULTS);
export type AssertionResult = z.infer<typeof AssertionResult>;

/** Reference §3.4. `passed` and `waived` are terminal and are what a seal needs. */
export const ASSERTION_TRANSITIONS: Transitions<AssertionResult> = {
  pending: [`passed`, `failed`, `blocked`, `waived`],
  failed: [`pending`],
  blocked: [`pending`, `waived`],
  passed: [],
  waived: [],
};

export function isTerminalResult(result: AssertionResult): boolean {
  return result === `passed` || result === `waived`;
}

/**
 * `missions/<id>/assertions/<assertion-id>.json`. The id is the name the plan gives in `fulfills`
 * (slugged); `alias` is the original's `<feature>-assertion-<n>`, accepted wherever an id is.
 */
export const Assertion = z.strictObject({
  id: NonEmpty,
  alias: z.optional(z.string()),
  missionId: EntityId,
  milestoneId: z.string(),
  featureId: z.string(),
  result: AssertionResult,
  description: NonEmpty,
  surface: z.string(),
  evidence: z.optional(z.string()),
  waivedReason: z.optional(NonEmpty),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
});
export type Assertion = z.infer<typeof Assertion>;
