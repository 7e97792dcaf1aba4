import {Command, Option} from 'clipanion';
import type {ConflictListView, listConflicts} from '../lib/sync/conflicts.ts';
import {clip} from './format.ts';
import {MaestroCommand} from './base.ts';

export class ConflictsCommand extends MaestroCommand {
  static paths = [[`conflicts`], [`conflicts`, `list`]];
  static usage = Command.Usage({
    category: `Sharing state`,
    description: `list what a sync merge had to choose between`,
    details: `
      When two machines changed the same field differently, \`maestro sync\` keeps one value (the later change; the earlier claim for a handoff; never a status that moves backwards) and records the other in \`conflicts/<id>.json\` on the state ref. This lists the open ones (\`--all\` adds resolved ones). Settle one with \`maestro conflicts resolve <id> --take ours|theirs\`; \`maestro conflicts show <id>\` prints both values.
    `,
    examples: [[`Open conflicts`, `$0 conflicts`], [`All of them, as JSON`, `$0 conflicts --all --json`]],
  });

  all = Option.Boolean(`--all`, false, {description: `Include resolved conflicts`});
  json = Option.Boolean(`--json`, false, {description: `Print {conflicts, open} as one JSON document`});

  async run() {
    const {ConflictListView, listConflicts} = await import('../lib/sync/conflicts.ts');
    const view = await listConflicts(this.context.openWorkspace(), {all: this.all});
    this.print(ConflictListView, view, v => (v.conflicts.length === 0 ? (v.open === 0 ? `no conflicts` : ``) : [
      `${v.open} open conflict(s)`,
      ...v.conflicts.map(c => `  ${c.id}  ${c.status === `open` ? `open    ` : `resolved`}  ${c.kind.padEnd(10)}  ${c.path}${c.field ? ` ${c.field}` : ``}: kept ${clip(JSON.stringify(c.kept.value), 30)} (${c.kept.agent ?? `?`}), set aside ${clip(JSON.stringify(c.other.value), 30)} (${c.other.agent ?? `?`})`),
    ].join(`\n`)));
  }
}
