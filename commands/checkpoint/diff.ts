import {Command, Option} from 'clipanion';
import type {CheckpointDiffView, diffCheckpoint} from '../../lib/checkpoint/diffCheckpoint.ts';
import type {renderStateDiff} from '../../lib/history/renderStateDiff.ts';
import {MaestroCommand} from '../base.ts';

export class CheckpointDiffCommand extends MaestroCommand {
  static paths = [[`checkpoint`, `diff`]];
  static usage = Command.Usage({
    category: `Checkpoints`,
    description: `show what changed in a mission since a checkpoint`,
    details: `
      Compares the mission in the checkpoint with the mission now, entity by entity and field by field: \`~\` a changed entity with one \`field: before -> after\` line per field, \`+\` an added one, \`-\` a removed one; long text as a line diff. With no id, the latest checkpoint. \`maestro diff <checkpoint-id>\` compares the whole state.
    `,
    examples: [
      [`Since a checkpoint`, `$0 checkpoint diff 20261125-143000-120-k3x --mission 2026-11-25-0x3ka9f`],
      [`Since the latest, as JSON`, `$0 checkpoint diff --mission 2026-11-25-0x3 --json`],
    ],
  });

  checkpointId = Option.String({required: false, name: `checkpoint-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {checkpoint, from, to, mission, changes, summary} as one JSON document`});

  async run() {
    const {CheckpointDiffView, diffCheckpoint} = await import('../../lib/checkpoint/diffCheckpoint.ts');
    const {renderStateDiff} = await import('../../lib/history/renderStateDiff.ts');
    const view = await diffCheckpoint(this.context.openWorkspace(), {missionId: this.mission, ...(this.checkpointId !== undefined ? {checkpointId: this.checkpointId} : {})});
    this.print(CheckpointDiffView, view, v => (v.changes.length === 0
      ? `No changes in mission ${v.mission} since checkpoint ${v.checkpoint.id}`
      : `${renderStateDiff(v.changes)}\n${v.changes.length} entit${v.changes.length === 1 ? `y` : `ies`} changed since checkpoint ${v.checkpoint.id} (${v.summary.added} added, ${v.summary.removed} removed, ${v.summary.changed} changed)`));
  }
}
