import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {CHECKPOINT_REFS} from '../checkpoint/checkpointTag.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

/** Waits this long after the last event, so a burst (lock, rename, reflog) is one refresh. */
const DEBOUNCE_MS = 60;

interface Target {
  dir: string;
  /** The file names whose events count; null for any (checkpoint tags, in subdirectories). */
  names: string[] | null;
  recursive: boolean;
}

/**
 * Calls `onChange` shortly after `refs/maestro/main` moves (a write in another terminal, a sync, a
 * `git fetch`), or a checkpoint tag appears, by watching the directories that hold them: git moves
 * a ref by renaming `<ref>.lock` over it, and `git pack-refs` rewrites `packed-refs`. No polling:
 * an idle dashboard costs nothing. A directory that does not exist yet (before `maestro init`, before
 * the first checkpoint) is awaited by watching its parent. Returns the function that stops watching.
 */
export function watchStateRef(workspace: Workspace, onChange: () => void): () => void {
  const {commondir} = workspace.repo;
  const fs = nodeFs;
  const watchers = new Set<nodeFs.FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const fire = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; if (!closed) onChange(); }, DEBOUNCE_MS);
  };
  const stop = (watcher: nodeFs.FSWatcher | null) => {
    if (!watcher) return;
    watcher.close();
    watchers.delete(watcher);
  };
  const watch = (dir: string, options: {recursive: boolean}, listener: (name: string | null) => void, onError: () => void): nodeFs.FSWatcher | null => {
    try {
      const watcher = fs.watch(dir, {persistent: true, recursive: options.recursive}, (_event, name) => listener(name === null ? null : String(name)));
      watcher.on(`error`, () => { stop(watcher); onError(); });
      watchers.add(watcher);
      return watcher;
    } catch {
      return null;
    }
  };
  const arm = (target: Target, late = false): void => {
    if (closed) return;
    if (fs.existsSync(target.dir)) {
      // `git pack-refs` may remove the directory itself: then wait for it again.
      const gone = () => { stop(watcher); arm(target, true); };
      const watcher = watch(target.dir, {recursive: target.recursive}, name => {
        if (!fs.existsSync(target.dir)) gone();
        else if (target.names === null || name === null || target.names.includes(name)) fire();
      }, () => { if (!closed) gone(); });
      // Created while we waited: the ref may have moved before the watch began.
      if (late) fire();
      return;
    }
    // Wait for the directory: watch the nearest ancestor that exists until the next level appears.
    let parent = path.dirname(target.dir);
    while (!fs.existsSync(parent) && parent !== path.dirname(parent)) parent = path.dirname(parent);
    const next = path.join(parent, path.relative(parent, target.dir).split(path.sep)[0]!);
    const appeared = () => {
      if (!waiting || !watchers.has(waiting) || !fs.existsSync(next)) return;
      stop(waiting);
      arm(target, true);
    };
    const waiting = watch(parent, {recursive: false}, appeared, () => undefined);
    appeared();
  };
  const stateRef = path.join(commondir, STATE_REF);
  arm({dir: commondir, names: [`packed-refs`], recursive: false});
  arm({dir: path.dirname(stateRef), names: [path.basename(stateRef)], recursive: false});
  arm({dir: path.join(commondir, CHECKPOINT_REFS), names: null, recursive: true});
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    watchers.clear();
  };
}
