import {Command, Option} from 'clipanion';
import type {diffState, StateDiffView} from '../lib/history/diffState.ts';
import type {renderStateDiff} from '../lib/history/renderStateDiff.ts';
import type {Revision} from '../lib/history/resolveStateRevision.ts';
import {MaestroCommand} from './base.ts';

const describe = (r: Revision) => (r.commit ? `${r.label} (${r.commit.slice(0, 10)})` : `${r.label} (empty state)`);

export class DiffCommand extends MaestroCommand {
  static paths = [[`diff`]];
  static usage = Command.Usage({
    category: `History`,
    description: `show what changed in the state, entity by entity and field by field`,
    details: `
      Compares two states: A and B are state commit ids (full or a prefix of 4+ characters), checkpoint ids, refs (\`refs/maestro/main\`), or \`@\` for the tip, each with an optional \`~N\`. A defaults to the tip's parent, B to the tip, so \`maestro diff\` shows the last change. \`--since <date>\` compares the last state commit before that date with the tip, or with the one revision given. \`--mission\` limits the diff to one mission. Output: \`~\` changed, \`+\` added, \`-\` removed entities, with one \`field: before -> after\` line per field and long text as a line diff.
    `,
    examples: [
      [`The last change`, `$0 diff`],
      [`Since a checkpoint, for one mission`, `$0 diff 20261125-143000-120-k3x --mission 2026-11-25-0x3ka9f`],
      [`Since yesterday, as JSON`, `$0 diff --since 2026-11-24 --json`],
    ],
  });

  from = Option.String({required: false, name: `A`});
  to = Option.String({required: false, name: `B`});
  mission = Option.String(`--mission`, {description: `Only this mission (id or unique prefix)`});
  since = Option.String(`--since`, {description: `Compare from the last state commit before this ISO date`});
  json = Option.Boolean(`--json`, false, {description: `Print {from, to, mission, changes, summary} as one JSON document`});

  async run() {
    const {diffState, StateDiffView} = await import('../lib/history/diffState.ts');
    const {renderStateDiff} = await import('../lib/history/renderStateDiff.ts');
    const view = await diffState(this.context.openWorkspace(), {
      revisions: [this.from, this.to].filter(rev => rev !== undefined), ...(this.since !== undefined ? {since: this.since} : {}), ...(this.mission !== undefined ? {missionId: this.mission} : {}),
    });
    this.print(StateDiffView, view, v => (v.changes.length === 0
      ? `No changes between ${describe(v.from)} and ${describe(v.to)}`
      : `${renderStateDiff(v.changes)}\n${v.changes.length} entit${v.changes.length === 1 ? `y` : `ies`} changed between ${describe(v.from)} and ${describe(v.to)} (${v.summary.added} added, ${v.summary.removed} removed, ${v.summary.changed} changed)`));
  }
}
