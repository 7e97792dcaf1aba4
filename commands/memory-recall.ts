import {Command, Option} from 'clipanion';
import type {RecallView} from '../lib/memory/index.ts';
import {MaestroCommand} from './base.ts';

export class MemoryRecallCommand extends MaestroCommand {
  static paths = [[`memory-recall`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `recall the corrections relevant to a task and files`,
    details: `Scores each correction: 0.7 x the share of its keywords found in the task's words + 0.3 if a file matches one of its globs. Returns those scoring at least 0.3 and every hard correction, best first, at most 10, then the compiled learnings.`,
    examples: [[`Recall for a task`, `$0 memory-recall --task "install dependencies" --files package.json`], [`As JSON`, `$0 memory-recall --task "install dependencies" --json`]],
  });

  task = Option.String(`--task`, {description: `What you are about to do`});
  files = Option.String(`--files`, {description: `Comma list of the files you will touch`});
  json = Option.Boolean(`--json`, false, {description: `Print the recalled memory as one JSON document`});

  async run() {
    const {recallMemory} = await import('../lib/memory/index.ts');
    const {RecallView} = await import('../lib/domain/memoryViews.ts');
    const view = await recallMemory(this.context.openWorkspace(), {...(this.task !== undefined ? {task: this.task} : {}), ...(this.files !== undefined ? {files: this.files} : {})});
    this.print(RecallView, view, renderRecall);
  }
}

function renderRecall(v: RecallView): string {
  const lines = v.corrections.length === 0 ? [`No matching corrections found`]
    : [`${v.corrections.length} correction(s) recalled:`, ...v.corrections.map(c => `  ${c.severity === `hard` ? `[!]` : `[ ]`} ${c.rule}  (${c.trigger.keywords.join(`, `)})`)];
  const learnings = v.compiledLearnings?.rules.filter(r => r.kind === `learning`) ?? [];
  if (v.compiledLearnings && (learnings.length > 0 || v.compiledLearnings.summary)) {
    lines.push(``, `Compiled learnings:`);
    if (v.compiledLearnings.summary) lines.push(`  ${v.compiledLearnings.summary}`);
    lines.push(...learnings.slice(0, 10).map(r => `  - ${r.text}`));
  }
  return lines.join(`\n`);
}
