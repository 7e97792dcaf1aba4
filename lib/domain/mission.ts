import * as z from 'zod/mini';
import {EntityId, MilestoneKind, MilestoneProfile, NonEmpty, Timestamp} from './common.ts';
import type {Transitions} from './stateMachine.ts';

export const MISSION_STATUSES = [`draft`, `approved`, `rejected`, `executing`, `paused`, `validating`, `completed`, `failed`] as const;
export const MissionStatus = z.enum(MISSION_STATUSES);
export type MissionStatus = z.infer<typeof MissionStatus>;

/** Reference §3.1. */
export const MISSION_TRANSITIONS: Transitions<MissionStatus> = {
  draft: [`approved`, `rejected`],
  approved: [`executing`],
  executing: [`validating`, `paused`],
  paused: [`executing`],
  validating: [`completed`, `failed`],
  rejected: [],
  completed: [],
  failed: [],
};

/** `missions/<id>/mission.json`. Milestones live in their own files; `features` keeps plan order. */
export const Mission = z.strictObject({
  id: EntityId,
  status: MissionStatus,
  title: NonEmpty,
  description: z.string(),
  proposal: z.optional(z.string()),
  features: z.array(NonEmpty),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
  approvedAt: z.optional(Timestamp),
  rejectedAt: z.optional(Timestamp),
  completedAt: z.optional(Timestamp),
});
export type Mission = z.infer<typeof Mission>;

/** `missions/<id>/milestones/<milestone-id>.json`. Status is derived; only sealing is stored. */
export const Milestone = z.strictObject({
  id: NonEmpty,
  title: NonEmpty,
  description: z.string(),
  order: z.int().check(z.gte(0)),
  kind: z.optional(MilestoneKind),
  profile: z.optional(MilestoneProfile),
  featureIds: z.array(z.string()),
  sealedAt: z.optional(Timestamp),
  sealedBy: z.optional(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Milestone = z.infer<typeof Milestone>;
