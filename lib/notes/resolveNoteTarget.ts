import {NotFoundError} from '../errors.ts';
import {resolveRevision} from '../store/resolveRevision.ts';
import type {Workspace} from '../workspace.ts';

/** The `--commit` value that records no note (a branch named `none` is still `heads/none`). */
export const NO_COMMIT = `none`;

/**
 * The code commit a state change should be noted on: `--commit <rev>` when given (`none` for no
 * note), else this worktree's HEAD, or null when HEAD is unborn (a repository without a commit yet:
 * the update goes ahead without a note). Resolved before the state transaction, so a bad rev writes
 * nothing.
 * @throws InputError, NotFoundError when an explicit rev names no commit
 */
export async function resolveNoteTarget(workspace: Workspace, rev: string | undefined): Promise<string | null> {
  if (rev === NO_COMMIT) return null;
  const {fs} = workspace.store.deps;
  const commit = await resolveRevision({fs, repo: workspace.repo, objects: workspace.store.objects}, rev ?? `HEAD`);
  if (commit === null && rev !== undefined) throw new NotFoundError(`--commit ${rev}: HEAD has no commit yet`, {hint: `commit first, or pass --commit ${NO_COMMIT}`});
  return commit;
}
