import {Command, Option} from 'clipanion';
import type {Learning} from '../lib/domain/memory.ts';
import {MaestroCommand} from './base.ts';

export class MemoryLearnCommand extends MaestroCommand {
  static paths = [[`memory-learn`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `capture a learning from this session`,
    details: `Stores the learning as \`memory/learnings/<id>.json\` on the state ref, with the agent and the current branch. \`memory-compile\` merges learnings into the guidance worker prompts carry.`,
    examples: [[`Capture a learning`, `$0 memory-learn --content "the test db must be reset between suites"`], [`As JSON`, `$0 memory-learn --content "..." --json`]],
  });

  content = Option.String(`--content`, {required: true, description: `What was learned`});
  json = Option.Boolean(`--json`, false, {description: `Print the learning as one JSON document`});

  async run() {
    const {captureLearning} = await import('../lib/memory/index.ts');
    const {Learning} = await import('../lib/domain/memory.ts');
    const learning = await captureLearning(this.context.openWorkspace(), {content: this.content});
    this.print(Learning, learning, (l: Learning) => [`[ok] Learning captured`, `  ID: ${l.id}`, `  Date: ${l.sessionDate}`, `  Branch: ${l.branch ?? `(none)`}`, `  Content: ${l.content}`].join(`\n`));
  }
}
