import {Command, Option} from 'clipanion';
import type {LintWarning} from '../lib/memory/index.ts';
import {MaestroCommand} from './base.ts';

export class MemoryLintCommand extends MaestroCommand {
  static paths = [[`memory-lint`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `check memory for stale, contradictory, duplicate and unmatched entries`,
    details: `Warns about entries not in the compiled memory (stale), corrections that contradict each other, duplicate and near-duplicate entries, file globs that match no file in the worktree, corrections with no trigger and ratchet assertions whose correction is gone. Exits 1 when it finds any, naming the entries.`,
    examples: [[`Lint memory`, `$0 memory-lint`], [`As JSON`, `$0 memory-lint --json`]],
  });

  json = Option.Boolean(`--json`, false, {description: `Print the warnings as one JSON document`});

  async run() {
    const {lintMemory} = await import('../lib/memory/index.ts');
    const {LintView} = await import('../lib/domain/memoryViews.ts');
    const report = await lintMemory(this.context.openWorkspace());
    this.print(LintView, report, renderLint);
    return report.healthy ? 0 : 1;
  }
}

function renderLint(r: {warnings: LintWarning[]; healthy: boolean}): string {
  if (r.healthy) return `[ok] Memory system healthy -- no warnings`;
  return [`[!] ${r.warnings.length} warning(s)`, ...r.warnings.map(w => `  [${w.category}] ${w.message}`)].join(`\n`);
}
