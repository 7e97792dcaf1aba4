import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {childProcess} from '../lazyBuiltins.ts';
import {nativeScanner} from './nativeScanner.ts';
import type {GitFs} from './types.ts';

/**
 * The quick hand-edit scan of a large `.maestro/` (DESIGN.md, ".maestro/ is a materialization").
 * Telling an edit in place from the mirror's own writes takes one stat per file: 2,000 files cost
 * `status` 17 to 30 ms in node (5 to 15 µs a stat on the bench machines), a third of a `node -e 0`.
 * The native scanner (native/ctimeScan.c, on a thread of this process) or else `find` does the same
 * stats in C, on the other core, while `status` does its other work, and lists only what changed.
 * The native one also counts the entries of each changed directory, so that the directory a write
 * renamed into need not be read again; `find` costs the main thread about 15 ms more (a fork).
 *
 * The reference is `.maestro/.mirror-scan`: its mtime is the file system's clock when the previous
 * scan started, less a margin, and it lists the hand edits that scan reported. `find -cnewer` lists
 * every file and directory whose status changed after that time: a write, a chmod, a rename or a
 * delete in a directory all change a ctime, and a ctime cannot be set back by hand (`touch -d` and
 * `cp -p` set only the mtime). So the hand edits now are among those paths and the ones reported
 * before, which are checked again. Each scan then records its own start as the next reference.
 * Times are read off the file system, not this process's clock, so a network file system's own
 * clock is what counts; if the new reference is older than the old one (a clock set back), the
 * caller scans in full.
 */
export const SCAN_FILE = `.mirror-scan`;
/** The mirror's directory in a worktree (here, so that the dispatcher can prefetch without the Mirror). */
export const MIRROR_DIR = `.maestro`;
/** Where prefetchScan leaves its scan for the command's bundle, which is another module system. */
const PREFETCHED = Symbol.for(`maestro.prefetchedScan`);
/** Changes this long before a scan started are seen by the next one again: coarse file-system clocks (FAT: 2 s). */
const MARGIN_MS = 2000;
/** An unfinished reference this old belongs to a status that was killed: a running one takes milliseconds. */
const LEFTOVER_MS = 60_000;

export interface PendingScan {
  /** The next reference, created when this scan started. */
  readonly next: string;
  /** Its mtime: the file system's time when this scan started. */
  readonly startedAt: number;
  /** What lists the changes; null when nothing does and every file is checked. */
  readonly scanner: `native` | `find` | null;
  /** What changed since the previous reference; null when all must be checked. Waits for the scan. */
  changes(): Promise<ScanChanges | null>;
  /** What the previous scan reported as edited by hand: checked again. */
  readonly reported: string[];
}

export interface ScanChanges {
  /** Paths relative to the mirror (`` is the mirror itself) whose status changed. */
  paths: string[];
  /** For the changed directories the native scanner counted: their entries that can be state. */
  counts: Map<string, DirectoryCount>;
}

/** A directory's entries that can be state (no dot names, no `*.tmp`), as the scan found them. */
export interface DirectoryCount {
  files: number;
  dirs: number;
}

/**
 * Starts listing what changed in the mirror since the previous scan, or returns null where it
 * cannot (Windows, or no reference file can be written): the caller then scans in full.
 */
export function startScan(fs: GitFs, dir: string, platform: string, env: Record<string, string | undefined>): PendingScan | null {
  if (platform === `win32`) return null;
  const reference = path.join(dir, SCAN_FILE);
  const next = path.join(dir, `${SCAN_FILE}.${process.pid}.tmp`);
  let startedAt: number;
  try {
    fs.writeFileSync(next, ``);
    startedAt = fs.statSync(next).mtimeMs;
  } catch {
    return null;
  }
  let previous: {at: number; reported: string[]} | null = null;
  try {
    const at = fs.statSync(reference).mtimeMs;
    previous = {at, reported: fs.readFileSync(reference, `utf8`).split(`\n`).filter(Boolean)};
  } catch { /* the first scan: everything is checked */ }
  const lister = previous === null || previous.at > startedAt ? null : listChanges(fs, dir, SCAN_FILE, next, env);
  return {next, startedAt, scanner: lister?.scanner ?? null, changes: lister?.changes ?? (async () => null), reported: previous?.reported ?? []};
}

/**
 * Starts the scan of the mirror of the worktree around `cwd` before `status`'s bundle is even loaded
 * (commands/dispatch.ts), so that find is done when status needs it instead of being waited for:
 * only where a previous status left a reference, that is where the mirror is large. Mirror.startScan
 * takes it; a run that never does removes it when the process exits.
 */
