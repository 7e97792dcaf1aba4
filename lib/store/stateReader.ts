import {CorruptStateError} from '../errors.ts';
import {decodeCommit, decodeTree, findRawTreeEntry, isTreeMode, type CommitObject, type TreeEntry} from './gitObjects.ts';
import type {ObjectDb} from './objectDb.ts';
import type {StateCache, TipInfo} from './stateCache.ts';

/** A commit's tree, time, subject and `Maestro-*` trailers. */
export function describeCommit(oid: string, commit: CommitObject): TipInfo {
  const [subject = ``, ...rest] = commit.message.split(`\n`);
  const trailers: Record<string, string> = {};
  for (const line of rest) {
    const match = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/.exec(line);
    if (match) trailers[match[1]!] = match[2]!;
  }
  return {commit: oid, tree: commit.tree, time: commit.committer.timestamp, subject, trailers};
}

/**
 * Reads trees and blobs of state commits, memoised per process and backed by the disk cache, so
 * that a command reads only the subtrees on its paths and never loads isomorphic-git when the
 * objects are loose or cached.
 */
export class StateReader {
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly rawTrees = new Map<string, Buffer>();
  private readonly blobs = new Map<string, string>();
  private readonly commits = new Map<string, CommitObject>();
  private readonly dirTexts = new Map<string, Map<string, string>>();

  constructor(private readonly objects: ObjectDb, readonly cache: StateCache) {}

  /** A commit, memoised: `log` reads each one as a child's parent and again in its own turn. */
  async commit(oid: string): Promise<CommitObject> {
    const memo = this.commits.get(oid);
    if (memo) return memo;
    const object = await this.objects.read(oid);
    if (object.type !== `commit`) throw new CorruptStateError(`${oid} is a ${object.type}, not a commit`);
    const commit = decodeCommit(object.content);
    this.commits.set(oid, commit);
    return commit;
  }

  /** The tip for a commit id, through the cache when the commit was the last tip seen. */
  async tipOf(commit: string): Promise<TipInfo> {
    const cached = this.cache.readTip(commit);
    if (cached) return cached;
    const tip = describeCommit(commit, await this.commit(commit));
    this.cache.writeTip(tip);
    return tip;
  }

  async tree(oid: string): Promise<TreeEntry[]> {
    const memo = this.trees.get(oid);
    if (memo) return memo;
    const entries = decodeTree(await this.rawTree(oid));
    this.trees.set(oid, entries);
    return entries;
  }

  /** A tree object's bytes, memoised: single-entry lookups and small writes work on them undecoded. */
  async rawTree(oid: string): Promise<Buffer> {
    const memo = this.rawTrees.get(oid);
    if (memo) return memo;
    const object = this.objects.readLoose(oid) ?? await this.objects.read(oid);
    if (object.type !== `tree`) throw new CorruptStateError(`${oid} is a ${object.type}, not a tree`);
    this.rawTrees.set(oid, object.content);
    return object.content;
  }

  /** The entry at `path` under a root tree, or null; directories on the way are searched, not decoded. */
  async entry(root: string, path: string): Promise<TreeEntry | null> {
    let entry: TreeEntry | null = {name: ``, mode: `40000`, oid: root};
    for (const name of path.split(`/`).filter(Boolean)) {
      if (!entry || !isTreeMode(entry.mode)) return null;
      const decoded = this.trees.get(entry.oid);
      if (decoded) {
        entry = decoded.find(candidate => candidate.name === name) ?? null;
        continue;
      }
      const raw = await this.rawTree(entry.oid);
      const found = findRawTreeEntry(raw, name);
      entry = found ? {name, mode: found.mode, oid: raw.toString(`hex`, found.oidAt, found.oidAt + 20)} : null;
    }
    return entry;
  }

  /**
   * The text of one blob: loose or from a pack, never through a directory's texts cache (parsing a
   * 2,000-entity directory to read one entity costs more than one pack read).
   */
  async blobText(oid: string): Promise<string> {
    const memo = this.blobs.get(oid);
    if (memo !== undefined) return memo;
    const object = this.objects.readLoose(oid) ?? await this.objects.read(oid);
    if (object.type !== `blob`) throw new CorruptStateError(`${oid} is a ${object.type}, not a blob`);
    const text = object.content.toString(`utf8`);
    this.blobs.set(oid, text);
    return text;
  }

  /** Every blob of a directory tree by name, in one cache read when it was seen before. */
  async texts(dirOid: string): Promise<Map<string, string>> {
    const memo = this.dirTexts.get(dirOid);
    if (memo) return memo;
    let texts = this.cache.readTexts(dirOid);
    if (!texts) {
      texts = new Map();
      for (const entry of await this.tree(dirOid)) {
        if (!isTreeMode(entry.mode)) texts.set(entry.name, await this.blobText(entry.oid));
      }
      this.cache.writeTexts(dirOid, texts);
    }
    this.dirTexts.set(dirOid, texts);
    return texts;
  }

  /** Texts of a directory already read by this process, without touching the disk. */
  memoTexts(dirOid: string): Map<string, string> | null {
    return this.dirTexts.get(dirOid) ?? null;
  }

  /** Forgets what this process read: a long-running reader (the dashboard) keeps only the current state. */
  clear(): void {
    this.trees.clear();
    this.rawTrees.clear();
    this.blobs.clear();
    this.commits.clear();
    this.dirTexts.clear();
  }

  /** Records a tree this process wrote by patching bytes (see treeWriter), and its texts when known. */
  rememberRaw(treeOid: string, raw: Buffer, texts: Map<string, string> | null): void {
    this.rawTrees.set(treeOid, raw);
    if (texts) this.dirTexts.set(treeOid, texts);
  }

  remember(treeOid: string, entries: TreeEntry[], texts: Map<string, string> | null): void {
    this.trees.set(treeOid, entries);
    if (texts) this.dirTexts.set(treeOid, texts);
  }
}
