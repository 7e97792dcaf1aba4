import {semanticDiff} from '../history/semanticDiff.ts';
import {diffTrees} from '../store/treeDiff.ts';
import type {Workspace} from '../workspace.ts';
import type {HistoryDiff} from './missionControlSnapshot.ts';

/**
 * The semantic diff of one state commit against its first parent (what `maestro diff <parent>
 * <commit>` prints), describing at most `limit` entities so that a commit touching thousands of files
 * (a 2,000-feature `mission create`) stays quick to show; `total` counts them all.
 * @throws CorruptStateError when the commit cannot be read
 */
export async function readHistoryDiff(workspace: Workspace, request: {commit: string; limit: number}): Promise<HistoryDiff> {
  const reader = workspace.store.reader;
  const commit = await reader.commit(request.commit);
  const before = commit.parents[0] ? (await reader.commit(commit.parents[0])).tree : null;
  const [files, changes] = await Promise.all([
    diffTrees(reader, before, commit.tree),
    semanticDiff(reader, {before, after: commit.tree, limit: request.limit}),
  ]);
  return {commit: request.commit, changes, total: files.length};
}
