import * as z from 'zod/mini';
import {Mission} from '../domain/mission.ts';
import {InputError} from '../errors.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Workspace} from '../workspace.ts';
import {missionPath, missionsDir} from './missionPaths.ts';

export const MissionListView = z.object({missions: z.array(Mission), total: z.number()});
export type MissionListView = z.infer<typeof MissionListView>;

/** Missions newest first, optionally filtered by stored status and limited. Reads only mission files. */
export async function listMissions(workspace: Workspace, request: {status?: string; limit?: number}): Promise<MissionListView> {
  if (request.limit !== undefined && !(Number.isInteger(request.limit) && request.limit > 0))
    throw new InputError(`mission list limit must be a positive integer`, {hint: `maestro mission list --limit 10`});
  const missions = await readMissions(await workspace.store.snapshot(await workspace.requireTip()));
  const filtered = request.status ? missions.filter(m => m.status === request.status) : missions;
  return {missions: request.limit ? filtered.slice(0, request.limit) : filtered, total: missions.length};
}

/** Every mission of a snapshot, newest first (ties: the larger id first). */
export async function readMissions(snapshot: StateSnapshot): Promise<Mission[]> {
  const missions: Mission[] = [];
  for (const id of await snapshot.list(missionsDir)) {
    const mission = await snapshot.read(missionPath(id), Mission);
    if (mission) missions.push(mission);
  }
  return missions.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}
