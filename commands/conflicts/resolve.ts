import {Command, Option} from 'clipanion';
import type {resolveConflict} from '../../lib/sync/conflicts.ts';
import {MaestroCommand} from '../base.ts';

export class ConflictsResolveCommand extends MaestroCommand {
  static paths = [[`conflicts`, `resolve`]];
  static usage = Command.Usage({
    category: `Sharing state`,
    description: `settle a merge conflict: keep the merge's choice or swap in the other value`,
    details: `
      \`--take ours\` (or \`kept\`) keeps the value the state holds now, the one the merge chose, and marks the conflict resolved. \`--take theirs\` (or \`other\`) writes the value the merge set aside back into the entity, the field alone or the whole file, as it is now, so later changes to other fields stay. Either way it is one commit, so \`maestro log\` shows who decided, and it syncs like any other change.
    `,
    examples: [[`Swap in the other value`, `$0 conflicts resolve c3f9a1b2 --take theirs`], [`Confirm the merge's choice, as JSON`, `$0 conflicts resolve c3f9 --take ours --json`]],
  });

  id = Option.String({required: true, name: `id`});
  take = Option.String(`--take`, {required: true, description: `ours|theirs (also kept|other)`});
  json = Option.Boolean(`--json`, false, {description: `Print {conflict, changed} as one JSON document`});

  async run() {
    const {resolveConflict, ConflictResolveView} = await import('../../lib/sync/conflicts.ts');
    const view = await resolveConflict(this.context.openWorkspace(), {id: this.id, take: this.take});
    this.print(ConflictResolveView, view, v => (v.changed
      ? `conflict ${v.conflict.id} resolved: ${v.changed}${v.conflict.field ? ` ${v.conflict.field}` : ``} now holds the value that was set aside`
      : `conflict ${v.conflict.id} resolved: the merge's choice stays`));
  }
}
