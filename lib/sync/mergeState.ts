import type {Conflict} from '../domain/conflict.ts';
import type {TipInfo} from '../store/stateCache.ts';
import {diffTrees} from '../store/treeDiff.ts';
import type {Workspace} from '../workspace.ts';
import {mergeTrees, type TreeSide} from './mergeTrees.ts';
import {runGit} from './nativeGit.ts';

export type MergeKind = `up-to-date` | `fast-forward` | `merged`;

export interface StateMerge {
  kind: MergeKind;
  /** The state commit before and after. */
  before: string | null;
  after: string | null;
  /** State files the merge brought in from the other side. */
  received: string[];
  conflicts: Conflict[];
}

/**
 * Merges the state commit `theirs` into `refs/maestro/main` under the ref lock: nothing when it is
 * already contained, a fast-forward when the local state is behind, else a merge commit with both
 * parents whose tree is the three-way merge against the merge base (DESIGN.md, "Sync across
 * machines"). Several merge bases (two machines merged each other at once) are first merged into a
 * virtual base, as git's recursive strategy does. `.maestro/` is brought up to date afterwards.
 */
export async function mergeIntoState(workspace: Workspace, theirs: string, label: string): Promise<StateMerge> {
  const {store} = workspace;
  const outcome = await store.advance({message: `maestro sync: merge ${label}`, ...workspace.identity}, async current => {
    const before = current?.commit ?? null;
    const none = (kind: MergeKind) => ({result: {kind, before, after: before, received: [], conflicts: []} as StateMerge, next: null});
    if (before === theirs) return none(`up-to-date`);
    if (!current) {
      const received = (await diffTrees(store.reader, null, (await store.reader.tipOf(theirs)).tree)).map(change => change.path);
      return {result: {kind: `fast-forward`, before, after: theirs, received, conflicts: []} as StateMerge, next: {commit: theirs}};
    }
    const bases = mergeBases(workspace, current.commit, theirs);
    if (bases.includes(theirs)) return none(`up-to-date`);
    const theirTip = await store.reader.tipOf(theirs);
    if (bases.includes(current.commit)) {
      const received = (await diffTrees(store.reader, current.tree, theirTip.tree)).map(change => change.path);
      return {result: {kind: `fast-forward`, before, after: theirs, received, conflicts: []} as StateMerge, next: {commit: theirs}};
    }
    const baseTree = await virtualBase(workspace, bases);
    const merge = await mergeTrees(store, baseTree, side(current), side(theirTip));
    return {result: {kind: `merged`, before, after: null, received: merge.received, conflicts: merge.conflicts} as StateMerge, next: {tree: merge.tree, parents: [current.commit, theirs]}};
  });
  const result = {...outcome.result, after: outcome.tip?.commit ?? null};
  if (outcome.moved) await workspace.mirror.sync();
  return result;
}

function side(tip: TipInfo): TreeSide {
  return {commit: tip.commit, tree: tip.tree, agent: tip.trailers[`Maestro-Agent`] ?? null, time: new Date(tip.time * 1000).toISOString().replace(/\.\d{3}Z$/, `Z`)};
}

/** Every best common ancestor, sorted so both machines fold them in the same order. */
function mergeBases(workspace: Workspace, a: string, b: string): string[] {
  const result = runGit(workspace.store.deps, [`merge-base`, `--all`, a, b], {allowFailure: true});
  // Exit 1 with no output: no common history (two states created apart), merged against nothing.
  return result.stdout.split(`\n`).map(line => line.trim()).filter(Boolean).sort();
}

/** The tree to merge against: the one base, or the bases merged with each other (no conflicts recorded). */
async function virtualBase(workspace: Workspace, bases: string[]): Promise<string | null> {
  const {reader} = workspace.store;
  if (bases.length === 0) return null;
  let virtual: TreeSide = side(await reader.tipOf(bases[0]!));
  for (const next of bases.slice(1)) {
    const nextSide = side(await reader.tipOf(next));
    const inner = mergeBases(workspace, bases[0]!, next)[0];
    const innerTree = inner ? (await reader.tipOf(inner)).tree : null;
    const merged = await mergeTrees(workspace.store, innerTree, virtual, nextSide, false);
    virtual = {...virtual, tree: merged.tree};
  }
  return virtual.tree;
}
