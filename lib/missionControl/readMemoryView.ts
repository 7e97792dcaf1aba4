import {countMemory} from '../domain/memoryViews.ts';
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
  const stats = countMemory({corrections, learnings, compiled, suite, baseline}, now);
  return {
    stats, corrections, rawLearnings: learnings, ...(compiled ? {compiledLearnings: compiled.rules} : {}),
    ratchetSuite: suite, ...(baseline ? {ratchetBaseline: baseline} : {}),
  };
}
