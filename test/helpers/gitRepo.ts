import {execFileSync, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {findRepository} from '../../lib/store/findRepository.ts';
import {Store} from '../../lib/store/store.ts';

export interface GitRepo {
  /** The working tree's top directory (its realpath, so it compares equal to what git prints). */
  dir: string;
  /** Runs `git <args>` in `dir` (or `cwd`) and returns its stdout; throws on a non-zero exit. */
  git(args: string[], options?: {cwd?: string; input?: string}): string;
  /** Runs `git <args>` and returns its exit status and output, whatever the status. */
  tryGit(args: string[]): {status: number | null; stdout: string; stderr: string};
  /**
   * `git fsck --strict --no-dangling`: its exit status and every line it printed but the notices (such
   * as an unborn HEAD in a repository without a code commit).
   */
  fsck(): {status: number | null; problems: string[]};
  cleanup(): void;
}

/**
 * The environment every test's `git` runs with: no GIT_* variables inherited from the caller (a hook,
 * a worktree), no system or global config, so the repository's own config is the whole config.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith(`GIT_`)) env[key] = value;
  return {...env, GIT_CONFIG_NOSYSTEM: `1`, GIT_CONFIG_GLOBAL: `/dev/null`, MAESTRO_NO_GC: `1`};
}

export function runGit(cwd: string, args: string[], input?: string): string {
  return execFileSync(`git`, args, {cwd, env: gitEnv(), encoding: `utf8`, input, stdio: [`pipe`, `pipe`, `pipe`], maxBuffer: 64 * 1024 * 1024});
}

/** A fresh repository made by real `git init` in a temporary directory, with an identity in its config. */
export function makeGitRepo(options: {initArgs?: string[]} = {}): GitRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-test-`)));
  runGit(dir, [`-c`, `init.defaultBranch=main`, `init`, `--quiet`, ...(options.initArgs ?? [])]);
  if (!(options.initArgs ?? []).includes(`--bare`)) {
    runGit(dir, [`config`, `user.name`, `Maestro Test`]);
    runGit(dir, [`config`, `user.email`, `test@maestro.invalid`]);
  }
  return {
    dir,
    git: (args, gitOptions = {}) => runGit(gitOptions.cwd ?? dir, args, gitOptions.input),
    tryGit: args => {
      const result = spawnSync(`git`, args, {cwd: dir, env: gitEnv(), encoding: `utf8`, maxBuffer: 64 * 1024 * 1024});
      return {status: result.status, stdout: result.stdout, stderr: result.stderr};
    },
    fsck: () => {
      const result = spawnSync(`git`, [`fsck`, `--strict`, `--no-dangling`, `--no-progress`], {cwd: dir, env: gitEnv(), encoding: `utf8`, maxBuffer: 64 * 1024 * 1024});
      const problems = `${result.stdout}${result.stderr}`.split(`\n`).filter(line => line !== `` && !line.startsWith(`notice:`));
      return {status: result.status, problems};
    },
    cleanup: () => fs.rmSync(dir, {recursive: true, force: true}),
  };
}

/** The environment a test store resolves its identity from: no HOME, so only the repository config counts. */
export const TEST_ENV: Record<string, string | undefined> = {MAESTRO_NO_GC: `1`, MAESTRO_AGENT: `test-agent`, MAESTRO_SESSION: `test-session`};

/** A Store on the real disk for the repository around `dir`, with a new isomorphic-git cache object. */
export function openTestStore(dir: string, env: Record<string, string | undefined> = TEST_ENV): Store {
  return new Store({fs, repo: findRepository(fs, dir), cache: {}, now: () => new Date(), env: {...env}});
}
