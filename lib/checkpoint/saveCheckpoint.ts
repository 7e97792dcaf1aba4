import * as z from 'zod/mini';
import {newCheckpointId} from '../domain/ids.ts';
import {deriveMilestones} from '../domain/progress.ts';
import {InputError, StoreBusyError} from '../errors.ts';
import {loadMissionState, type MissionState} from '../mission/missionState.ts';
import {encodeTag, timezoneOffset} from '../store/gitObjects.ts';
import {withRefLock} from '../store/refLock.ts';
import type {Workspace} from '../workspace.ts';
import {Checkpoint, checkpointRef, encodeCheckpointMessage, isCheckpointName, toCheckpoint, type CheckpointRecord} from './checkpointTag.ts';

export const CheckpointSavedView = z.object({checkpoint: Checkpoint});
export type CheckpointSavedView = z.infer<typeof CheckpointSavedView>;

export interface SaveCheckpointRequest {
  missionId: string;
  /** A label shown by `checkpoint list` and accepted by `restore`. */
  name?: string;
}

/** Saving a new id is retried this many times when its tag exists (same millisecond, same random). */
const ATTEMPTS = 5;

/**
 * Tags the current state commit as a checkpoint of the mission: writes the annotated tag object,
 * then creates `refs/tags/maestro/<mission>/<id>` under git's ref lock, refusing to move a tag
 * that exists (a new id is drawn instead), so a checkpoint never changes once saved. State is not
 * touched: `refs/maestro/main` does not move.
 * @throws NotFoundError for an unknown mission; InputError for a bad name; StoreBusyError
 */
export async function saveCheckpoint(workspace: Workspace, request: SaveCheckpointRequest, random: () => number = Math.random): Promise<CheckpointSavedView> {
  if (request.name !== undefined && !isCheckpointName(request.name))
    throw new InputError(`--name "${request.name.slice(0, 40)}" is not a checkpoint label`, {hint: `use one line of at most 200 characters`});
  const tip = await workspace.requireTip();
  const state = await loadMissionState(await workspace.store.snapshot(tip), request.missionId);
  const {fs, repo, now} = workspace.store.deps;
  const who = workspace.store.identity;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const at = now();
    const record = checkpointRecord(workspace, state, newCheckpointId(at, random), at, request.name);
    const ref = checkpointRef(record.missionId, record.id);
    const tag = workspace.store.objects.write(`tag`, encodeTag({
      object: tip.commit, type: `commit`, tag: ref.slice(`refs/tags/`.length),
      tagger: {name: who.name, email: who.email, timestamp: Math.floor(at.getTime() / 1000), timezoneOffset: timezoneOffset(at)},
      message: encodeCheckpointMessage(record),
    }));
    const created = await withRefLock({fs, commondir: repo.commondir, ref, who, now}, async current => (current === null
      ? {result: true, ref: {next: tag, message: `maestro: checkpoint save ${record.id}`}}
      : {result: false, ref: null}));
    if (created) return {checkpoint: toCheckpoint(record, {commit: tip.commit, tag, ref})};
  }
  throw new StoreBusyError(`no free checkpoint id for mission ${state.mission.id} after ${ATTEMPTS} tries`, {hint: `run the command again`});
}

function checkpointRecord(workspace: Workspace, state: MissionState, id: string, at: Date, name: string | undefined): CheckpointRecord {
  const progress = deriveMilestones(state.mission, state.milestones, state.features, state.assertions);
  const current = progress.find(p => p.status !== `sealed`) ?? progress.at(-1);
  return {
    id, missionId: state.mission.id, ...(name !== undefined ? {name} : {}),
    currentMilestoneId: current?.milestoneId ?? ``,
    timestamp: at.toISOString(),
    agent: workspace.identity.agent, session: workspace.identity.session,
    featureStatuses: Object.fromEntries(state.features.map(f => [f.id, f.status])),
    assertionResults: Object.fromEntries(state.assertions.map(a => [a.id, a.result])),
    sealedMilestoneIds: state.milestones.filter(m => m.sealedAt).map(m => m.id),
  };
}
