import {readBaseline, readCompiled, readCorrections, readLearnings, readSuite} from '../memory/memoryStore.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {MissionControlSnapshot} from './missionControlSnapshot.ts';

type MemoryView = NonNullable<MissionControlSnapshot['memory']>;

/**
 * The memory of one snapshot for the memory screen: corrections and learnings newest first, the
 * compiled rules, the ratchet suite and baseline, and the counts `maestro memory-stats` prints.
 */
export async function readMemoryView(snapshot: StateSnapshot, now: number): Promise<MemoryView> {
  const [corrections, learnings, compiled, suite, baseline] = await Promise.all([
    readCorrections(snapshot), readLearnings(snapshot), readCompiled(snapshot), readSuite(snapshot), readBaseline(snapshot),
  ]);
  const hard = corrections.filter(c => c.severity === `hard`).length;
  const stats: MemoryView['stats'] = {
    corrections: {total: corrections.length, hard, soft: corrections.length - hard},
    learnings: {
      rawCount: learnings.length,
      ...(compiled ? {compiledAt: compiled.compiledAt, compiledRules: compiled.rules.length, staleDays: Math.max(0, Math.floor((now - Date.parse(compiled.compiledAt)) / 86_400_000))} : {}),
    },
    ratchet: {
      assertions: suite.assertions.length,
      ...(baseline && suite.assertions.length > 0 ? {lastResult: baseline.failing.length === 0 && baseline.passCount === suite.assertions.length ? `pass` as const : `fail` as const} : {}),
    },
  };
  return {
    stats, corrections, rawLearnings: learnings, ...(compiled ? {compiledLearnings: compiled.rules} : {}),
    ratchetSuite: suite, ...(baseline ? {ratchetBaseline: baseline} : {}),
  };
}
