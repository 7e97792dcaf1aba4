import {spawnSync} from 'node:child_process';
import * as path from 'node:path';
import {readRef} from '../store/refs.ts';
import type {GitFs, Repository} from '../store/types.ts';

/** What `handoff create` learns from the code repository around it (reference-handoff §2.3). */
export interface GitContext {
  /** The checked-out branch, or null: detached HEAD, or a branch with no commit yet. */
  branch: string | null;
  /** Changed, staged and untracked paths, as `git status` lists them (untracked directories collapsed). */
  changedFiles: string[];
  /** Whether the worktree has a PLAN.md at its top. */
  hasPlanMd: boolean;
}

/**
 * Reads the git context of `handoff create`, failing soft: no git, no repository state, a timeout,
 * each gives an empty part, never an error. The branch is read in-process from this worktree's HEAD;
 * the changed files take one `git status` process (the only native git call on this path).
 */
export function readGitContext(fs: GitFs, repo: Repository): GitContext {
  return {branch: readBranch(fs, repo), changedFiles: changedFiles(repo.worktree), hasPlanMd: fs.existsSync(path.join(repo.worktree, `PLAN.md`))};
}

/**
 * The branch HEAD names, when it has a commit. An unborn branch (a fresh `git init`) is not an anchor
 * a reader could open, so it is left out, as the original leaves out git context it cannot read.
 */
export function readBranch(fs: GitFs, repo: Repository): string | null {
  let head: string;
  try {
    head = fs.readFileSync(path.join(repo.gitdir, `HEAD`), `utf8`).trim();
  } catch {
    return null;
  }
  const match = /^ref: refs\/heads\/(.+)$/.exec(head);
  if (!match) return null;
  try {
    return readRef(fs, repo.commondir, `refs/heads/${match[1]}`) ? match[1]! : null;
  } catch {
    return null;
  }
}

/** The paths of `git status --porcelain=v1 -z` in `worktree`; [] when git cannot tell. */
export function changedFiles(worktree: string): string[] {
  try {
    const result = spawnSync(`git`, [`status`, `--porcelain=v1`, `-z`], {cwd: worktree, encoding: `utf8`, timeout: 10_000, maxBuffer: 16 * 1024 * 1024, stdio: [`ignore`, `pipe`, `ignore`]});
    return result.status === 0 ? parsePorcelainZ(result.stdout) : [];
  } catch {
    return [];
  }
}

/**
 * Paths of `git status --porcelain=v1 -z` output: `XY path` entries separated by NUL, a rename or copy
 * followed by its source path (skipped). The status columns are cut by position on untrimmed output:
 * the original trimmed first and lost the first path's first character (reference quirk Q1).
 */
export function parsePorcelainZ(output: string): string[] {
  const paths: string[] = [];
  const entries = output.split(`\0`);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (/[RC]/.test(entry.slice(0, 2))) i++;
  }
  return paths;
}
