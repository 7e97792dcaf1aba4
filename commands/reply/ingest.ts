import {Command, Option} from 'clipanion';
import type {formatIngested, ingestReplies, ReplyIngestView} from '../../lib/reply/index.ts';
import {MaestroCommand} from '../base.ts';

export class ReplyIngestCommand extends MaestroCommand {
  static paths = [[`reply`, `ingest`]];
  static usage = Command.Usage({
    category: `Replies`,
    description: `apply the replies not yet ingested to their features`,
    details: `The original ingested replies only inside interactive Mission Control; ours is read-only, so this command does it, for every reply not yet ingested, in one state commit, through the normal feature transition rules. \`completed\` stands only for a feature in review (or done) whose assertions have all passed or were waived; otherwise it counts as kicked-back, with the reason. completed moves the feature to done, kicked-back to pending (logged as a retry, with the notes), abandoned to blocked, when the feature state machine allows it; otherwise the feature is left as it is. A reply's report is attached to the feature, and the pending principle outcomes of the feature's handoffs (its 25 latest) are judged: helpful when the reply counts as completed, unhelpful otherwise (see \`maestro principle effectiveness\`). Each reply is marked ingested, so running it again changes nothing.`,
    examples: [[`Apply the inbox`, `$0 reply ingest`], [`One mission's, as JSON`, `$0 reply ingest --mission 2026-11-25-0x3 --json`]],
  });

  mission = Option.String(`--mission`, {description: `Only replies of this mission (id or unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {ingested, alreadyIngested} as one JSON document`});

  async run() {
    const {formatIngested, ingestReplies, ReplyIngestView} = await import('../../lib/reply/index.ts');
    this.print(ReplyIngestView, await ingestReplies(this.context.openWorkspace(), {mission: this.mission}), formatIngested);
  }
}
