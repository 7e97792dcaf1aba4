import * as path from 'node:path';
import {CorruptStateError} from '../errors.ts';
import {releaseLock, tryLock, breakDeadLock} from './lockFile.ts';
import type {Store} from './store.ts';
import {diffTrees} from './treeDiff.ts';
import type {StateTip} from './types.ts';

/** Files of `.maestro/` that are local and never state. */
export const MIRROR_DIR = `.maestro`;
const STAMP = `.mirror`;
const INDEX = `.mirror-index.json`;
const LOCK = `.mirror.lock`;
const LOCAL_FILES = new Set([`config.yaml`]);

/** What the mirror recorded for a file when it wrote it: size, mtime, blob id. */
type IndexEntry = [number, number, string];
type MirrorIndex = Record<string, IndexEntry>;

export interface HandEdit {
  path: string;
  kind: `modified` | `deleted` | `added`;
}

/**
 * `.maestro/` mirrors the tip's tree as plain files for people and agents to `cat` and `grep`
 * (DESIGN.md, ".maestro/ is a materialization"). It records the commit it mirrors in `.mirror` and,
 * like git's index, the size and mtime of every file it wrote, so hand edits are told apart from
 * its own writes without reading every file. A hand-edited file is never overwritten.
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
    const {fs, now} = this.store.deps;
    if (this.stampedCommit() === (await this.store.tip())?.commit) return [];
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
    if (!lock) return [];
    try {
      const tip = await this.store.tip();
      return tip ? await this.apply(tip) : [];
    } finally {
      releaseLock(fs, lock);
    }
  }

  private async apply(tip: StateTip): Promise<string[]> {
    const {fs} = this.store.deps;
    const stamp = this.readStamp();
    if (stamp?.commit === tip.commit) return [];
    const index = stamp ? this.readIndex() : {};
    const changes = await this.changesSince(stamp, tip);
    const kept: string[] = [];
    for (const change of changes) {
      const file = path.join(this.dir, change.path);
      const recorded = index[change.path];
      if (recorded && this.isEditedByHand(file, recorded) || !recorded && fs.existsSync(file) && change.after !== null) {
        kept.push(change.path);
        continue;
      }
      if (change.after === null) {
        try { fs.unlinkSync(file); } catch { /* already gone */ }
        delete index[change.path];
        removeEmptyParents(fs, path.dirname(file), this.dir);
        continue;
      }
      const text = await this.store.reader.blobText(change.after, change.dir ?? undefined);
      fs.mkdirSync(path.dirname(file), {recursive: true});
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
      const stat = fs.statSync(file);
      index[change.path] = [stat.size, stat.mtimeMs, change.after];
    }
    this.writeFileAtomic(INDEX, JSON.stringify(index));
    this.writeFileAtomic(STAMP, `${tip.commit} ${tip.tree}\n`);
    return kept;
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
    const {fs} = this.store.deps;
    if (!this.readStamp()) return [];
    const index = this.readIndex();
    const edits: HandEdit[] = [];
    for (const [relative, recorded] of Object.entries(index)) {
      const file = path.join(this.dir, relative);
      if (!fs.existsSync(file)) edits.push({path: relative, kind: `deleted`});
      else if (this.isEditedByHand(file, recorded) && fs.readFileSync(file, `utf8`) !== await this.store.reader.blobText(recorded[2]))
        edits.push({path: relative, kind: `modified`});
    }
    for (const relative of this.listFiles(this.dir, ``)) {
      if (!(relative in index)) edits.push({path: relative, kind: `added`});
    }
    return edits.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private isEditedByHand(file: string, [size, mtimeMs]: IndexEntry): boolean {
    const stat = this.store.deps.fs.statSync(file, {throwIfNoEntry: false});
    return !stat || stat.size !== size || stat.mtimeMs !== mtimeMs;
  }

  private listFiles(dir: string, prefix: string): string[] {
    const {fs} = this.store.deps;
    const files: string[] = [];
    let entries;
    try { entries = fs.readdirSync(dir, {withFileTypes: true}); } catch { return files; }
    for (const entry of entries) {
      const name = String(entry.name);
      if (name.startsWith(`.`) || (prefix === `` && LOCAL_FILES.has(name))) continue;
      if (entry.isDirectory()) files.push(...this.listFiles(path.join(dir, name), `${prefix}${name}/`));
      else if (!name.endsWith(`.tmp`)) files.push(`${prefix}${name}`);
    }
    return files;
  }

  private readStamp(): StateTip | null {
    try {
      const [commit, tree] = this.store.deps.fs.readFileSync(path.join(this.dir, STAMP), `utf8`).trim().split(` `);
      return commit && tree ? {commit, tree} : null;
    } catch {
      return null;
    }
  }

  private readIndex(): MirrorIndex {
    try {
      return JSON.parse(this.store.deps.fs.readFileSync(path.join(this.dir, INDEX), `utf8`)) as MirrorIndex;
    } catch {
      return {};
    }
  }

  private writeFileAtomic(name: string, content: string): void {
    const {fs} = this.store.deps;
    const file = path.join(this.dir, name);
    fs.writeFileSync(`${file}.tmp`, content);
    fs.renameSync(`${file}.tmp`, file);
  }
}

function removeEmptyParents(fs: Store['deps']['fs'], dir: string, stop: string): void {
  for (let current = dir; current.startsWith(stop) && current !== stop; current = path.dirname(current)) {
    try { fs.rmdirSync(current); } catch { return; }
  }
}
