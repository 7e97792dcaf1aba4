import {Command, Option} from 'clipanion';
import type {formatRecorded, WorkerReply, writeReply} from '../../lib/reply/index.ts';
import {MaestroCommand} from '../base.ts';

export class ReplyWriteCommand extends MaestroCommand {
  static paths = [[`reply`, `write`]];
  static usage = Command.Usage({
    category: `Replies`,
    description: `record a worker's reply on a feature`,
    details: `Records the outcome of a worker's assignment as \`replies/<mission>/<feature>.json\` on the state ref: completed, kicked-back (send it back for another try) or abandoned, with notes and an optional worker report (\`--report-file\`, JSON: \`{salientSummary, whatWasImplemented, …}\` or the legacy \`{content}\`; \`-\` reads stdin). A new reply replaces the feature's previous one. The feature does not change until \`maestro reply ingest\`.`,
    examples: [
      [`A worker finished`, `$0 reply write auth-impl --mission 2026-11-25-0x3 --outcome completed --agent --note "login works" --report-file report.json`],
      [`Send it back, as JSON`, `$0 reply write auth-impl --mission 2026-11-25-0x3 --outcome kicked-back --note "tests flaky" --json`],
    ],
  });

  featureId = Option.String({name: `feature-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  outcome = Option.String(`--outcome`, {description: `completed, kicked-back or abandoned (required)`});
  notes = Option.String(`--note`, {description: `What the next person should know`});
  reportFile = Option.String(`--report-file`, {description: `A worker report as JSON (- for stdin)`});
  source = Option.String(`--source`, {description: `A tag naming where the reply comes from`});
  agent = Option.Boolean(`--agent`, false, {description: `Written by an agent (default: by a human)`});
  json = Option.Boolean(`--json`, false, {description: `Print the reply as one JSON document`});

  async run() {
    const {formatRecorded, WorkerReply, writeReply} = await import('../../lib/reply/index.ts');
    const report = this.reportFile === undefined ? undefined : {file: this.reportFile, text: await this.readInput(this.reportFile)};
    const reply = await writeReply(this.context.openWorkspace(), {
      featureId: this.featureId, mission: this.mission, outcome: this.outcome, notes: this.notes, report, source: this.source, byAgent: this.agent,
    });
    this.print(WorkerReply, reply, formatRecorded);
  }
}
