import {Command, Option} from 'clipanion';
import type {MilestoneSealView} from '../../lib/milestone/milestoneViews.ts';
import type {sealMilestone} from '../../lib/milestone/sealMilestone.ts';
import {MaestroCommand} from '../base.ts';

export class MilestoneSealCommand extends MaestroCommand {
  static paths = [[`milestone`, `seal`]];
  static usage = Command.Usage({
    category: `Milestones`,
    description: `seal a milestone once all its assertions passed or were waived`,
    details: `The gate: every assertion of the milestone must be \`passed\` or \`waived\`; a refusal (exit 1) names the blocking assertions and writes nothing. Sealing an already sealed milestone is a no-op that says so.`,
    examples: [[`Seal a milestone`, `$0 milestone seal implement --mission 2026-11-25-0x3ka9f`], [`As JSON`, `$0 milestone seal implement --mission 2026-11-25-0x3 --json`]],
  });

  milestoneId = Option.String({name: `milestone-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, milestone, progress, sealed, ...} as one JSON document`});

  async run() {
    const {MilestoneSealView} = await import('../../lib/milestone/milestoneViews.ts');
    const {sealMilestone} = await import('../../lib/milestone/sealMilestone.ts');
    const view = await sealMilestone(this.context.openWorkspace(), {missionId: this.mission, milestoneId: this.milestoneId});
    this.print(MilestoneSealView, view, v => v.alreadySealed
      ? `[ok] Milestone ${v.milestone.id} was already sealed (at ${v.milestone.sealedAt}); nothing changed`
      : [
        `[ok] ${v.milestone.kind === `gate` ? `Gate` : `Milestone`} sealed: ${v.milestone.id}`, `  Title: ${v.milestone.title}`,
        ...(v.autoTransitioned ? [`  Auto-transitioned: executing -> validating`] : []),
        `  Status: ${v.progress.status}`, `  All ${v.progress.assertionCount} assertion(s) are in terminal state`,
        ...(v.progress.waivedAssertions > 0 ? [`  Waived assertions: ${v.progress.waivedAssertions}`, ...v.progress.waivedAssertionIds.map(id => `    - ${id}`)] : []),
      ].join(`\n`));
  }
}
