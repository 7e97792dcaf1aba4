import * as z from 'zod/mini';
import {CompiledMemory, Correction, Learning, RatchetAssertion, RatchetBaseline} from './memory.ts';

/** The `--json` shapes of the memory and ratchet commands. */

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
export const RatchetView = z.object({
  results: z.array(z.object({assertion: RatchetAssertion, passed: z.boolean(), regression: z.boolean(), detail: z.optional(z.string())})),
  passCount: z.number(), totalCount: z.number(), regressions: z.array(z.string()), passed: z.boolean(),
  baseline: z.optional(RatchetBaseline), baselineUpdated: z.boolean(),
});
export {Correction, Learning};
