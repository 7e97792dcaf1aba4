import type * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {CorruptStateError} from '../errors.ts';
import {countRawTreeEntries, findRawTreeEntry, isTreeMode} from './gitObjects.ts';
import {releaseLock, tryLock, breakDeadLock} from './lockFile.ts';
import {abandonScan, finishScan, MIRROR_DIR, startScan, takePrefetchedScan, type DirectoryCount, type PendingScan} from './mirrorScan.ts';
import type {Store} from './store.ts';
import {diffTrees} from './treeDiff.ts';
import type {StateTip} from './types.ts';

export {MIRROR_DIR};
const STAMP = `.mirror`;
const INDEX = `.mirror-index`;
const LOCK = `.mirror.lock`;
/** Up to this many changed files, a sync looks up their journal lines instead of parsing the whole journal. */
const TARGETED_MAX = 64;
/** How much of the journal's end a status reads first (journalLookup): about 100 lines. */
const JOURNAL_TAIL = 16 * 1024;
/** From this many mirrored files, `status` finds hand edits with `find` (mirrorScan.ts); below, one stat each costs less. */
const QUICK_SCAN_MIN = 1000;
// `skills/` holds workspace worker skills (`feature prompt` reads them): local files, not hand edits.
const LOCAL_FILES = new Set([`config.yaml`, `skills`]);

/** What the mirror recorded for a file when it wrote it: size, mtime, blob id. */
type IndexEntry = [number, number, string];
type MirrorIndex = Map<string, IndexEntry>;

export interface HandEdit {
  path: string;
  kind: `modified` | `deleted` | `added`;
}

/**
 * `.maestro/` mirrors the tip's tree as plain files for people and agents to `cat` and `grep`
 * (DESIGN.md, ".maestro/ is a materialization"). It records the commit it mirrors in `.mirror` and,
 * like git's index, the size and mtime of every file it wrote, so hand edits are told apart from
 * its own writes without reading every file. A hand-edited file is never overwritten.
 * The index is a journal (`<size> <mtime> <blob> <path>` lines, `- <path>` for a removal, the last
 * line of a path wins): a write appends the lines of the files it changed instead of rewriting
 * 2,000 entries, and the journal is compacted when it grows to twice the live entries.
 */
export class Mirror {
  readonly dir: string;

  constructor(private readonly store: Store) {
    this.dir = path.join(store.deps.repo.worktree, MIRROR_DIR);
  }

  /** The commit the mirror shows, or null when it was never built. */
  stampedCommit(): string | null {
    try {
      return this.store.deps.fs.readFileSync(path.join(this.dir, STAMP), `utf8`).split(` `)[0]!.trim() || null;
    } catch {
      return null;
    }
  }

  /**
   * Brings the mirror to the current tip, writing only what differs. Another process holding the
   * mirror lock is updating it already; we wait briefly, then leave it to that process.
   * @returns the paths kept because they were edited by hand
   */
  async sync(): Promise<string[]> {
    if (this.stampedCommit() === (await this.store.tip())?.commit) return [];
    return (await this.withLock(async () => {
      const tip = await this.store.tip();
      return tip ? this.apply(tip) : [];
    })) ?? [];
  }

  /**
   * Puts `paths` back as the mirrored commit has them, discarding hand edits: a file the state holds
   * is rewritten, one it does not hold is removed. Waits for the mirror lock like `sync`.
   * @returns the paths restored
   */
  async restore(paths: string[]): Promise<string[]> {
    const {fs} = this.store.deps;
    return (await this.withLock(async () => {
      const stamp = this.readStamp();
      if (!stamp) return [];
      const {index, lines} = this.readIndex();
      const journal: string[] = [];
      for (const relative of paths) {
        const file = path.join(this.dir, relative);
        const entry = await this.store.reader.entry(stamp.tree, relative);
        if (!entry) {
          try { fs.unlinkSync(file); } catch { /* already gone */ }
          index.delete(relative);
          journal.push(`- ${relative}`);
          removeEmptyParents(fs, path.dirname(file), this.dir);
          continue;
        }
        this.writeMirrored(file, await this.store.reader.blobText(entry.oid));
        const stat = fs.statSync(file);
        index.set(relative, [stat.size, stat.mtimeMs, entry.oid]);
        journal.push(`${stat.size} ${stat.mtimeMs} ${entry.oid} ${relative}`);
      }
      this.writeIndex(index, journal, lines);
      return paths;
    })) ?? [];
  }

