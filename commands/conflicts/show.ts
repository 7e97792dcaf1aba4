import {Command, Option} from 'clipanion';
import type {showConflict} from '../../lib/sync/conflicts.ts';
import {MaestroCommand} from '../base.ts';

export class ConflictsShowCommand extends MaestroCommand {
  static paths = [[`conflicts`, `show`]];
  static usage = Command.Usage({
    category: `Sharing state`,
    description: `show one merge conflict: both values, where they came from, and the rule`,
    details: `\`kept\` is the value the state holds (ours), \`other\` the value the merge set aside (theirs); each names the state commit, agent and time it came from. ID may be a unique prefix.`,
    examples: [[`Show a conflict`, `$0 conflicts show c3f9a1b2`], [`As JSON`, `$0 conflicts show c3f9 --json`]],
  });

  id = Option.String({required: true, name: `id`});
  json = Option.Boolean(`--json`, false, {description: `Print the conflict record as one JSON document`});

  async run() {
    const {showConflict} = await import('../../lib/sync/conflicts.ts');
    const {Conflict} = await import('../../lib/domain/conflict.ts');
    const conflict = await showConflict(this.context.openWorkspace(), this.id);
    this.print(Conflict, conflict, c => [
      `${c.id}  ${c.kind} conflict, ${c.status}${c.resolution ? ` (${c.resolution === `other` ? `swapped` : `confirmed`} by ${c.resolvedBy} at ${c.resolvedAt})` : ``}`,
      `  file:  ${c.path}${c.field ? `\n  field: ${c.field}` : ``}`,
      `  rule:  ${c.rule}`,
      `  base:  ${JSON.stringify(c.base)}`,
      `  ours (kept):       ${JSON.stringify(c.kept.value)}  — ${c.kept.agent ?? `?`}, ${c.kept.updatedAt ?? `?`}, ${c.kept.commit.slice(0, 12)}`,
      `  theirs (set aside): ${JSON.stringify(c.other.value)}  — ${c.other.agent ?? `?`}, ${c.other.updatedAt ?? `?`}, ${c.other.commit.slice(0, 12)}`,
    ].join(`\n`));
  }
}
