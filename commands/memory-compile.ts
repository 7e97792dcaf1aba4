import {Command, Option} from 'clipanion';
import type {CompileView} from '../lib/memory/index.ts';
import {MaestroCommand} from './base.ts';

export class MemoryCompileCommand extends MaestroCommand {
  static paths = [[`memory-compile`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `compile corrections and learnings into ranked guidance`,
    details: `Groups duplicate and near-duplicate corrections and learnings (same words, or shared words with the same keywords and globs), keeps which entries, agents and times each rule comes from, ranks the rules (hard first, then frequency, then recency) and writes \`memory/compiled.md\` and \`memory/compiled.json\`. Offline and deterministic: compiling again with nothing new makes no commit. \`--summary\` adds a text on top (kept by later compiles).`,
    examples: [[`Compile`, `$0 memory-compile`], [`With a summary`, `$0 memory-compile --summary "auth work: use argon2"`], [`As JSON`, `$0 memory-compile --json`]],
  });

  summary = Option.String(`--summary`, {description: `A text put on top of the compiled guidance`});
  json = Option.Boolean(`--json`, false, {description: `Print the compiled memory as one JSON document`});

  async run() {
    const {compileGuidance} = await import('../lib/memory/index.ts');
    const {CompileView} = await import('../lib/domain/memoryViews.ts');
    const view = await compileGuidance(this.context.openWorkspace(), this.summary !== undefined ? {summary: this.summary} : {});
    this.print(CompileView, view, renderCompile);
  }
}

function renderCompile(v: CompileView): string {
  const c = v.compiled;
  return [`[ok] ${v.committed ? `Memory compiled` : `Memory already compiled; nothing changed`}`, `  Entries: ${c.entryCount}`, `  Rules: ${c.rules.length}`,
    `  Newest entry: ${c.compiledAt || `(none)`}`, ...c.rules.slice(0, 5).map(r => `  ${r.severity === `hard` ? `[!]` : `[ ]`} ${r.text.slice(0, 100)} (${r.count}x)`)].join(`\n`);
}
