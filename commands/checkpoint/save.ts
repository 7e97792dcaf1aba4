import {Command, Option} from 'clipanion';
import type {CheckpointSavedView, saveCheckpoint} from '../../lib/checkpoint/saveCheckpoint.ts';
import {MaestroCommand} from '../base.ts';

export class CheckpointSaveCommand extends MaestroCommand {
  static paths = [[`checkpoint`, `save`]];
  static usage = Command.Usage({
    category: `Checkpoints`,
    description: `save a checkpoint of a mission: a git tag on the current state commit`,
    details: `
      Tags the current state commit as \`refs/tags/maestro/<mission>/<checkpoint-id>\` (an annotated tag whose message records the mission's current milestone, feature statuses and assertion results). The state does not change. Ids never collide; a checkpoint never changes once saved. \`--name\` gives it a label that \`checkpoint list\` shows and \`checkpoint restore\` accepts.
    `,
    examples: [
      [`Checkpoint before sealing`, `$0 checkpoint save --mission 2026-11-25-0x3ka9f`],
      [`With a label, as JSON`, `$0 checkpoint save --mission 2026-11-25-0x3 --name "before review" --json`],
    ],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  name = Option.String(`--name`, {description: `A label for the checkpoint`});
  agent = Option.String(`--agent`, {description: `Who is saving (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print {checkpoint} as one JSON document`});

  async run() {
    const {CheckpointSavedView, saveCheckpoint} = await import('../../lib/checkpoint/saveCheckpoint.ts');
    const view = await saveCheckpoint(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {missionId: this.mission, ...(this.name !== undefined ? {name: this.name} : {})});
    const c = view.checkpoint;
    this.print(CheckpointSavedView, view, () => [
      `[ok] Checkpoint saved: ${c.id}`, ...(c.name ? [`  Name: ${c.name}`] : []), `  Mission: ${c.missionId}`, `  Milestone: ${c.currentMilestoneId}`,
      `  Timestamp: ${c.timestamp}`, `  Features captured: ${c.featureCount}`, `  Assertions captured: ${c.assertionCount}`,
      `  Tag: ${c.ref} -> ${c.commit.slice(0, 10)}`,
    ].join(`\n`));
  }
}
