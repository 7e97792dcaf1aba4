import {Command, Option} from 'clipanion';
import type {Correction, Learning} from '../lib/domain/memory.ts';
import {MaestroCommand} from './base.ts';

export class MemorySearchCommand extends MaestroCommand {
  static paths = [[`memory-search`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `search corrections and learnings for a text`,
    details: `Case-insensitive substring search over each correction's rule, source and keywords, and each learning's content; newest first.`,
    examples: [[`Search`, `$0 memory-search bun`], [`As JSON`, `$0 memory-search bun --json`]],
  });

  query = Option.String({name: `query`});
  json = Option.Boolean(`--json`, false, {description: `Print the matches as one JSON document`});

  async run() {
    const {searchMemory} = await import('../lib/memory/index.ts');
    const {SearchView} = await import('../lib/domain/memoryViews.ts');
    const found = await searchMemory(this.context.openWorkspace(), this.query);
    this.print(SearchView, found, renderSearch);
  }
}

function renderSearch(v: {corrections: Correction[]; learnings: Learning[]}): string {
  if (v.corrections.length === 0 && v.learnings.length === 0) return `No results found`;
  return [`${v.corrections.length} correction(s):`, ...v.corrections.map(c => `  [${c.severity}] ${c.rule}  (${c.id})`), ``,
    `${v.learnings.length} learning(s):`, ...v.learnings.map(l => `  ${l.sessionDate}: ${l.content.slice(0, 80)}  (${l.id})`)].join(`\n`);
}
