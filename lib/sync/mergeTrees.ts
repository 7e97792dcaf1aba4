import {canonicalJson} from '../canonicalJson.ts';
import {conflictPath, type Conflict} from '../domain/conflict.ts';
import {compileMemory, entryOfCorrection, entryOfLearning, renderCompiled} from '../domain/memory.ts';
import {COMPILED_JSON_PATH, COMPILED_MD_PATH, readCompiled, readCorrections, readLearnings} from '../memory/memoryStore.ts';
import {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Store} from '../store/store.ts';
import {diffTrees} from '../store/treeDiff.ts';
import {writeChangedTrees} from '../store/treeWriter.ts';
import type {Change} from '../store/types.ts';
import {isValidEntity} from '../domain/entitySchemas.ts';
import {mergeEntity, type MergeSide} from './mergeEntity.ts';

/** One side of a merge: a state commit and its tree. */
export interface TreeSide extends MergeSide {
  tree: string;
}

export interface TreeMerge {
  tree: string;
  conflicts: Conflict[];
  /** State files the merge brought into side A: B's changes and the files both sides changed. */
  received: string[];
}

/** Files derived from other files: recomputed after a merge rather than merged. */
const DERIVED = new Set([COMPILED_JSON_PATH, COMPILED_MD_PATH]);

/**
 * The three-way merge of two state trees against a base tree (null: no common history), per file
 * (lib/sync/mergeEntity.ts), starting from side A's tree and writing only what differs from it. A file
 * changed on one side only is taken as that side's blob; compiled memory is recompiled from the merged
 * corrections and learnings. Conflicts are written under `conflicts/` unless `recordConflicts` is
 * false (a virtual base of a criss-cross merge records none). Symmetric: merging (B, A) gives the same
 * tree as (A, B).
 */
export async function mergeTrees(store: Store, base: string | null, a: TreeSide, b: TreeSide, recordConflicts = true): Promise<TreeMerge> {
  const {reader} = store;
  const [diffA, diffB] = await Promise.all([diffTrees(reader, base, a.tree), diffTrees(reader, base, b.tree)]);
  const fromA = new Map(diffA.map(change => [change.path, change]));
  const changes: Change[] = [];
  const received: string[] = [];
  const conflicts: Conflict[] = [];
  const textOf = (oid: string | null) => (oid === null ? Promise.resolve(null) : reader.blobText(oid));
  let recompile = false;

  for (const changeB of diffB) {
    const changeA = fromA.get(changeB.path);
    if (!changeA) {
      changes.push({path: changeB.path, content: await textOf(changeB.after)});
      received.push(changeB.path);
      continue;
    }
    if (changeA.after === changeB.after) continue;
    if (DERIVED.has(changeB.path)) { recompile = true; continue; }
    const merged = mergeEntity({path: changeB.path, base: await textOf(changeB.before), a: await textOf(changeA.after), b: await textOf(changeB.after), sideA: a, sideB: b, isValid: isValidEntity});
    conflicts.push(...merged.conflicts);
    changes.push({path: changeB.path, content: merged.content});
    received.push(changeB.path);
  }
  if (recordConflicts) for (const conflict of conflicts) changes.push({path: conflictPath(conflict.id), content: canonicalJson(conflict)});

  let tree = await writeChangedTrees(reader, store.objects, a.tree, changes);
  if (recompile) tree = await recompileMemory(store, tree, b);
  return {tree, conflicts, received};
}

/** Compiles the merged memory entries again (the compile is deterministic, so both sides agree). */
async function recompileMemory(store: Store, tree: string, b: TreeSide): Promise<string> {
  const merged = new StateSnapshot(store.reader, {commit: ``, tree});
  const other = new StateSnapshot(store.reader, {commit: b.commit, tree: b.tree});
  const [corrections, learnings, ours, theirs] = await Promise.all([readCorrections(merged), readLearnings(merged), readCompiled(merged), readCompiled(other)]);
  // The summary is a person's words: the later-compiled one, by its own time.
  const summaries = [ours, theirs].filter(c => c?.summary).sort((x, y) => (`${x!.compiledAt}\0${x!.summary}` < `${y!.compiledAt}\0${y!.summary}` ? -1 : 1));
  const compiled = compileMemory([...corrections.map(entryOfCorrection), ...learnings.map(entryOfLearning)], summaries.at(-1)?.summary);
  return writeChangedTrees(store.reader, store.objects, tree, [{path: COMPILED_JSON_PATH, content: canonicalJson(compiled)}, {path: COMPILED_MD_PATH, content: renderCompiled(compiled)}]);
}
