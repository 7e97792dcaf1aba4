import {Command, Option} from 'clipanion';
import type {formatReplies, listReplies, ReplyListView} from '../../lib/reply/index.ts';
import {MaestroCommand} from '../base.ts';

export class ReplyListCommand extends MaestroCommand {
  static paths = [[`reply`, `list`]];
  static usage = Command.Usage({
    category: `Replies`,
    description: `list worker replies, newest first`,
    details: `Lists the replies of the state, newest first: mission/feature, outcome, when and by whom, the note, and whether \`reply ingest\` has applied it yet (and as what). It changes nothing.`,
    examples: [[`The inbox`, `$0 reply list`], [`One mission's replies as JSON`, `$0 reply list --mission 2026-11-25-0x3 --json`]],
  });

  mission = Option.String(`--mission`, {description: `Only replies of this mission (id or unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print the replies as one JSON array`});

  async run() {
    const {formatReplies, listReplies, ReplyListView} = await import('../../lib/reply/index.ts');
    this.print(ReplyListView, await listReplies(this.context.openWorkspace(), {mission: this.mission}), formatReplies);
  }
}
