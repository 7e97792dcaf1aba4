import {Command, Option} from 'clipanion';
import type {CheckpointListView, listCheckpoints} from '../../lib/checkpoint/listCheckpoints.ts';
import {MaestroCommand} from '../base.ts';

export class CheckpointListCommand extends MaestroCommand {
  static paths = [[`checkpoint`, `list`]];
  static usage = Command.Usage({
    category: `Checkpoints`,
    description: `list a mission's checkpoints, newest first`,
    details: `Reads the checkpoint tags of the mission (\`git for-each-ref refs/tags/maestro/<mission>/\` shows the same). An empty list is not an error.`,
    examples: [[`List checkpoints`, `$0 checkpoint list --mission 2026-11-25-0x3ka9f`], [`As JSON`, `$0 checkpoint list --mission 2026-11-25-0x3 --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {mission, checkpoints} as one JSON document`});

  async run() {
    const {CheckpointListView, listCheckpoints} = await import('../../lib/checkpoint/listCheckpoints.ts');
    const view = await listCheckpoints(this.context.openWorkspace(), {missionId: this.mission});
    this.print(CheckpointListView, view, v => (v.checkpoints.length === 0
      ? `No checkpoints found for mission ${v.mission.id}`
      : [
        `Mission: ${v.mission.title} (${v.mission.id})`, ``, `${v.checkpoints.length} checkpoint(s) (newest first):`, ``,
        ...v.checkpoints.flatMap(c => [
          `${c.id}${c.name ? `  ${c.name}` : ``}`, `  Milestone: ${c.currentMilestoneId}`, `  Time: ${new Date(c.timestamp).toLocaleString()}`,
          `  Features: ${c.featureCount}, Assertions: ${c.assertionCount}`, ``,
        ]),
      ].join(`\n`)));
  }
}
