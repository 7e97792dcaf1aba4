import {Command, Option} from 'clipanion';
import type {MissionReportView, showMission} from '../../lib/mission/showMission.ts';
import {MaestroCommand} from '../base.ts';
import {renderMissionReport} from './render.ts';

export class MissionShowCommand extends MaestroCommand {
  static paths = [[`mission`, `show`]];
  static usage = Command.Usage({
    category: `Missions`,
    description: `show a mission with its derived progress`,
    details: `Shows the mission, its effective status (derived from milestones and features), per-milestone progress and the feature list. Any unique prefix of the mission id works.`,
    examples: [[`Show a mission`, `$0 mission show 2026-11-25-0x3ka9f`], [`As JSON`, `$0 mission show 2026-11-25-0x3 --json`]],
  });

  missionId = Option.String({name: `mission-id`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, effectiveMissionStatus, milestones, summary} as one JSON document`});

  async run() {
    const {MissionReportView, showMission} = await import('../../lib/mission/showMission.ts');
    const view = await showMission(this.context.openWorkspace(), {missionId: this.missionId});
    this.print(MissionReportView, view, () => renderMissionReport(view));
  }
}
