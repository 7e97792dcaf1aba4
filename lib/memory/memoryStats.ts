import {countMemory} from '../domain/memoryViews.ts';
import {readBaseline, readCompiled, readCorrections, readLearnings, readSuite} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** The counts `memory-stats` prints (reference-handoff §4.1 MemoryStats, without the graph). */
export interface MemoryStats {
  corrections: {total: number; hard: number; soft: number};
  learnings: {rawCount: number; compiledAt?: string; compiledRules?: number; staleDays?: number};
  ratchet: {assertions: number; lastResult?: `pass` | `fail`};
}

/** Counts for `memory-stats` (§4.5): corrections, learnings and their compile, ratchet checks and the baseline's result. */
export async function memoryStats(workspace: Workspace): Promise<MemoryStats> {
  const snapshot = await workspace.store.snapshot();
  const [corrections, learnings, compiled, suite, baseline] = await Promise.all([readCorrections(snapshot), readLearnings(snapshot), readCompiled(snapshot), readSuite(snapshot), readBaseline(snapshot)]);
  return countMemory({corrections, learnings, compiled, suite, baseline}, workspace.store.deps.now().getTime());
}
