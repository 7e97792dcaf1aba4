import {Command, Option} from 'clipanion';
import type {Mission} from '../../lib/domain/mission.ts';
import type {changeMission} from '../../lib/mission/changeMission.ts';
import {MaestroCommand} from '../base.ts';

export class MissionUpdateCommand extends MaestroCommand {
  static paths = [[`mission`, `update`]];
  static usage = Command.Usage({
    category: `Missions`,
    description: `change a mission's status, title or description`,
    details: `
      Statuses: draft, approved, rejected, executing, paused, validating, completed, failed. Transitions follow the mission state machine (draft -> approved | rejected; approved -> executing; executing -> validating | paused; paused -> executing; validating -> completed | failed); a refused one exits 1 and writes nothing.
    `,
    examples: [[`Pause a mission`, `$0 mission update 2026-11-25-0x3ka9f --status paused`], [`Retitle, as JSON`, `$0 mission update 2026-11-25-0x3 --title "Auth v2" --json`]],
  });

  missionId = Option.String({name: `mission-id`});
  status = Option.String(`--status`, {description: `New status (draft, approved, rejected, executing, paused, validating, completed, failed)`});
  title = Option.String(`--title`, {description: `New title`});
  description = Option.String(`--description`, {description: `New description`});
  json = Option.Boolean(`--json`, false, {description: `Print the mission as one JSON document`});

  async run() {
    const {Mission} = await import('../../lib/domain/mission.ts');
    const {changeMission} = await import('../../lib/mission/changeMission.ts');
    const mission = await changeMission(this.context.openWorkspace(), {
      missionId: this.missionId,
      ...(this.status !== undefined ? {status: this.status} : {}),
      ...(this.title !== undefined ? {title: this.title} : {}),
      ...(this.description !== undefined ? {description: this.description} : {}),
    });
    this.print(Mission, mission, m => [`[ok] Mission updated: ${m.id}`, `  Status: ${m.status}`, `  Title: ${m.title}`].join(`\n`));
  }
}
