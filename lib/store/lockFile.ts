import {os} from '../lazyBuiltins.ts';
import type {GitFs} from './types.ts';

/**
 * git's lock protocol: `<file>.lock` exists while someone updates `<file>`, and nobody else may.
 * Our lock is never without the line naming our pid and host: it is written to a file aside and
 * hard-linked into place (link fails with EEXIST exactly as O_EXCL does), and the new value is
 * renamed over the target from another aside file while the lock still names us. So a lock left by a
 * killed maestro, at any instant, can be recognised and broken safely; a lock without that line
 * (native git's) is never broken, only reported. Aside files end in `.lock`, which git's ref
 * iteration skips.
 */
export interface HeldLock {
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
  const owner = `maestro-lock pid ${process.pid} host ${os().hostname()}\n`;
  const aside = `${lockPath}-${process.pid}-${Math.random().toString(36).slice(2)}.lock`;
  fs.writeFileSync(aside, owner);
  try {
    fs.linkSync(aside, lockPath);
    return {path: lockPath};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === `EEXIST`) return null;
    if (code === `EPERM` || code === `ENOTSUP` || code === `ENOSYS`) return createExclusive(fs, lockPath, owner);
    throw error;
  } finally {
    try { fs.unlinkSync(aside); } catch { /* already gone */ }
  }
}

/** For file systems without hard links: O_EXCL, with a brief window where the owner line is missing. */
function createExclusive(fs: GitFs, lockPath: string, owner: string): HeldLock | null {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, `wx`, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === `EEXIST`) return null;
    throw error;
  }
  try { fs.writeSync(fd, owner); } finally { fs.closeSync(fd); }
  return {path: lockPath};
}

/**
 * Takes the lock, waiting for a busy one with jittered backoff and breaking it when its maestro
 * owner is dead (every 16th attempt); null when it is still held after `timeoutMs`, so the caller
 * can say whose lock it is.
 */
export async function acquireLock(fs: GitFs, lockPath: string, options: {timeoutMs: number}): Promise<HeldLock | null> {
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const lock = tryLock(fs, lockPath);
    if (lock) return lock;
    if (attempt % 16 === 15) breakDeadLock(fs, lockPath, Date.now());
    if (Date.now() > deadline) return null;
    // 1-2 ms at first, up to 20-40 ms, so racing writers spread out.
    const base = Math.min(20, 1 + attempt);
    await new Promise(resolve => setTimeout(resolve, base + Math.random() * base));
  }
}

/** Releases a lock without using it. */
export function releaseLock(fs: GitFs, lock: HeldLock): void {
  try { fs.unlinkSync(lock.path); } catch { /* gone: nothing to release */ }
}

/** Renames `content` over `target` while the lock is held, then releases it: the atomic step. */
export function commitLock(fs: GitFs, lock: HeldLock, target: string, content: string): void {
  const aside = `${lock.path}-${process.pid}-next.lock`;
  fs.writeFileSync(aside, content);
  fs.renameSync(aside, target);
  releaseLock(fs, lock);
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
 * Removes a lock whose maestro owner is verifiably dead. Breakers serialise on `<lock>-break.lock` and
 * re-check the lock's inode under it, so a live lock that replaced the dead one is never removed.
 * @returns true when the dead lock is gone
 */
export function breakDeadLock(fs: GitFs, lockPath: string, now: number): boolean {
  const owner = describeLock(fs, lockPath, now);
  if (!owner || owner.alive !== false) return owner === null;
  const inode = fs.statSync(lockPath, {throwIfNoEntry: false})?.ino;
  const breaker = tryLock(fs, `${lockPath}-break.lock`);
  if (!breaker) {
    // A breaker that died mid-break leaves this behind; it is only ever held for microseconds.
    const stale = describeLock(fs, `${lockPath}-break.lock`, now);
    if (stale && stale.alive === false) try { fs.unlinkSync(`${lockPath}-break.lock`); } catch { /* raced */ }
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
