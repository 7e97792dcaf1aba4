import {canonicalJson} from '../canonicalJson.ts';
import {MISSION_STATUSES, MISSION_TRANSITIONS, MissionStatus, type Mission} from '../domain/mission.ts';
import {checkTransition} from '../domain/stateMachine.ts';
import {InputError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {missionPath} from './missionPaths.ts';
import {readMission} from './missionState.ts';

export interface ChangeMissionRequest {
  missionId: string;
  status?: string;
  title?: string;
  description?: string;
}

/**
 * approve, reject and update: moves a mission through its state machine (reference §3.1) and/or
 * changes its title and description, in one commit. A refused transition writes nothing.
 * @throws InputError for an unknown status or an empty update; TransitionError; NotFoundError
 */
export async function changeMission(workspace: Workspace, request: ChangeMissionRequest): Promise<Mission> {
  const status = request.status === undefined ? undefined : parseStatus(request.status);
  if (status === undefined && !request.title && request.description === undefined)
    throw new InputError(`no update specified`, {hint: `use --status <status>, --title <title> or --description <text>`});
  if (request.title !== undefined && request.title.trim() === ``) throw new InputError(`--title must not be empty`);
  const outcome = await workspace.transact(`mission update`, async snapshot => {
    const mission = await readMission(snapshot, request.missionId);
    const now = workspace.store.deps.now().toISOString();
    if (status) checkTransition(`mission`, MISSION_TRANSITIONS, mission.status, status, `maestro mission show ${mission.id}`);
    const next: Mission = {...mission, updatedAt: now, updatedBy: workspace.identity.agent};
    if (status) {
      next.status = status;
      if (status === `approved`) next.approvedAt = now;
      if (status === `rejected`) next.rejectedAt = now;
      if (status === `completed`) next.completedAt = now;
    }
    if (request.title) next.title = request.title;
    if (request.description !== undefined) next.description = request.description;
    return {changes: [{path: missionPath(mission.id), content: canonicalJson(next)}], result: next};
  });
  return outcome.result;
}

export function parseStatus(value: string): MissionStatus {
  const parsed = MissionStatus.safeParse(value);
  if (!parsed.success) throw new InputError(`--status "${value}" is not a mission status`, {hint: `use one of: ${MISSION_STATUSES.join(`, `)}`});
  return parsed.data;
}
