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

      \`--workflow <name>\` makes the milestones from a workflow template instead (the plan then has no \`milestones\`, or \`[]\`); each phase becomes a milestone whose id is its label in lower case with \`-\` for spaces, so the plan's features use those ids as \`milestoneId\`. Built-in workflows: \`plan-implement\` (planning, implementation), \`plan-review-implement\` (planning, plan-review, implementation), \`plan-implement-review\` (planning, implementation, code-review), \`plan-review-implement-review\` (planning, plan-review, implementation, code-review). Review phases are gates with the plan-review and code-review profiles. \`workflowTemplates:\` in .maestro/config.yaml adds or replaces templates (\`<name>: {description, phases: [{label, kind: work|gate, profile, description}]}\`). An unknown name is refused with the list of names.
    `,
    examples: [
      [`Create a mission`, `$0 mission create --file plan.json`],
      [`With the milestones of a workflow`, `$0 mission create --file plan.json --workflow plan-review-implement-review`],
      [`From stdin, as JSON`, `cat plan.json | $0 mission create --file - --json`],
    ],
  });

  file = Option.String(`--file`, {description: `The plan file, or - for stdin`});
  workflow = Option.String(`--workflow`, {description: `Make the milestones from this workflow template (plan-implement, plan-review-implement, plan-implement-review, plan-review-implement-review, or one of config)`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, features, assertions} as one JSON document`});

  async run() {
    const {createMission} = await import('../../lib/mission/createMission.ts');
    const {MissionCreatedView} = await import('../../lib/mission/missionView.ts');
    if (this.file === undefined) throw new InputError(`--file is required`, {hint: `maestro mission create --file plan.json`});
    const workspace = this.context.openWorkspace();
    const planText = await this.readInput(this.file);
    const view = await createMission(workspace, {planText, source: this.file === `-` ? `stdin` : this.file, ...(this.workflow !== undefined ? {workflow: this.workflow} : {})});
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
