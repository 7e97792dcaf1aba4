import * as z from 'zod/mini';
import {Assertion} from '../domain/assertion.ts';
import {Feature} from '../domain/feature.ts';
import {Milestone, Mission} from '../domain/mission.ts';
import type {MissionState} from './missionState.ts';

/**
 * A mission as the original's `--json` printed it: the stored mission plus its milestones embedded
 * and `completedMilestoneIds` (the sealed ones, in sealing order).
 */
export const MissionView = z.object({
  ...Mission.shape,
  milestones: z.array(Milestone),
  completedMilestoneIds: z.array(z.string()),
});
export type MissionView = z.infer<typeof MissionView>;

export function toMissionView(state: Pick<MissionState, 'mission' | 'milestones'>): MissionView {
  const sealed = state.milestones.filter(m => m.sealedAt).sort((a, b) => (a.sealedAt! < b.sealedAt! ? -1 : a.sealedAt! > b.sealedAt! ? 1 : a.order - b.order));
  return {...state.mission, milestones: state.milestones, completedMilestoneIds: sealed.map(m => m.id)};
}

export const MissionCreatedView = z.object({mission: MissionView, features: z.array(Feature), assertions: z.array(Assertion)});
export type MissionCreatedView = z.infer<typeof MissionCreatedView>;
