import {canonicalJson} from '../canonicalJson.ts';
import {type RatchetBaseline, type RatchetAssertion} from '../domain/memory.ts';
import {RATCHET_BASELINE_PATH, readBaseline, readSuite, readWorktreeFile, worktreeFiles} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** One check's outcome: a regression is a failure the baseline does not record. */
export interface RatchetResult {
  assertion: RatchetAssertion;
  passed: boolean;
  regression: boolean;
  detail?: string;
}

/** The whole run: results, the regressions by id, and the baseline (updated or not). */
export interface RatchetView {
  results: RatchetResult[];
  passCount: number;
  totalCount: number;
  regressions: string[];
  passed: boolean;
  baseline?: RatchetBaseline;
  baselineUpdated: boolean;
}

const SCANNED = /\.(ts|js|json|yaml|yml|sh)$/;

/**
 * Runs the ratchet suite over the worktree (§5): a file matching an assertion's pattern is a violation.
 * A regression is a failing assertion that the baseline does not already record as failing. The
 * baseline moves only with `updateBaseline` (a state commit).
 */
export async function ratchetCheck(workspace: Workspace, request: {updateBaseline?: boolean}): Promise<RatchetView> {
  const snapshot = await workspace.store.snapshot();
  const [suite, baseline] = await Promise.all([readSuite(snapshot), readBaseline(snapshot)]);
  const files = suite.assertions.length > 0 ? worktreeFiles(workspace.repo.worktree).filter(f => SCANNED.test(f)) : [];
  const contents = new Map<string, string>();
  const text = (f: string) => {
    if (!contents.has(f)) { try { contents.set(f, readWorktreeFile(workspace.repo.worktree, f)); } catch { contents.set(f, ``); } }
    return contents.get(f)!;
  };
  const tolerated = new Set(baseline?.failing ?? []);
  const results = suite.assertions.map((assertion): RatchetResult => {
    let violations: string[];
    try {
      const re = new RegExp(assertion.check, `i`);
      violations = files.filter(f => re.test(text(f)));
    } catch (error) {
      return {assertion, passed: false, regression: !tolerated.has(assertion.id), detail: `check error: ${(error as Error).message}`};
    }
    if (violations.length === 0) return {assertion, passed: true, regression: false};
    return {assertion, passed: false, regression: !tolerated.has(assertion.id), detail: `found ${violations.length} violation(s): ${violations.slice(0, 3).join(`, `)}`};
  });
  const passCount = results.filter(r => r.passed).length;
  const regressions = results.filter(r => r.regression).map(r => r.assertion.id);
  let newBaseline = baseline ?? undefined;
  let baselineUpdated = false;
  if (request.updateBaseline) {
    await workspace.requireTip();
    const next: RatchetBaseline = {passCount, passing: results.filter(r => r.passed).map(r => r.assertion.id), failing: results.filter(r => !r.passed).map(r => r.assertion.id), lastRunAt: workspace.store.deps.now().toISOString()};
    const outcome = await workspace.transact(`ratchet-check --update-baseline`, async current => {
      const old = await readBaseline(current);
      const same = old && old.passing.join() === next.passing.join() && old.failing.join() === next.failing.join();
      return {changes: same ? [] : [{path: RATCHET_BASELINE_PATH, content: canonicalJson(next)}], result: same ? old : next};
    });
    newBaseline = outcome.result;
    baselineUpdated = outcome.committed;
  }
  return {
    results, passCount, totalCount: results.length, regressions: request.updateBaseline ? [] : regressions,
    passed: request.updateBaseline ? true : regressions.length === 0, ...(newBaseline ? {baseline: newBaseline} : {}), baselineUpdated,
  };
}
