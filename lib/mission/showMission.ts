import * as z from 'zod/mini';
import {MissionStatus} from '../domain/mission.ts';
import {deriveMilestones, effectiveMissionStatus, summarise} from '../domain/progress.ts';
import type {Workspace} from '../workspace.ts';
import {loadMissionState, type MissionState} from './missionState.ts';
import {MissionView, toMissionView} from './missionView.ts';

const MilestoneProgressView = z.looseObject({milestoneId: z.string(), status: z.string(), order: z.number()});
export const MissionReportView = z.object({
  mission: MissionView,
  effectiveMissionStatus: MissionStatus,
  milestones: z.array(MilestoneProgressView),
  summary: z.looseObject({totalFeatures: z.number()}),
});
export type MissionReportView = z.infer<typeof MissionReportView>;

/** The mission report of `mission show`: derived milestone progress and the effective status. */
export function missionReport(state: MissionState) {
  const milestones = deriveMilestones(state.mission, state.milestones, state.features, state.assertions);
  return {
    mission: toMissionView(state),
    effectiveMissionStatus: effectiveMissionStatus(state.mission, milestones),
    milestones,
    summary: summarise(state.features, state.assertions),
  };
}

export async function showMission(workspace: Workspace, request: {missionId: string}) {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  return missionReport(await loadMissionState(snapshot, request.missionId));
}
