import {diffRawTreesInPlace, isTreeMode} from './gitObjects.ts';
import type {StateReader} from './stateReader.ts';

export interface FileChange {
  path: string;
  /** Blob id before (null: added) and after (null: deleted). */
  before: string | null;
  after: string | null;
}

/**
 * The blobs that differ between two trees, recursing only into subtrees whose ids differ, so the
 * cost is the size of the change and not of the state.
 */
export async function diffTrees(reader: StateReader, before: string | null, after: string | null, prefix = ``): Promise<FileChange[]> {
  if (before === after) return [];
  if (before && after) {
    // The usual case after a write: the same names in the same places, a few oids changed.
    const inPlace = diffRawTreesInPlace(await reader.rawTree(before), await reader.rawTree(after));
    if (inPlace) {
      const changes: FileChange[] = [];
      for (const entry of inPlace) {
        const path = `${prefix}${entry.name}`;
        if (isTreeMode(entry.mode)) changes.push(...await diffTrees(reader, entry.before, entry.after, `${path}/`));
        else changes.push({path, before: entry.before, after: entry.after});
      }
      return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    }
  }
  const left = new Map((before ? await reader.tree(before) : []).map(entry => [entry.name, entry]));
  const right = new Map((after ? await reader.tree(after) : []).map(entry => [entry.name, entry]));
  const changes: FileChange[] = [];
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const a = left.get(name);
    const b = right.get(name);
    if (a?.oid === b?.oid && a?.mode === b?.mode) continue;
    const path = `${prefix}${name}`;
    const aTree = a && isTreeMode(a.mode) ? a.oid : null;
    const bTree = b && isTreeMode(b.mode) ? b.oid : null;
    if (aTree || bTree) changes.push(...await diffTrees(reader, aTree, bTree, `${path}/`));
    const aBlob = a && !isTreeMode(a.mode) ? a.oid : null;
    const bBlob = b && !isTreeMode(b.mode) ? b.oid : null;
    if (aBlob !== bBlob) changes.push({path, before: aBlob, after: bBlob});
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
