import {InputError} from '../errors.ts';
import {BLOB_MODE, encodeTree, findRawTreeEntry, isTreeMode, patchRawTree, TREE_MODE, type TreeEntry} from './gitObjects.ts';
import type {ObjectDb} from './objectDb.ts';
import type {StateReader} from './stateReader.ts';
import type {Change} from './types.ts';

const SEGMENT = /^(?!\.{1,2}$)(?!\.git$)[^/\0]+$/;

/** Refuses paths that git or the materialization could not hold safely. */
export function checkStatePath(path: string): void {
  const segments = path.split(`/`);
  if (segments.length === 0 || !segments.every(segment => SEGMENT.test(segment)))
    throw new InputError(`"${path}" is not a valid state path`, {hint: `use relative paths of plain names, such as missions/<id>/mission.json`});
}

/**
 * Writes the blobs of `changes` and only the trees on their paths, reusing every other subtree by
 * id, and returns the new root tree. Directory texts known to the cache are carried forward, so a
 * list after a write stays one file read.
 */
export async function writeChangedTrees(reader: StateReader, objects: ObjectDb, root: string | null, changes: Change[]): Promise<string> {
  const byPath = new Map<string, string | null>();
  for (const change of changes) {
    checkStatePath(change.path);
    byPath.set(change.path, change.content);
  }
  const oid = await writeTree(reader, objects, root, byPath);
  return oid ?? objects.write(`tree`, Buffer.alloc(0));
}

interface SplitChanges {
  /** Changes to files directly in this directory (null: delete). */
  files: Map<string, string | null>;
  /** Changes below each subdirectory, by its name, with paths relative to it. */
  subdirs: Map<string, Map<string, string | null>>;
}

function splitChanges(changes: Map<string, string | null>): SplitChanges {
  const files = new Map<string, string | null>();
  const subdirs = new Map<string, Map<string, string | null>>();
  for (const [path, content] of changes) {
    const slash = path.indexOf(`/`);
    if (slash === -1) {
      files.set(path, content);
    } else {
      const name = path.slice(0, slash);
      if (!subdirs.has(name)) subdirs.set(name, new Map());
      subdirs.get(name)!.set(path.slice(slash + 1), content);
    }
  }
  return {files, subdirs};
}

async function writeTree(reader: StateReader, objects: ObjectDb, treeOid: string | null, changes: Map<string, string | null>): Promise<string | null> {
  const split = splitChanges(changes);
  const patched = treeOid ? await patchTree(reader, objects, treeOid, split) : null;
  if (patched) return patched;
  const {files, subdirs} = split;
  const entries = new Map<string, TreeEntry>();
  for (const entry of treeOid ? await reader.tree(treeOid) : []) entries.set(entry.name, entry);
  const texts = carriedTexts(reader, treeOid, files);
  for (const [name, content] of files) {
    const existing = entries.get(name);
    if (existing && isTreeMode(existing.mode)) throw new InputError(`cannot write ${name}: it is a directory in the state`);
    if (content === null) {
      entries.delete(name);
      texts?.delete(name);
    } else {
      entries.set(name, {name, mode: BLOB_MODE, oid: objects.writeBlob(content)});
      texts?.set(name, content);
    }
  }
  for (const [name, subChanges] of subdirs) {
    const existing = entries.get(name);
    if (existing && !isTreeMode(existing.mode)) throw new InputError(`cannot write under ${name}: it is a file in the state`);
    const child = await writeTree(reader, objects, existing?.oid ?? null, subChanges);
    if (child === null) entries.delete(name);
    else entries.set(name, {name, mode: TREE_MODE, oid: child});
  }
  if (entries.size === 0) return null;
  const list = [...entries.values()];
  const oid = objects.write(`tree`, encodeTree(list));
  reader.remember(oid, list, texts);
  recordDirectoryChange(reader, treeOid, oid, files);
  return oid;
}

const PATCH_MAX = 16;

/**
 * The common write, one entity changed in a large directory, done on the tree's bytes: when every
 * change replaces an existing file (or a subdirectory that stays one), the new tree is the old one
 * with those oids overwritten, with no decoding, sorting or encoding of the other 2,000 entries.
 * Returns null when a change adds or removes a name; writeTree then rebuilds the tree.
 */
async function patchTree(reader: StateReader, objects: ObjectDb, treeOid: string, {files, subdirs}: SplitChanges): Promise<string | null> {
  // Each name is found by a scan of the tree: for many changes at once (a merge) rebuilding is cheaper.
  if (files.size + subdirs.size > PATCH_MAX || [...files.values()].includes(null)) return null;
  const raw = await reader.rawTree(treeOid);
  const existing = new Map<string, string>();
  for (const name of [...files.keys(), ...subdirs.keys()]) {
    const found = findRawTreeEntry(raw, name);
    if (!found || isTreeMode(found.mode) !== subdirs.has(name)) return null;
    existing.set(name, raw.toString(`hex`, found.oidAt, found.oidAt + 20));
  }
  const updates = new Map<string, {oid: string; tree: boolean}>();
  for (const [name, subChanges] of subdirs) {
    const child = await writeTree(reader, objects, existing.get(name)!, subChanges);
    if (child === null) return null;
    updates.set(name, {oid: child, tree: true});
  }
  const texts = carriedTexts(reader, treeOid, files);
  for (const [name, content] of files) {
    updates.set(name, {oid: objects.writeBlob(content!), tree: false});
    texts?.set(name, content!);
  }
  const bytes = patchRawTree(raw, updates);
  if (!bytes) return null;
  const oid = objects.write(`tree`, bytes);
  reader.rememberRaw(oid, bytes, texts);
  recordDirectoryChange(reader, treeOid, oid, files);
  return oid;
}

/** The directory's texts as this process read them, copied to carry forward with its changed files. */
function carriedTexts(reader: StateReader, treeOid: string | null, files: Map<string, string | null>): Map<string, string> | null {
  const memo = treeOid && files.size > 0 ? reader.memoTexts(treeOid) : null;
  return memo ? new Map(memo) : null;
}

/**
 * Carries a rewritten directory's caches forward as small deltas on its old version: the texts
 * cache (when the old version had one) and the parsed caches (StateCache.extendParsed).
 */
function recordDirectoryChange(reader: StateReader, treeOid: string | null, oid: string, files: Map<string, string | null>): void {
  if (!treeOid || oid === treeOid || files.size === 0) return;
  const set: Record<string, string> = {};
  const del: string[] = [];
  for (const [name, content] of files) {
    if (content === null) del.push(name);
    else set[name] = content;
  }
  if (reader.memoTexts(treeOid) !== null || reader.cache.hasTexts(treeOid)) reader.cache.writeTextsDelta(oid, treeOid, set, del);
  reader.cache.extendParsed(treeOid, oid, set, del);
}
