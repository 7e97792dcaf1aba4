import {Command, Option} from 'clipanion';
import type {formatList, HandoffListView, listHandoffs} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffListCommand extends MaestroCommand {
  static paths = [[`handoff`, `list`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `list handoffs, optionally filtered by status`,
    details: `Lists the handoffs of the state, newest first: id, status (pending, picked-up, completed), mode and summary, and the agent a handoff is meant for. \`--json\` prints the full records. A file under handoffs/ that is not a readable handoff is skipped with a warning on stderr.`,
    examples: [[`The queue`, `$0 handoff list`], [`Pending handoffs as JSON`, `$0 handoff list --status pending --json`]],
  });

  status = Option.String(`--status`, {description: `Only handoffs with this status (pending, picked-up, completed)`});
  json = Option.Boolean(`--json`, false, {description: `Print the handoff records as one JSON array`});

  async run() {
    const {formatList, HandoffListView, listHandoffs} = await import('../../lib/handoff/index.ts');
    const {handoffs, skipped} = await listHandoffs(this.context.openWorkspace(), this.status === undefined ? {} : {status: this.status});
    for (const file of skipped) this.note(`maestro: warning: skipped ${file.path}: ${file.problem}`);
    this.print(HandoffListView, handoffs, formatList);
  }
}
