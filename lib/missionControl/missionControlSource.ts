import type {Workspace} from '../workspace.ts';
import {buildSnapshot} from './buildSnapshot.ts';
import type {HistoryDiff, MissionControlSnapshot} from './missionControlSnapshot.ts';
import {readHistoryDiff} from './readHistoryDiff.ts';
import {watchStateRef} from './watchStateRef.ts';

/** What the interactive dashboard reads: the snapshot, a history entry's diff, and the ref moving. */
export interface MissionControlSource {
  /** The snapshot at the current tip; without a mission id the mission is chosen again each time. */
  load(): Promise<MissionControlSnapshot>;
  diff(commit: string): Promise<HistoryDiff>;
  /** Calls `onChange` when refs/maestro/main (or a checkpoint tag) moves; returns the function that stops. */
  watch(onChange: () => void): () => void;
}

/** How many entities the diff of a history entry describes. */
const DIFF_LIMIT = 200;

/**
 * The live data of `maestro mission-control`: every read goes through the same snapshot builder
 * `--json` prints, and refreshes follow the ref, not a timer. Read-only.
 */
export function missionControlSource(workspace: Workspace, request: {missionId?: string}): MissionControlSource {
  return {
    load: () => {
      // The store memoises every tree and blob it reads: forget them on each load, or hours of
      // refreshes would keep every version of a 2,000-feature directory in memory.
      workspace.store.reader.clear();
      return buildSnapshot(workspace, {...request, diffLimit: DIFF_LIMIT});
    },
    diff: commit => readHistoryDiff(workspace, {commit, limit: DIFF_LIMIT}),
    watch: onChange => watchStateRef(workspace, onChange),
  };
}
