import * as z from 'zod/mini';
import {StateDiffView} from '../history/diffState.ts';
import {semanticDiff, summariseChanges} from '../history/semanticDiff.ts';
import {missionDir} from '../mission/missionPaths.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import type {Workspace} from '../workspace.ts';
import {Checkpoint} from './checkpointTag.ts';
import {readCheckpoints, resolveCheckpoint} from './readCheckpoints.ts';

export const CheckpointDiffView = z.object({...StateDiffView.shape, checkpoint: Checkpoint});
export type CheckpointDiffView = z.infer<typeof CheckpointDiffView>;

/**
 * What changed in a mission since a checkpoint (the latest when none is named), entity by entity and
 * field by field: what `checkpoint restore` would undo, read backwards.
 * @throws NotFoundError for an unknown mission or checkpoint; InputError for an ambiguous prefix
 */
export async function diffCheckpoint(workspace: Workspace, request: {missionId: string; checkpointId?: string}): Promise<CheckpointDiffView> {
  const tip = await workspace.requireTip();
  const missionId = await resolveMissionId(await workspace.store.snapshot(tip), request.missionId);
  const checkpoint = resolveCheckpoint(await readCheckpoints(workspace, missionId), request.checkpointId, missionId);
  const reader = workspace.store.reader;
  const changes = await semanticDiff(reader, {before: (await reader.commit(checkpoint.commit)).tree, after: tip.tree, prefix: missionDir(missionId)});
  return {
    checkpoint, mission: missionId, changes, summary: summariseChanges(changes),
    from: {commit: checkpoint.commit, label: checkpoint.id, checkpoint: checkpoint.id}, to: {commit: tip.commit, label: `@`},
  };
}
