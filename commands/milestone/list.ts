import {Command, Option} from 'clipanion';
import type {listMilestones} from '../../lib/milestone/milestoneProgress.ts';
import type {MilestoneListView} from '../../lib/milestone/milestoneViews.ts';
import {MaestroCommand} from '../base.ts';

export class MilestoneListCommand extends MaestroCommand {
  static paths = [[`milestone`, `list`]];
  static usage = Command.Usage({
    category: `Milestones`,
    description: `list a mission's milestones with derived status and progress`,
    details: `Milestone status is derived: the first unsealed milestone is executing once one of its features started and validating once all are done; later ones are pending; sealed ones are sealed.`,
    examples: [[`List milestones`, `$0 milestone list --mission 2026-11-25-0x3ka9f`], [`As JSON`, `$0 milestone list --mission 2026-11-25-0x3 --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, milestones} as one JSON document`});

  async run() {
    const {listMilestones} = await import('../../lib/milestone/milestoneProgress.ts');
    const {MilestoneListView} = await import('../../lib/milestone/milestoneViews.ts');
    const view = await listMilestones(this.context.openWorkspace(), {missionId: this.mission});
    this.print(MilestoneListView, view, v => [
      `Mission: ${v.mission.title} (${v.mission.id})`, `Status: ${v.mission.status}`, ``, `${v.milestones.length} milestone(s):`, ``,
      ...v.milestones.flatMap(m => [
        `${m.milestone.order + 1}. ${m.milestone.kind === `gate` ? `[GATE]` : `[WORK]`} ${m.milestoneId}  ${m.status.padEnd(12)}  ${m.milestone.title}  (${m.milestone.profile ?? `custom`})`,
        `   Features: ${m.completedFeatures}/${m.featureCount} (${m.featureCompletionPct}%)`,
        `   Assertions: ${m.terminalAssertions}/${m.assertionCount} (${m.assertionCompletionPct}%)`,
        ...(m.waivedAssertions > 0 ? [`   Waived: ${m.waivedAssertions} assertion(s)`] : []),
      ]),
    ].join(`\n`));
  }
}
