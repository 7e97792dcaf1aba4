import {deriveMilestones} from '../domain/progress.ts';
import {findMilestone, loadMissionState} from '../mission/missionState.ts';
import {toMissionView} from '../mission/missionView.ts';
import type {Workspace} from '../workspace.ts';
import type {MilestoneListView, MilestoneStatusView} from './milestoneViews.ts';

const strip = <T extends {order: number}>(progress: T): Omit<T, 'order'> => {
  const {order: _order, ...rest} = progress;
  return rest;
};

/** Every milestone of a mission with its derived status and progress, in order. */
export async function listMilestones(workspace: Workspace, request: {missionId: string}): Promise<MilestoneListView> {
  const state = await loadMissionState(await workspace.store.snapshot(await workspace.requireTip()), request.missionId);
  const progress = deriveMilestones(state.mission, state.milestones, state.features, state.assertions);
  return {mission: toMissionView(state), milestones: progress.map(strip)};
}

/** One milestone's derived status and progress. @throws NotFoundError */
export async function milestoneStatus(workspace: Workspace, request: {missionId: string; milestoneId: string}): Promise<MilestoneStatusView> {
  const state = await loadMissionState(await workspace.store.snapshot(await workspace.requireTip()), request.missionId);
  const milestone = findMilestone(state, request.milestoneId);
  const progress = deriveMilestones(state.mission, state.milestones, state.features, state.assertions).find(p => p.milestoneId === milestone.id)!;
  return {mission: toMissionView(state), milestone, progress: strip(progress)};
}
