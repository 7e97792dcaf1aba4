import {Command, Option} from 'clipanion';
import type {Mission} from '../../lib/domain/mission.ts';
import type {changeMission} from '../../lib/mission/changeMission.ts';
import {MaestroCommand} from '../base.ts';

export class MissionApproveCommand extends MaestroCommand {
  static paths = [[`mission`, `approve`]];
  static usage = Command.Usage({
    category: `Missions`,
    description: `approve a draft mission`,
    details: `Moves a draft mission to \`approved\` (reference state machine: draft -> approved | rejected). Any other current status is refused with exit 1 and nothing is written.`,
    examples: [[`Approve a mission`, `$0 mission approve 2026-11-25-0x3ka9f`], [`As JSON`, `$0 mission approve 2026-11-25-0x3 --json`]],
  });

  missionId = Option.String({name: `mission-id`});
  json = Option.Boolean(`--json`, false, {description: `Print the mission as one JSON document`});

  async run() {
    const {Mission} = await import('../../lib/domain/mission.ts');
    const {changeMission} = await import('../../lib/mission/changeMission.ts');
    const mission = await changeMission(this.context.openWorkspace(), {missionId: this.missionId, status: `approved`});
    this.print(Mission, mission, m => [`[ok] Mission approved: ${m.id}`, `  Title: ${m.title}`, `  Approved at: ${m.approvedAt}`].join(`\n`));
  }
}
