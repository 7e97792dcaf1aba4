import {Command, Option} from 'clipanion';
import type {milestoneStatus} from '../../lib/milestone/milestoneProgress.ts';
import type {MilestoneStatusView} from '../../lib/milestone/milestoneViews.ts';
import {MaestroCommand} from '../base.ts';

export class MilestoneStatusCommand extends MaestroCommand {
  static paths = [[`milestone`, `status`]];
  static usage = Command.Usage({
    category: `Milestones`,
    description: `show one milestone's derived status and progress`,
    details: `Shows the milestone's kind, profile, order, derived status, and its feature and assertion progress.`,
    examples: [[`Show a milestone`, `$0 milestone status implement --mission 2026-11-25-0x3ka9f`], [`As JSON`, `$0 milestone status implement --mission 2026-11-25-0x3 --json`]],
  });

  milestoneId = Option.String({name: `milestone-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, milestone, progress} as one JSON document`});

  async run() {
    const {milestoneStatus} = await import('../../lib/milestone/milestoneProgress.ts');
    const {MilestoneStatusView} = await import('../../lib/milestone/milestoneViews.ts');
    const view = await milestoneStatus(this.context.openWorkspace(), {missionId: this.mission, milestoneId: this.milestoneId});
    this.print(MilestoneStatusView, view, ({milestone: m, progress: p}) => [
      `Milestone: ${m.id}`, `  Title: ${m.title}`, `  Kind: ${m.kind ?? `work`}`, `  Profile: ${m.profile ?? `custom`}`, `  Order: ${m.order + 1}`, `  Status: ${p.status}`, ``,
      `  Features: ${p.completedFeatures}/${p.featureCount} completed (${p.featureCompletionPct}%)`,
      `  Assertions: ${p.terminalAssertions}/${p.assertionCount} terminal (${p.assertionCompletionPct}%)`,
      `    - Passed: ${p.passedAssertions}`, `    - Waived: ${p.waivedAssertions}`,
      ...(p.waivedAssertionIds.length ? [`  Waived assertions:`, ...p.waivedAssertionIds.map(id => `    - ${id}`)] : []),
    ].join(`\n`));
  }
}
