import * as z from 'zod/mini';
import {missionDir} from '../mission/missionPaths.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import {isTreeMode} from '../store/gitObjects.ts';
import type {StateReader} from '../store/stateReader.ts';
import {diffTrees} from '../store/treeDiff.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import {Checkpoint} from './checkpointTag.ts';
import {readCheckpoints, resolveCheckpoint} from './readCheckpoints.ts';

export const CheckpointRestoredView = z.object({
  checkpoint: Checkpoint,
  restored: z.object({
    featureCount: z.number(),
    assertionCount: z.number(),
    milestoneCount: z.number(),
    /** Every state file the restore wrote or deleted. */
    paths: z.array(z.string()),
    /** The new state commit, or null when the mission already matched the checkpoint. */
    commit: z.nullable(z.string()),
  }),
});
export type CheckpointRestoredView = z.infer<typeof CheckpointRestoredView>;

/**
 * Makes a new state commit whose `missions/<id>/` subtree is the checkpoint's, byte for byte
 * (statuses, results, evidence, reports, sealed milestones, prompts): history is kept, the restore
 * can itself be undone, other missions are untouched. Unlike the original (reference §4.4) it
 * restores any checkpoint and all of the mission, not only statuses; like it, it returns to a
 * recorded state without the state machines. The commit carries a `Maestro-Checkpoint` trailer.
 * When nothing differs it makes no commit.
 * @throws NotFoundError for an unknown mission or checkpoint; InputError for an ambiguous prefix
 */
export async function restoreCheckpoint(workspace: Workspace, request: {missionId: string; checkpointId?: string}): Promise<CheckpointRestoredView> {
  const missionId = await resolveMissionId(await workspace.store.snapshot(await workspace.requireTip()), request.missionId);
  const checkpoint = resolveCheckpoint(await readCheckpoints(workspace, missionId), request.checkpointId, missionId);
  const reader = workspace.store.reader;
  // reader.commit, not tipOf: tipOf would record the old commit as the cached tip.
  const target = await missionTree(reader, (await reader.commit(checkpoint.commit)).tree, missionId);
  const outcome = await workspace.transact(`checkpoint restore ${checkpoint.id}`, async snapshot => {
    const current = snapshot.tip ? await missionTree(reader, snapshot.tip.tree, missionId) : null;
    const changes: Change[] = [];
    for (const file of await diffTrees(reader, current, target, `${missionDir(missionId)}/`))
      changes.push({path: file.path, content: file.after ? await reader.blobText(file.after) : null});
    return {changes, result: changes.map(change => change.path)};
  }, [[`Maestro-Checkpoint`, checkpoint.id]]);
  const paths = outcome.result;
  const count = (dir: string) => paths.filter(path => path.startsWith(`${missionDir(missionId)}/${dir}/`)).length;
  return {
    checkpoint,
    restored: {featureCount: count(`features`), assertionCount: count(`assertions`), milestoneCount: count(`milestones`), paths, commit: outcome.committed ? outcome.tip!.commit : null},
  };
}

async function missionTree(reader: StateReader, root: string, missionId: string): Promise<string | null> {
  const entry = await reader.entry(root, missionDir(missionId));
  return entry && isTreeMode(entry.mode) ? entry.oid : null;
}
