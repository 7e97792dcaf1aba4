import {Command, Option} from 'clipanion';
import type {FeatureListView, listFeatures} from '../../lib/feature/listFeatures.ts';
import {MaestroCommand} from '../base.ts';

export class FeatureListCommand extends MaestroCommand {
  static paths = [[`feature`, `list`]];
  static usage = Command.Usage({
    category: `Features`,
    description: `list a mission's features in plan order`,
    details: `Lists features with their status, title and milestone, optionally filtered by status (pending, assigned, in-progress, review, done, blocked) and milestone.`,
    examples: [[`List features`, `$0 feature list --mission 2026-11-25-0x3ka9f`], [`Features in review, as JSON`, `$0 feature list --mission 2026-11-25-0x3 --status review --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  status = Option.String(`--status`, {description: `Only features with this status`});
  milestone = Option.String(`--milestone`, {description: `Only features of this milestone`});
  json = Option.Boolean(`--json`, false, {description: `Print {features, total, filtered} as one JSON document`});

  async run() {
    const {FeatureListView, listFeatureRows, listFeatures, ROW_TITLE_LENGTH} = await import('../../lib/feature/listFeatures.ts');
    const request = {missionId: this.mission, ...(this.status ? {status: this.status} : {}), ...(this.milestone ? {milestoneId: this.milestone} : {})};
    // JSON carries whole features; the table needs four fields of each, which a smaller cache holds.
    if (this.wantsJson()) {
      this.print(FeatureListView, await listFeatures(this.context.openWorkspace(), request), () => ``);
      return;
    }
    const view = await listFeatureRows(this.context.openWorkspace(), request);
    this.context.stdout.write(`${view.features.length === 0 ? `No features found`
      : [`${view.filtered} feature(s) (total: ${view.total})`, ``, ...view.features.map(f => `${f.id}  ${f.status.padEnd(12)}  ${f.title.padEnd(ROW_TITLE_LENGTH)}  [${f.milestoneId}]`)].join(`\n`)}\n`);
  }
}
