import * as path from 'node:path';
import {childProcess} from '../lazyBuiltins.ts';
import {readGitConfig} from './gitConfig.ts';
import type {Store} from './store.ts';

const MARKER = `gc-started`;
const QUIET_PERIOD_MS = 10 * 60_000;

/**
 * isomorphic-git never packs, and each state commit leaves a few loose objects. When they pass git's
 * own `gc.auto` threshold (estimated as git does, from one fan-out directory), start a detached
 * `git gc --auto` so a long history stays fast. The command does not wait for it, and a marker file
 * keeps agents in a loop from starting one each.
 * @returns true when a gc was started
 */
export function maybeStartGc(store: Store): boolean {
  const {fs, repo, now, env} = store.deps;
  if (env.MAESTRO_NO_GC === `1`) return false;
  const configured = readGitConfig(fs, path.join(repo.commondir, `config`)).get(`gc.auto`);
  const threshold = configured === undefined ? 6700 : Number(configured);
  if (!(threshold > 0) || store.objects.estimateLooseObjects() <= threshold) return false;
  const marker = path.join(store.privateDir, MARKER);
  const last = fs.statSync(marker, {throwIfNoEntry: false})?.mtimeMs ?? 0;
  if (now().getTime() - last < QUIET_PERIOD_MS) return false;
  fs.mkdirSync(store.privateDir, {recursive: true});
  fs.writeFileSync(marker, `${now().toISOString()}\n`);
  try {
    const child = childProcess().spawn(`git`, [`gc`, `--auto`, `--quiet`], {cwd: repo.worktree, detached: true, stdio: `ignore`});
    child.on(`error`, () => { /* no git on PATH: nothing to do */ });
    child.unref();
    return true;
  } catch {
    return false;
  }
}
