import {Command, Option} from 'clipanion';
import type {RatchetView} from '../lib/memory/index.ts';
import {MaestroCommand} from './base.ts';

export class RatchetCheckCommand extends MaestroCommand {
  static paths = [[`ratchet-check`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `run the regression ratchet suite`,
    details: `Runs each saved check (\`memory/ratchet/suite.json\`) over the worktree's .ts, .js, .json, .yaml, .yml and .sh files: a file matching its pattern is a violation. A failing check that the baseline does not already record as failing is a regression: exit 1, naming it. The baseline moves only with \`--update-baseline\`, as a state commit (see \`maestro log\`).`,
    examples: [[`Check`, `$0 ratchet-check`], [`Accept the current results as the baseline`, `$0 ratchet-check --update-baseline`], [`As JSON`, `$0 ratchet-check --json`]],
  });

  updateBaseline = Option.Boolean(`--update-baseline`, false, {description: `Record the current results as the baseline (a commit)`});
  json = Option.Boolean(`--json`, false, {description: `Print the results as one JSON document`});

  async run() {
    const {ratchetCheck} = await import('../lib/memory/index.ts');
    const {RatchetView} = await import('../lib/domain/memoryViews.ts');
    const view = await ratchetCheck(this.context.openWorkspace(), {updateBaseline: this.updateBaseline});
    this.print(RatchetView, view, renderRatchet);
    return view.passed ? 0 : 1;
  }
}

function renderRatchet(v: RatchetView): string {
  if (v.totalCount === 0) return `No ratchet assertions defined`;
  const lines = [`Ratchet: ${v.passCount}/${v.totalCount} passed ${v.regressions.length > 0 ? `[!] REGRESSION: ${v.regressions.join(`, `)}` : `[ok]`}`];
  for (const r of v.results) {
    lines.push(`  ${r.passed ? `[ok]` : r.regression ? `[!]` : `[~]`} ${r.assertion.id}: ${r.assertion.rule}`);
    if (r.detail) lines.push(`       ${r.detail}`);
  }
  if (v.baseline) lines.push(`  ${v.baselineUpdated ? `Baseline updated` : `Baseline`}: ${v.baseline.passCount} pass (${v.baseline.lastRunAt})`);
  return lines.join(`\n`);
}
