import {GitCommandError} from '../errors.ts';
import {childProcess} from '../lazyBuiltins.ts';
import {shellQuote} from '../shellQuote.ts';
import type {StoreDeps} from '../store/types.ts';

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs native `git` in the repository: the transport for fetch and push (any URL, ssh config and
 * credential helper the user has) and the few questions isomorphic-git answers slowly or not at all
 * (`merge-base --all`). Never on the path of an ordinary mutation (DESIGN.md). stdin is closed, so a
 * credential prompt cannot hang an agent; git still asks on the terminal when there is one.
 * @throws GitCommandError when git is missing, or (unless `allowFailure`) exits non-zero
 */
export function runGit(deps: Pick<StoreDeps, `repo` | `env`>, args: string[], options: {allowFailure?: boolean} = {}): GitResult {
  const {repo} = deps;
  const result = childProcess().spawnSync(`git`, args, {
    cwd: repo.worktree, encoding: `utf8`, maxBuffer: 256 * 1024 * 1024, stdio: [`ignore`, `pipe`, `pipe`],
    env: {...deps.env, GIT_DIR: repo.gitdir, GIT_WORK_TREE: repo.worktree},
  });
  if (result.error) throw new GitCommandError(`cannot run git: ${result.error.message}`, {hint: `install git and make sure it is on PATH`});
  const outcome = {status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr};
  if (outcome.status !== 0 && !options.allowFailure) {
    throw new GitCommandError(`git ${args[0]} failed: ${firstLine(outcome.stderr) || `exit ${outcome.status}`}`, {hint: `run \`git ${args.map(shellQuote).join(` `)}\` to see the whole message`});
  }
  return outcome;
}

/** The first meaningful line of git's stderr (skipping hints and blank lines). */
export function firstLine(text: string): string {
  return text.split(`\n`).map(line => line.trim()).find(line => line !== `` && !line.startsWith(`hint:`)) ?? ``;
}
