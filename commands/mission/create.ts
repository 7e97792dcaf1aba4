import {Command, Option} from 'clipanion';
import {InputError} from '../../lib/errors.ts';
import type {createMission} from '../../lib/mission/createMission.ts';
import type {MissionCreatedView} from '../../lib/mission/missionView.ts';
import {MaestroCommand} from '../base.ts';

export class MissionCreateCommand extends MaestroCommand {
  static paths = [[`mission`, `create`]];
  static usage = Command.Usage({
    category: `Missions`,
    description: `create a draft mission from a plan file`,
    details: `
      Reads a JSON plan (\`--file plan.json\`, or \`--file -\` for stdin) with a title, milestones and features, validates all of it (schema, duplicate ids, unknown milestones, unknown or cyclic \`dependsOn\`) and creates the mission, its milestones, features and assertions in one state commit. Every problem of a refused plan is listed and nothing is written.
    `,
    examples: [[`Create a mission`, `$0 mission create --file plan.json`], [`From stdin, as JSON`, `cat plan.json | $0 mission create --file - --json`]],
  });

  file = Option.String(`--file`, {description: `The plan file, or - for stdin`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, features, assertions} as one JSON document`});

  async run() {
    const {createMission} = await import('../../lib/mission/createMission.ts');
    const {MissionCreatedView} = await import('../../lib/mission/missionView.ts');
    if (this.file === undefined) throw new InputError(`--file is required`, {hint: `maestro mission create --file plan.json`});
    const workspace = this.context.openWorkspace();
    const planText = await this.readInput(this.file);
    const view = await createMission(workspace, {planText, source: this.file === `-` ? `stdin` : this.file});
    this.print(MissionCreatedView, view, v => [
      `[ok] Mission created: ${v.mission.id}`,
      `  Title: ${v.mission.title}`,
      `  Status: ${v.mission.status}`,
      `  Milestones: ${v.mission.milestones.length}`,
      `  Features: ${v.features.length}`,
      `  Assertions: ${v.assertions.length}${v.assertions.length ? ` (${v.assertions.slice(0, 5).map(a => a.id).join(`, `)}${v.assertions.length > 5 ? `, …` : ``})` : ``}`,
    ].join(`\n`));
  }
}
