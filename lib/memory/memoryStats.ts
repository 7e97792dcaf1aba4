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
  const hard = corrections.filter(c => c.severity === `hard`).length;
  const now = workspace.store.deps.now().getTime();
  return {
    corrections: {total: corrections.length, hard, soft: corrections.length - hard},
    learnings: {rawCount: learnings.length, ...(compiled && compiled.compiledAt ? {compiledAt: compiled.compiledAt, compiledRules: compiled.rules.length, staleDays: Math.max(0, Math.floor((now - Date.parse(compiled.compiledAt)) / 86_400_000))} : {})},
    ratchet: {assertions: suite.assertions.length, ...(baseline && suite.assertions.length > 0 ? {lastResult: baseline.failing.length === 0 && baseline.passCount === suite.assertions.length ? `pass` as const : `fail` as const} : {})},
  };
}
