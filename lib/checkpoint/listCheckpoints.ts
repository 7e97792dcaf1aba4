import * as z from 'zod/mini';
import {Milestone} from '../domain/mission.ts';
import {milestonesDir} from '../mission/missionPaths.ts';
import {readMission} from '../mission/missionState.ts';
import {MissionView, toMissionView} from '../mission/missionView.ts';
import type {Workspace} from '../workspace.ts';
import {Checkpoint} from './checkpointTag.ts';
import {readCheckpoints} from './readCheckpoints.ts';

export const CheckpointListView = z.object({mission: MissionView, checkpoints: z.array(Checkpoint)});
export type CheckpointListView = z.infer<typeof CheckpointListView>;

/**
 * The checkpoints of a mission, newest first (reference §1.8 list); none is an empty list, not an
 * error. @throws NotFoundError for an unknown mission
 */
export async function listCheckpoints(workspace: Workspace, request: {missionId: string}): Promise<CheckpointListView> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const mission = await readMission(snapshot, request.missionId);
  const milestones = [...(await snapshot.readAll(milestonesDir(mission.id), Milestone)).values()].sort((a, b) => a.order - b.order);
  return {mission: toMissionView({mission, milestones}), checkpoints: await readCheckpoints(workspace, mission.id)};
}