export function prefetchScan(cwd: string, platform: string, env: Record<string, string | undefined>, fs: GitFs = nodeFs): void {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, `.git`))) {
      const mirror = path.join(dir, MIRROR_DIR);
      const scan = fs.existsSync(path.join(mirror, SCAN_FILE)) ? startScan(fs, mirror, platform, env) : null;
      if (!scan) return;
      (globalThis as Record<symbol, unknown>)[PREFETCHED] = {dir: mirror, scan};
      process.once(`exit`, () => {
        if (takePrefetchedScan(fs, mirror)) abandonScan(fs, scan);
      });
      return;
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** The scan prefetchScan started for the mirror `dir`, once; another mirror's is dropped. */
export function takePrefetchedScan(fs: GitFs, dir: string): PendingScan | null {
  const global = globalThis as Record<symbol, {dir: string; scan: PendingScan} | undefined>;
  const prefetched = global[PREFETCHED];
  if (!prefetched) return null;
  delete global[PREFETCHED];
  if (prefetched.dir === dir) return prefetched.scan;
  abandonScan(fs, prefetched.scan);
  return null;
}

/**
 * Records this scan as the next one's reference: the hand edits it found, and its start less the
 * margin. Also removes the unfinished references of scans killed a while ago (a status killed with
 * SIGKILL never removes its own).
 */
export function finishScan(fs: GitFs, scan: PendingScan, reported: string[]): void {
  const dir = path.dirname(scan.next);
  try {
    fs.writeFileSync(scan.next, reported.length ? `${reported.join(`\n`)}\n` : ``);
    const at = new Date(scan.startedAt - MARGIN_MS);
    fs.utimesSync(scan.next, at, at);
    fs.renameSync(scan.next, path.join(dir, SCAN_FILE));
  } catch {
    abandonScan(fs, scan);
    return;
  }
  try {
    for (const name of fs.readdirSync(dir).map(String)) {
      if (!name.startsWith(`${SCAN_FILE}.`) || !name.endsWith(`.tmp`)) continue;
      const file = path.join(dir, name);
      if (fs.statSync(file).mtimeMs < scan.startedAt - LEFTOVER_MS) fs.rmSync(file, {force: true});
    }
  } catch { /* another status removed it first */ }
}

/** Drops a scan that did not finish: the previous reference stays, which only means more to check. */
export function abandonScan(fs: GitFs, scan: PendingScan): void {
  try { fs.unlinkSync(scan.next); } catch { /* already gone */ }
}

/**
 * Starts listing what changed in `dir` since `reference`: with the native scanner where it was built,
 * otherwise with find. Either fails (and all is checked) on a directory this process cannot see.
 */
function listChanges(fs: GitFs, dir: string, reference: string, output: string, env: Record<string, string | undefined>): {scanner: `native` | `find`; changes: () => Promise<ScanChanges | null>} {
  const native = nativeScanner(env);
  const handle = native?.start(dir, reference) ?? null;
  if (native && handle) {
    // Joined only when status needs the answer: by then the thread has long finished.
    return {scanner: `native`, changes: async () => parseScanRecords(native.finish(handle))};
  }
  const found = findChanged(fs, dir, reference, output, env);
  return {scanner: `find`, changes: async () => parseScanRecords(await found)};
}

/**
 * The records of a scan (native/ctimeScan.c; find's output is its path records alone): `.` or
 * `./a/b` for a changed path, `#<files> <dirs> ./a/b` for a changed directory's counts.
 */
export function parseScanRecords(records: string | null): ScanChanges | null {
  if (records === null) return null;
  const relative = (name: string) => (name === `.` ? `` : name.replace(/^\.\//, ``));
  const paths: string[] = [];
  const counts = new Map<string, DirectoryCount>();
  for (const record of records.split(`\0`)) {
    if (record === ``) continue;
    const count = record.startsWith(`#`) ? /^#(\d+) (\d+) (.*)$/s.exec(record) : null;
    if (count) counts.set(relative(count[3]!), {files: Number(count[1]), dirs: Number(count[2])});
    else paths.push(relative(record));
  }
  return {paths, counts};
}

/**
 * `find . -cnewer <reference> -print0` in `dir`: its output, or null if find failed or is missing.
 * Its output goes to `output` (the next reference, empty until the scan finishes), not to a pipe:
 * node then makes no streams for it and only waits for the exit.
 */
function findChanged(fs: GitFs, dir: string, reference: string, output: string, env: Record<string, string | undefined>): Promise<string | null> {
  return new Promise(resolve => {
    let fd: number;
    try {
      fd = fs.openSync(output, `w`);
    } catch {
      resolve(null);
      return;
    }
    const read = (code: number | null) => {
      // A file removed while find walked makes it exit 1: then everything is checked.
      if (code !== 0) return resolve(null);
      try {
        const found = fs.readFileSync(output, `utf8`);
        fs.truncateSync(output);
        resolve(found);
      } catch {
        resolve(null);
      }
    };
    try {
      // Only PATH: copying the whole environment for the child costs about 1 ms, and the C locale
      // spares find any conversion of names.
      const child = childProcess().spawn(`find`, [`.`, `-cnewer`, reference, `-print0`], {cwd: dir, stdio: [`ignore`, fd, `ignore`], env: {PATH: env.PATH ?? `/usr/bin:/bin`, LC_ALL: `C`}});
      child.on(`error`, () => resolve(null));
      child.on(`exit`, read);
    } catch {
      resolve(null);
    } finally {
      fs.closeSync(fd);
    }
  });
}
