import * as z from 'zod/mini';
import {Milestone} from '../domain/mission.ts';
import {MissionView} from '../mission/missionView.ts';

export const MilestoneProgressView = z.object({
  milestoneId: z.string(),
  milestone: Milestone,
  featureCount: z.number(),
  completedFeatures: z.number(),
  featureCompletionPct: z.number(),
  assertionCount: z.number(),
  passedAssertions: z.number(),
  waivedAssertions: z.number(),
  terminalAssertions: z.number(),
  assertionCompletionPct: z.number(),
  waivedAssertionIds: z.array(z.string()),
  status: z.enum([`pending`, `executing`, `validating`, `sealed`, `failed`]),
});
export type MilestoneProgressView = z.infer<typeof MilestoneProgressView>;

export const MilestoneListView = z.object({mission: MissionView, milestones: z.array(MilestoneProgressView)});
export type MilestoneListView = z.infer<typeof MilestoneListView>;

export const MilestoneStatusView = z.object({mission: MissionView, milestone: Milestone, progress: MilestoneProgressView});
export type MilestoneStatusView = z.infer<typeof MilestoneStatusView>;

export const MilestoneSealView = z.object({
  mission: MissionView,
  milestone: Milestone,
  progress: MilestoneProgressView,
  sealed: z.boolean(),
  alreadySealed: z.boolean(),
  autoTransitioned: z.boolean(),
  blockingAssertionIds: z.array(z.string()),
});
export type MilestoneSealView = z.infer<typeof MilestoneSealView>;
