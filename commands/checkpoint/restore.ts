import {Command, Option} from 'clipanion';
import type {CheckpointRestoredView, restoreCheckpoint} from '../../lib/checkpoint/restoreCheckpoint.ts';
import {MaestroCommand} from '../base.ts';

export class CheckpointRestoreCommand extends MaestroCommand {
  static paths = [[`checkpoint`, `restore`], [`checkpoint`, `load`]];
  static usage = Command.Usage({
    category: `Checkpoints`,
    description: `restore a mission to a checkpoint, as a new state commit`,
    details: `
      Makes a new state commit whose \`missions/<mission>/\` is exactly the checkpoint's: feature statuses, assertion results and evidence, reports, sealed milestones. History is kept, so a restore can itself be undone (restore another checkpoint); other missions are untouched. Any checkpoint works, by id, unique prefix or name; with none, the latest (\`load\` is the original's name). When the mission already matches, nothing is written.
    `,
    examples: [
      [`Restore a checkpoint`, `$0 checkpoint restore 20261125-143000-120-k3x --mission 2026-11-25-0x3ka9f`],
      [`Restore the latest, as JSON`, `$0 checkpoint load --mission 2026-11-25-0x3 --json`],
    ],
  });

  checkpointId = Option.String({required: false, name: `checkpoint-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  agent = Option.String(`--agent`, {description: `Who is restoring (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print {checkpoint, restored} as one JSON document`});

  async run() {
    const {CheckpointRestoredView, restoreCheckpoint} = await import('../../lib/checkpoint/restoreCheckpoint.ts');
    const view = await restoreCheckpoint(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {
      missionId: this.mission, ...(this.checkpointId !== undefined ? {checkpointId: this.checkpointId} : {}),
    });
    const {checkpoint: c, restored: r} = view;
    this.print(CheckpointRestoredView, view, () => [
      `[ok] Checkpoint restored: ${c.id}`, ...(c.name ? [`  Name: ${c.name}`] : []), `  Mission: ${c.missionId}`, `  Milestone: ${c.currentMilestoneId}`,
      `  Timestamp: ${c.timestamp}`, `  Features captured: ${c.featureCount}`, `  Assertions captured: ${c.assertionCount}`,
      `  Features restored: ${r.featureCount}`, `  Assertions restored: ${r.assertionCount}`, `  Milestones restored: ${r.milestoneCount}`,
      r.commit ? `  Commit: ${r.commit.slice(0, 10)} (${r.paths.length} file(s))` : `  No state changes were needed; current state already matches the checkpoint.`,
    ].join(`\n`));
  }
}
