import {resolveIdPrefix} from '../domain/ids.ts';
import {NotFoundError} from '../errors.ts';
import {decodeTag} from '../store/gitObjects.ts';
import {listRefs} from '../store/refs.ts';
import type {Workspace} from '../workspace.ts';
import {CHECKPOINT_REFS, decodeCheckpointMessage, toCheckpoint, type Checkpoint} from './checkpointTag.ts';

/**
 * The checkpoints of one mission (or of every mission), newest first, read from their tags alone:
 * one small object each, no state tree. Tags under `refs/tags/maestro/` that `checkpoint save` did
 * not make (no record in the message, or not on a commit) are skipped.
 */
export async function readCheckpoints(workspace: Workspace, missionId?: string): Promise<Checkpoint[]> {
  const {fs, repo} = workspace.store.deps;
  const refs = listRefs(fs, repo.commondir, missionId === undefined ? CHECKPOINT_REFS : `${CHECKPOINT_REFS}${missionId}/`);
  const checkpoints: Checkpoint[] = [];
  for (const [ref, oid] of refs) {
    const object = await workspace.store.objects.read(oid);
    if (object.type !== `tag`) continue;
    const tag = decodeTag(object.content);
    const record = decodeCheckpointMessage(tag.message);
    if (!record || tag.type !== `commit` || ref !== `${CHECKPOINT_REFS}${record.missionId}/${record.id}`) continue;
    checkpoints.push(toCheckpoint(record, {commit: tag.object, tag: oid, ref}));
  }
  return checkpoints.sort((a, b) => (a.timestamp !== b.timestamp ? (a.timestamp < b.timestamp ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * A checkpoint by id, by unique id prefix or by its exact `--name`; the latest when none is given.
 * @throws NotFoundError when the mission has none or nothing matches; InputError when ambiguous
 */
export function resolveCheckpoint(checkpoints: Checkpoint[], given: string | undefined, missionId: string): Checkpoint {
  if (checkpoints.length === 0)
    throw new NotFoundError(`no checkpoints found for mission ${missionId}`, {hint: `save one first with \`maestro checkpoint save --mission ${missionId}\``});
  if (given === undefined) return checkpoints[0]!;
  const named = checkpoints.filter(checkpoint => checkpoint.name === given);
  if (named.length === 1 && !checkpoints.some(checkpoint => checkpoint.id === given)) return named[0]!;
  const id = resolveIdPrefix(checkpoints.map(checkpoint => checkpoint.id), given, `checkpoint`, `list them with \`maestro checkpoint list --mission ${missionId}\``);
  return checkpoints.find(checkpoint => checkpoint.id === id)!;
}
