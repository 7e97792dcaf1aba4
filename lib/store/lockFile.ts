import {os} from '../lazyBuiltins.ts';
import type {GitFs} from './types.ts';

/**
 * git's lock protocol: `<file>.lock` created with O_CREAT|O_EXCL. While we hold a lock it names our pid
 * and host, so a lock left by a killed maestro can be recognised and broken safely; a lock without
 * that line (native git's, or one caught after the final write) is never broken, only reported.
 */
export interface HeldLock {
  fd: number;
  path: string;
}

export interface LockOwner {
  pid: number | null;
  host: string | null;
  ageMs: number;
  /** true: running; false: not running on this host; null: unknown (other host, or not ours). */
  alive: boolean | null;
}

const OWNER_LINE = /^maestro-lock pid (\d+) host (\S+)\n?$/;

/** Creates the lock, or returns null when it exists. */
export function tryLock(fs: GitFs, lockPath: string): HeldLock | null {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, `wx`, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === `EEXIST`) return null;
    throw error;
  }
  fs.writeSync(fd, `maestro-lock pid ${process.pid} host ${os().hostname()}\n`);
  return {fd, path: lockPath};
}

/** Releases a lock without using its content. */
export function releaseLock(fs: GitFs, lock: HeldLock): void {
  try { fs.closeSync(lock.fd); } catch { /* already closed by commitLock */ }
  try { fs.unlinkSync(lock.path); } catch { /* gone: nothing to release */ }
}

/** Replaces the lock's content with `content` and renames it over `target`: the atomic step. */
export function commitLock(fs: GitFs, lock: HeldLock, target: string, content: string): void {
  fs.ftruncateSync(lock.fd, 0);
  fs.writeSync(lock.fd, content, 0);
  fs.closeSync(lock.fd);
  fs.renameSync(lock.path, target);
}

/** Who holds a lock, as far as can be told; null when there is no lock. */
export function describeLock(fs: GitFs, lockPath: string, now: number): LockOwner | null {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath).mtimeMs;
    text = fs.readFileSync(lockPath, `utf8`);
  } catch {
    return null;
  }
  const match = OWNER_LINE.exec(text);
  if (!match) return {pid: null, host: null, ageMs: now - mtimeMs, alive: null};
  const pid = Number(match[1]);
  const host = match[2]!;
  return {pid, host, ageMs: now - mtimeMs, alive: host === os().hostname() ? isRunning(pid) : null};
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === `EPERM`;
  }
}

/**
 * Removes a lock whose maestro owner is verifiably dead. Breakers serialise on `<lock>.break` and
 * re-check the lock's inode under it, so a live lock that replaced the dead one is never removed.
 * @returns true when the dead lock is gone
 */
export function breakDeadLock(fs: GitFs, lockPath: string, now: number): boolean {
  const owner = describeLock(fs, lockPath, now);
  if (!owner || owner.alive !== false) return owner === null;
  const inode = fs.statSync(lockPath, {throwIfNoEntry: false})?.ino;
  const breaker = tryLock(fs, `${lockPath}.break`);
  if (!breaker) {
    // A breaker that died mid-break leaves this behind; it is only ever held for microseconds.
    const stale = describeLock(fs, `${lockPath}.break`, now);
    if (stale && stale.alive === false) try { fs.unlinkSync(`${lockPath}.break`); } catch { /* raced */ }
    return false;
  }
  try {
    const again = describeLock(fs, lockPath, now);
    const sameFile = fs.statSync(lockPath, {throwIfNoEntry: false})?.ino === inode;
    if (again && again.alive === false && again.pid === owner.pid && sameFile) fs.unlinkSync(lockPath);
    return true;
  } finally {
    releaseLock(fs, breaker);
  }
}
