import {Command, Option} from 'clipanion';
import type {MemoryStats} from '../lib/memory/index.ts';
import {MaestroCommand} from './base.ts';

export class MemoryStatsCommand extends MaestroCommand {
  static paths = [[`memory-stats`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `count corrections, learnings and ratchet assertions`,
    details: `Counts corrections (hard and soft), learnings and when they were last compiled, and the ratchet assertions with the result the baseline records.`,
    examples: [[`Show the counts`, `$0 memory-stats`], [`As JSON`, `$0 memory-stats --json`]],
  });

  json = Option.Boolean(`--json`, false, {description: `Print the counts as one JSON document`});

  async run() {
    const {memoryStats} = await import('../lib/memory/index.ts');
    const {StatsView} = await import('../lib/domain/memoryViews.ts');
    this.print(StatsView, await memoryStats(this.context.openWorkspace()), renderStats);
  }
}

function renderStats(s: MemoryStats): string {
  return [`Memory System Stats`, ``, `Corrections: ${s.corrections.total} (${s.corrections.hard} hard, ${s.corrections.soft} soft)`,
    `Learnings: ${s.learnings.rawCount} / ${s.learnings.compiledAt ? `compiled ${s.learnings.compiledAt} (${s.learnings.compiledRules} rules, ${s.learnings.staleDays}d ago)` : `not compiled`}`,
    `Ratchet: ${s.ratchet.assertions} assertions${s.ratchet.lastResult ? ` / last: ${s.ratchet.lastResult}` : ``}`].join(`\n`);
}
