import * as z from 'zod/mini';
import {CompiledMemory, Correction, Learning, RatchetAssertion, RatchetBaseline, type RatchetSuite} from './memory.ts';

/** The `--json` shapes of the memory and ratchet commands, and the counts `memory-stats` prints. */

export const RecallView = z.object({corrections: z.array(z.extend(Correction, {score: z.number()})), compiledLearnings: z.optional(CompiledMemory)});
export const SearchView = z.object({corrections: z.array(Correction), learnings: z.array(Learning)});
export const CompileView = z.object({compiled: CompiledMemory, committed: z.boolean()});
export const LintView = z.object({
  warnings: z.array(z.object({category: z.string(), message: z.string(), entries: z.array(z.string())})),
  healthy: z.boolean(),
});
export const StatsView = z.object({
  corrections: z.object({total: z.number(), hard: z.number(), soft: z.number()}),
  learnings: z.object({rawCount: z.number(), compiledAt: z.optional(z.string()), compiledRules: z.optional(z.number()), staleDays: z.optional(z.number())}),
  ratchet: z.object({assertions: z.number(), lastResult: z.optional(z.enum([`pass`, `fail`]))}),
});
export type StatsView = z.infer<typeof StatsView>;

export const RatchetView = z.object({
  results: z.array(z.object({assertion: RatchetAssertion, passed: z.boolean(), regression: z.boolean(), detail: z.optional(z.string())})),
  passCount: z.number(), totalCount: z.number(), regressions: z.array(z.string()), passed: z.boolean(),
  baseline: z.optional(RatchetBaseline), baselineUpdated: z.boolean(),
});

/** The memory of one state, as read from the store, that {@link countMemory} counts. */
export interface MemoryContents {
  corrections: Correction[];
  learnings: Learning[];
  compiled: CompiledMemory | null;
  suite: RatchetSuite;
  baseline: RatchetBaseline | null;
}

/**
 * The counts `memory-stats` prints and the memory screen shows (§4.5): corrections by severity,
 * learnings and their last compile (a compile of no entries has no time, so none is shown), ratchet
 * checks and whether the baseline passed them all. Pure: `now` is epoch milliseconds.
 */
export function countMemory(memory: MemoryContents, now: number): StatsView {
  const {corrections, learnings, compiled, suite, baseline} = memory;
  const hard = corrections.filter(c => c.severity === `hard`).length;
  const passed = baseline !== null && baseline.failing.length === 0 && baseline.passCount === suite.assertions.length;
  return {
    corrections: {total: corrections.length, hard, soft: corrections.length - hard},
    learnings: {
      rawCount: learnings.length,
      ...(compiled && compiled.compiledAt ? {compiledAt: compiled.compiledAt, compiledRules: compiled.rules.length, staleDays: Math.max(0, Math.floor((now - Date.parse(compiled.compiledAt)) / 86_400_000))} : {}),
    },
    ratchet: {assertions: suite.assertions.length, ...(baseline && suite.assertions.length > 0 ? {lastResult: passed ? `pass` as const : `fail` as const} : {})},
  };
}

export {Correction, Learning};
