import * as path from 'node:path';
import {StoreBusyError} from '../errors.ts';
import {acquireLock, commitLock, describeLock, releaseLock} from './lockFile.ts';
import {appendReflog, readRef} from './refs.ts';
import type {GitFs, Identity} from './types.ts';

export interface RefUpdate {
  next: string;
  message: string;
}

export interface RefLockOptions {
  fs: GitFs;
  commondir: string;
  ref: string;
  who: Identity;
  now: () => Date;
  /** How long to wait for a busy lock before giving up; default 10 s. */
  timeoutMs?: number;
}

/**
 * Runs `update` holding git's lock on `ref` and moves the ref to what it returns (or leaves it when it
 * returns null). The current value is read inside the lock, so the update is a compare-and-swap that
 * native `git update-ref` respects too; the new value is renamed over the ref (readers never see a
 * torn file) after the reflog line is written. Objects must be written by `update` before it returns.
 *
 * Why lock first rather than read, compute, then swap: under contention an optimistic writer redoes
 * the whole transaction on every lost race; holding the lock for the few milliseconds of a state
 * commit serialises writers fairly and makes "exactly one of N racing transitions wins" trivial.
 * @throws StoreBusyError when the lock stays held past the timeout
 */
export async function withRefLock<T>(options: RefLockOptions, update: (current: string | null) => Promise<{result: T; ref: RefUpdate | null}>): Promise<T> {
  const {fs, commondir, ref} = options;
  const refPath = path.join(commondir, ref);
  fs.mkdirSync(path.dirname(refPath), {recursive: true});
  const lockPath = `${refPath}.lock`;
  const lock = await acquireLock(fs, lockPath, {timeoutMs: options.timeoutMs ?? 10_000});
  if (!lock) throw busyError(options, lockPath);
  let committed = false;
  try {
    const current = readRef(fs, commondir, ref);
    const {result, ref: change} = await update(current);
    if (change && change.next !== current) {
      appendReflog(fs, commondir, ref, {old: current, next: change.next, who: options.who, at: options.now(), message: change.message});
      commitLock(fs, lock, refPath, `${change.next}\n`);
      committed = true;
    }
    return result;
  } finally {
    if (!committed) releaseLock(fs, lock);
  }
}

function busyError(options: RefLockOptions, lockPath: string): StoreBusyError {
  const owner = describeLock(options.fs, lockPath, Date.now());
  const age = owner ? `${Math.round(owner.ageMs / 1000)}s old` : `gone now`;
  const who = owner?.pid ? `pid ${owner.pid}${owner.alive === false ? `, not running` : owner.alive ? `, running` : ` on ${owner.host}`}` : `another process (git?)`;
  return new StoreBusyError(`${options.ref} is locked by ${who} (lock ${age})`, {
    hint: owner?.alive ? `wait for it to finish and run the command again` : `if no maestro or git process is using this repository, remove the lock: rm '${lockPath}'`,
    data: {lockPath, owner},
  });
}