  /** The blob the mirror last wrote at `relative`, or null. */
  recordedBlob(relative: string): string | null {
    return this.readIndex().index.get(relative)?.[2] ?? null;
  }

  /** Runs `body` holding the mirror lock; null when another process kept it for a whole second. */
  private async withLock<T>(body: () => Promise<T>): Promise<T | null> {
    const {fs, now} = this.store.deps;
    fs.mkdirSync(this.dir, {recursive: true});
    const lockPath = path.join(this.dir, LOCK);
    let lock = null;
    for (let attempt = 0; attempt < 200 && !lock; attempt++) {
      lock = tryLock(fs, lockPath);
      if (!lock) {
        if (attempt % 10 === 9) breakDeadLock(fs, lockPath, now().getTime());
        await new Promise(resolve => setTimeout(resolve, 5 + Math.random() * 5));
      }
    }
    if (!lock) return null;
    try {
      return await body();
    } finally {
      releaseLock(fs, lock);
    }
  }

  /** Writes a mirrored file by rename, so a reader never sees half of it. */
  private writeMirrored(file: string, text: string): void {
    const {fs} = this.store.deps;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, text);
    } catch {
      fs.mkdirSync(path.dirname(file), {recursive: true});
      fs.writeFileSync(tmp, text);
    }
    fs.renameSync(tmp, file);
  }

  private async apply(tip: StateTip): Promise<string[]> {
    const {fs} = this.store.deps;
    const stamp = this.readStamp();
    if (stamp?.commit === tip.commit) return [];
    const changes = await this.changesSince(stamp, tip);
    // A write changes a few files: look up just their journal lines instead of parsing all 2,000.
    const targeted = stamp !== null && stamp.live !== null && changes.length <= TARGETED_MAX;
    let index: MirrorIndex;
    let lines: number;
    let live: number;
    if (targeted) {
      const text = this.readIndexText();
      index = new Map();
      for (const change of changes) {
        const entry = findIndexEntry(text, change.path);
        if (entry) index.set(change.path, entry);
      }
      // The stamp carries the journal's line count: counting 2,000 lines on each write cost 0.5 ms.
      lines = stamp.lines ?? countLines(text);
      live = stamp.live!;
    } else {
      ({index, lines} = stamp ? this.readIndex() : {index: new Map() as MirrorIndex, lines: 0});
      live = index.size;
    }
    const journal: string[] = [];
    const kept: string[] = [];
    for (const change of changes) {
      const file = path.join(this.dir, change.path);
      const verdict = await this.handEditVerdict(file, index.get(change.path), change.after);
      if (verdict === `keep`) {
        kept.push(change.path);
        continue;
      }
      if (change.after === null) {
        try { fs.unlinkSync(file); } catch { /* already gone */ }
        if (index.delete(change.path) && targeted) live--;
        journal.push(`- ${change.path}`);
        removeEmptyParents(fs, path.dirname(file), this.dir);
        continue;
      }
      if (verdict === `write`) this.writeMirrored(file, await this.store.reader.blobText(change.after));
      const stat = fs.statSync(file);
      if (targeted && !index.has(change.path)) live++;
      index.set(change.path, [stat.size, stat.mtimeMs, change.after]);
      journal.push(`${stat.size} ${stat.mtimeMs} ${change.after} ${change.path}`);
    }
    let journalLines: number | null = null;
    if (targeted) ({live, lines: journalLines} = this.appendIndex(journal, lines, live));
    else {
      this.writeIndex(index, journal, stamp === null ? null : lines);
      live = index.size;
    }
    const counts = await this.directoryCounts(tip.tree, changes.map(change => change.path));
    this.writeFileAtomic(STAMP, `${tip.commit} ${tip.tree} ${live}${journalLines === null ? `` : ` ${journalLines}`}\n${counts.map(([dir, count]) => `c ${count} ${dir}\n`).join(``)}`);
    return kept;
  }

  /**
   * How many entries the tree has in each directory holding a changed path: recorded in the stamp,
   * so that the next status, which finds those directories changed by this sync's renames, compares
   * their names with a count instead of reading a 2,000-entry tree again. The trees were just read
   * by the diff, so counting costs nothing.
   */
  private async directoryCounts(tree: string, paths: string[]): Promise<Array<[string, number]>> {
    const counts: Array<[string, number]> = [];
    for (const dir of new Set(paths.map(relative => path.posix.dirname(relative)).filter(dir => dir !== `.`))) {
      const raw = await this.treeAt(tree, dir);
      if (raw) counts.push([dir, countRawTreeEntries(raw)]);
    }
    return counts;
  }

  /**
   * Appends a targeted sync's lines; compacts the whole journal once it holds twice the live entries.
   * @returns the live count and the journal's line count (as countLines counts them)
   */
  private appendIndex(journal: string[], lines: number, live: number): {live: number; lines: number} {
    if (lines + journal.length <= 2 * live + 64) {
      if (journal.length > 0) this.store.deps.fs.appendFileSync(path.join(this.dir, INDEX), `${journal.join(`\n`)}\n`);
      return {live, lines: lines + journal.length};
    }
    const {index} = this.readIndex();
    for (const line of journal) applyIndexLine(index, line);
    this.writeIndex(index, [], null);
    return {live: index.size, lines: index.size + 1};
  }

  /** What to rewrite: the tree diff from the stamped tree, or everything when that tree is unreadable. */
  private async changesSince(stamp: StateTip | null, tip: StateTip) {
    try {
      return await diffTrees(this.store.reader, stamp?.tree ?? null, tip.tree);
    } catch (error) {
      if (!(error instanceof CorruptStateError)) throw error;
      return diffTrees(this.store.reader, null, tip.tree);
    }
  }

  /** Files that differ from what the mirror wrote: edited, deleted or added by hand. */
  async handEdits(): Promise<HandEdit[]> {
    if (!this.readStamp()) return [];
    const {index} = this.readIndex();
    const edits: HandEdit[] = [];
    // One stat per mirrored file: the cost of telling an edit in place from our own write.
    const prefix = `${this.dir}${path.sep}`;
    for (const [relative, entry] of index) {
      const kind = await this.fileEdit(prefix + relative, entry);
      if (kind) edits.push({path: relative, kind});
    }
    for (const relative of this.listFiles(this.dir, ``)) {
      if (!index.has(relative)) edits.push({path: relative, kind: `added`});
    }
    return edits.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /**
   * Starts the quick scan of a large mirror (mirrorScan.ts), so that `find` runs while the caller
   * does its other work; null for a small mirror or where find cannot run. Finish it with
   * handEditsSince, or drop it with dropScan.
   */
  startScan(): PendingScan | null {
    const {fs} = this.store.deps;
    const prefetched = takePrefetchedScan(fs, this.dir);
    const live = this.readStamp()?.live;
    if (live !== undefined && live !== null && live >= QUICK_SCAN_MIN) return prefetched ?? startScan(fs, this.dir, process.platform, this.store.deps.env);
    if (prefetched) abandonScan(fs, prefetched);
    return null;
  }

  dropScan(scan: PendingScan | null): void {
    if (scan) abandonScan(this.store.deps.fs, scan);
  }

  /**
   * The same answer as handEdits, from a started scan: only the paths whose status changed since the
   * previous scan, and the edits it reported, are checked; a full scan when the scan could not list them.
   */
  async handEditsSince(scan: PendingScan | null): Promise<HandEdit[]> {
    if (!scan) return this.handEdits();
    const {fs} = this.store.deps;
    let edits: HandEdit[];
    try {
      const changes = await scan.changes();
      edits = changes === null ? await this.handEdits() : await this.changedEdits(new Set([...changes.paths, ...scan.reported]), changes.counts);
    } catch (error) {
      abandonScan(fs, scan);
      throw error;
    }
    finishScan(fs, scan, edits.map(edit => edit.path));
    return edits;
  }

  /**
   * The hand edits among `paths` (relative to the mirror; `` is the mirror itself). A changed file is
   * checked like handEdits does. A changed directory had names added or removed: when it holds as
   * many names as the mirrored tree has there, and none of its changed paths is an edit or a
   * directory the tree lacks, nothing was (a name added is itself a changed path, and a name removed
   * without one added leaves the count short); otherwise its names are compared with the journal's.
   * `counts` are the entries the scan counted in changed directories, so those need not be read.
   */
  private async changedEdits(paths: Set<string>, counts: Map<string, DirectoryCount>): Promise<HandEdit[]> {
    const {fs} = this.store.deps;
    const stamp = this.readStamp();
    if (!stamp) return [];
    const lookup = this.journalLookup();
    let index: MirrorIndex | null = paths.size > TARGETED_MAX ? this.readIndex().index : null;
    const entryOf = (relative: string) => (index ? index.get(relative) : lookup(relative));
    const edits = new Map<string, HandEdit[`kind`]>();
    const dirs: string[] = [];
    for (const relative of paths) {
      // The mirror's own files (`.mirror`, `.mirror-index`, `.mirror-scan`, its lock) are never state.
      if (relative.startsWith(`.mirror`) && !relative.includes(`/`)) continue;
      if (relative !== `` && !this.isMirrored(relative) && !entryOf(relative)) continue;
      const file = relative === `` ? this.dir : path.join(this.dir, relative);
      const stat = fs.lstatSync(file, {throwIfNoEntry: false});
      if (stat?.isDirectory()) {
        dirs.push(relative);
        // A directory where the mirror wrote a file: the file was deleted. (A directory the stamp
        // counted is one in the tree.)
        const entry = relative === `` || stamp.counts.has(relative) ? null : await this.store.reader.entry(stamp.tree, relative).catch(() => null);
        if (entry && !isTreeMode(entry.mode) && entryOf(relative)) edits.set(relative, `deleted`);
        continue;
      }
      const entry = entryOf(relative);
      const kind = entry ? await this.fileEdit(file, entry) : stat ? `added` : null;
      if (kind) edits.set(relative, kind);
    }
    // How many entries the tree has in each changed directory (the stamp's count, or the tree read);
    // null for one the tree does not have, which is new and counts as a name added to its parent.
    const trees = new Map<string, Buffer | null>();
    const tree = async (dir: string) => (trees.has(dir) ? trees.get(dir)! : trees.set(dir, await this.treeAt(stamp.tree, dir)).get(dir)!);
    const sizes = new Map<string, number | null>();
    for (const dir of dirs) sizes.set(dir, stamp.counts.get(dir) ?? (raw => (raw ? countRawTreeEntries(raw) : null))(await tree(dir)));
    const added = [...edits].filter(([, kind]) => kind === `added`).map(([relative]) => relative).concat(dirs.filter(dir => sizes.get(dir) === null));
    for (const dir of dirs) {
      const inside = (relative: string) => relative !== dir && (dir === `` ? !relative.includes(`/`) : relative.startsWith(`${dir}/`) && !relative.slice(dir.length + 1).includes(`/`));
      const untouched = !added.some(inside) && ![...edits.keys()].some(inside);
      const size = sizes.get(dir) ?? null;
      // The scan's count stands for the names when the directory has no subdirectories (which must
      // be checked against the tree, below) and is not the top, whose local files are not state.
      const scanned = dir === `` ? undefined : counts.get(dir);
      if (scanned?.dirs === 0 && size !== null && scanned.files === size && untouched) continue;
      const entries = this.mirroredEntries(dir);
      if (entries === null) continue;
      // Files, and the directories the tree has: an empty directory made by hand holds no edit to
      // report, and must not make up for a file deleted beside it.
      let counted = 0;
      for (const entry of entries) {
        if (!entry.isDirectory()) counted++;
        else if (size !== null && (raw => raw !== null && findRawTreeEntry(raw, String(entry.name))?.mode === `40000`)(await tree(dir))) counted++;
      }
      if (size !== null && counted === size && untouched) continue;
      index ??= this.readIndex().index;
      this.compareDirectory(dir, entries.map(entry => String(entry.name)), index, edits);
    }
    return [...edits].map(([relative, kind]) => ({path: relative, kind})).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** What became of a file the mirror wrote (`entry`): null when it still holds what was written. */
  private async fileEdit(file: string, [size, mtimeMs, oid]: IndexEntry): Promise<HandEdit[`kind`] | null> {
    const {fs} = this.store.deps;
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (!stat || stat.isDirectory()) return `deleted`;
    if (unchanged(stat, [size, mtimeMs, oid])) return null;
    return fs.readFileSync(file, `utf8`) === await this.store.reader.blobText(oid) ? null : `modified`;
  }

  /** A mirror path that can be a hand edit: no dot name, not a local file at the top, not a temporary file. */
  private isMirrored(relative: string): boolean {
    return relative.split(`/`).every((part, i) => stateName(part, i === 0)) && !relative.endsWith(`.tmp`);
  }

  /** The entries of a mirror directory that can be hand edits, or null when it is gone. */
  private mirroredEntries(dir: string): nodeFs.Dirent[] | null {
    let entries: nodeFs.Dirent[];
    try {
      entries = this.store.deps.fs.readdirSync(dir === `` ? this.dir : path.join(this.dir, dir), {withFileTypes: true}) as nodeFs.Dirent[];
    } catch {
      return null;
    }
    return entries.filter(entry => {
      const name = String(entry.name);
      return stateName(name, dir === ``) && !name.endsWith(`.tmp`);
    });
  }

  /** The mirrored tree's raw directory at `dir`, or null when it has none. */
  private async treeAt(tree: string, dir: string): Promise<Buffer | null> {
    try {
      const entry = dir === `` ? {oid: tree, mode: `40000`} : await this.store.reader.entry(tree, dir);
      return entry && isTreeMode(entry.mode) ? await this.store.reader.rawTree(entry.oid) : null;
    } catch (error) {
      if (error instanceof CorruptStateError) return null; // unreadable: compare the names
      throw error;
    }
  }

  /** Adds the files added to or removed from `dir` by hand, comparing its names with the journal's. */
  private compareDirectory(dir: string, names: string[], index: MirrorIndex, edits: Map<string, HandEdit[`kind`]>): void {
    const prefix = dir === `` ? `` : `${dir}/`;
    const present = new Set(names);
    const known = new Set<string>();
    for (const relative of index.keys()) {
      if (!relative.startsWith(prefix)) continue;
      const child = relative.slice(prefix.length).split(`/`)[0]!;
      known.add(child);
      if (!present.has(child)) edits.set(relative, `deleted`);
    }
    for (const name of names) {
      if (known.has(name)) continue;
      const file = path.join(this.dir, prefix + name);
      if (this.store.deps.fs.lstatSync(file, {throwIfNoEntry: false})?.isDirectory()) {
        for (const added of this.listFiles(file, `${prefix}${name}/`)) edits.set(added, `added`);
      } else if (!name.endsWith(`.tmp`)) {
        edits.set(prefix + name, `added`);
      }
    }
  }

  /**
   * What to do with a file the state changes: `write` it; `adopt` it (it already holds the new
   * content, or it is gone and the state deletes it too); or `keep` a real hand edit untouched. A
   * file only touched (same content as we wrote) is not an edit.
   */
  private async handEditVerdict(file: string, recorded: IndexEntry | undefined, after: string | null): Promise<`write` | `adopt` | `keep`> {
    const {fs} = this.store.deps;
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (recorded && stat && unchanged(stat, recorded)) return `write`;
    if (!stat) return after === null ? `adopt` : `write`;
    const current = fs.readFileSync(file, `utf8`);
    if (after !== null && current === await this.store.reader.blobText(after)) return `adopt`;
    if (recorded && current === await this.store.reader.blobText(recorded[2])) return `write`;
    return `keep`;
  }

  private listFiles(dir: string, prefix: string): string[] {
    const {fs} = this.store.deps;
    const files: string[] = [];
    let entries;
    try { entries = fs.readdirSync(dir, {withFileTypes: true}); } catch { return files; }
    for (const entry of entries) {
      const name = String(entry.name);
      if (!stateName(name, prefix === ``)) continue;
      if (entry.isDirectory()) files.push(...this.listFiles(path.join(dir, name), `${prefix}${name}/`));
      else if (!name.endsWith(`.tmp`)) files.push(`${prefix}${name}`);
    }
    return files;
  }

  /**
   * The mirrored commit and tree, how many files the journal holds, and how many lines it has (a
   * hint for when to compact it: `restore` appends without updating it). Null counts: not recorded.
   */
  private readStamp(): (StateTip & {live: number | null; lines: number | null; counts: Map<string, number>}) | null {
    const count = (field: string | undefined) => (field !== undefined && /^\d+$/.test(field) ? Number(field) : null);
    try {
      const [first, ...rest] = this.store.deps.fs.readFileSync(path.join(this.dir, STAMP), `utf8`).split(`\n`);
      const [commit, tree, live, lines] = first!.trim().split(` `);
      const counts = new Map<string, number>();
      for (const line of rest) {
        const match = /^c (\d+) (.+)$/.exec(line);
        if (match) counts.set(match[2]!, Number(match[1]));
      }
      return commit && tree ? {commit, tree, live: count(live), lines: count(lines), counts} : null;
    } catch {
      return null;
    }
  }

  /**
   * Finds a path's last journal line, reading the journal's tail first: the files a status checks
   * are mostly the ones the last sync wrote, whose lines it has just appended. The whole journal
   * is read only for a path the tail does not name.
   */
  private journalLookup(): (relative: string) => IndexEntry | undefined {
    const {fs} = this.store.deps;
    let tail = ``;
    let whole: string | null = null;
    try {
      const fd = fs.openSync(path.join(this.dir, INDEX), `r`);
      try {
        const size = fs.fstatSync(fd).size;
        const buffer = Buffer.alloc(Math.min(size, JOURNAL_TAIL));
        fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length);
        tail = buffer.toString(`utf8`);
        // The first line may be cut: keep whole lines only, unless the tail is the whole journal.
        if (buffer.length < size) tail = tail.slice(tail.indexOf(`\n`) + 1);
        else whole = tail;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      whole = ``;
    }
    return relative => {
      if (whole === null && (tail.includes(` ${relative}\n`) || tail.startsWith(`- ${relative}\n`) || tail.includes(`\n- ${relative}\n`))) return findIndexEntry(tail, relative);
      whole ??= this.readIndexText();
      return findIndexEntry(whole, relative);
    };
  }

  private readIndexText(): string {
    try {
      return this.store.deps.fs.readFileSync(path.join(this.dir, INDEX), `utf8`);
    } catch {
      return ``;
    }
  }

  private readIndex(): {index: MirrorIndex; lines: number} {
    const index: MirrorIndex = new Map();
    const text = this.readIndexText();
    if (text === ``) return {index, lines: 0};
    const lines = text.split(`\n`);
    for (const line of lines) applyIndexLine(index, line);
    return {index, lines: lines.length};
  }

  /** Appends this sync's lines, or rewrites the journal when new (`lines` null) or twice what it holds. */
  private writeIndex(index: MirrorIndex, journal: string[], lines: number | null): void {
    const file = path.join(this.dir, INDEX);
    const {fs} = this.store.deps;
    if (lines !== null && lines + journal.length <= 2 * index.size + 64) {
      if (journal.length > 0) fs.appendFileSync(file, `${journal.join(`\n`)}\n`);
      return;
    }
    const all = [...index].map(([relative, [size, mtimeMs, oid]]) => `${size} ${mtimeMs} ${oid} ${relative}`);
    this.writeFileAtomic(INDEX, all.length ? `${all.join(`\n`)}\n` : ``);
  }

  private writeFileAtomic(name: string, content: string): void {
    const {fs} = this.store.deps;
    const file = path.join(this.dir, name);
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
}

/**
 * Whether a file still is what the mirror wrote, judged like git's index does, by size and mtime,
 * unless its status changed well after its mtime: an edit whose mtime was put back (`touch -d`,
 * an editor that keeps it) still changes the ctime, which nothing can set back. The mirror's own
 * writes rename the file right after writing it, so their ctime is within milliseconds of the mtime.
 */
function unchanged(stat: {size: number; mtimeMs: number; ctimeMs: number}, [size, mtimeMs]: IndexEntry): boolean {
  return stat.size === size && stat.mtimeMs === mtimeMs && stat.ctimeMs - stat.mtimeMs < 1000;
}

/** A name in `.maestro/` the state can hold: not a dot file (the mirror's own), not a local file at the top. */
function stateName(name: string, top: boolean): boolean {
  return !name.startsWith(`.`) && !(top && LOCAL_FILES.has(name));
}

/** Applies one journal line (`<size> <mtime> <blob> <path>`, or `- <path>` for a removal) to the index. */
function applyIndexLine(index: MirrorIndex, line: string): void {
  if (line.startsWith(`- `)) {
    index.delete(line.slice(2));
    return;
  }
  const entry = parseIndexLine(line);
  if (entry) index.set(entry[0], entry[1]);
}

function parseIndexLine(line: string): [string, IndexEntry] | null {
  const first = line.indexOf(` `);
  const second = line.indexOf(` `, first + 1);
  const third = line.indexOf(` `, second + 1);
  if (first === -1 || second === -1 || third === -1) return null;
  return [line.slice(third + 1), [Number(line.slice(0, first)), Number(line.slice(first + 1, second)), line.slice(second + 1, third)]];
}

/** The last journal entry of `file` (undefined when none, or when its last line removed it), found from the end. */
function findIndexEntry(text: string, file: string): IndexEntry | undefined {
  for (let end = text.length; end > 0;) {
    const at = text.lastIndexOf(`${file}\n`, end - 1);
    if (at === -1) return undefined;
    end = at;
    if (at > 0 && text[at - 1] !== ` `) continue;
    const start = text.lastIndexOf(`\n`, at - 1) + 1;
    const line = text.slice(start, at + file.length);
    if (line === `- ${file}`) return undefined;
    const parsed = parseIndexLine(line);
    if (parsed && parsed[0] === file) return parsed[1];
  }
  return undefined;
}

function countLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf(`\n`); at !== -1; at = text.indexOf(`\n`, at + 1)) count++;
  return count;
}

function removeEmptyParents(fs: Store['deps']['fs'], dir: string, stop: string): void {
  for (let current = dir; current.startsWith(stop) && current !== stop; current = path.dirname(current)) {
    try { fs.rmdirSync(current); } catch { return; }
  }
}
