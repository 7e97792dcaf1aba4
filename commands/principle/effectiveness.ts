import {Command, Option} from 'clipanion';
import type {EffectivenessView} from '../../lib/principle/index.ts';
import {MaestroCommand} from '../base.ts';

export class PrincipleEffectivenessCommand extends MaestroCommand {
  static paths = [[`principle`, `effectiveness`], [`principle`, `stats`]];
  static usage = Command.Usage({
    category: `Principles`,
    description: `show how often each gate principle helped`,
    details: `
      Counts the outcomes of each principle: \`handoff create\` records one, \`pending\`, for every gate a feature-linked handoff passed (\`principles/outcomes/\`); helpful and unhelpful are judgements recorded on those files. Effectiveness is helpful / (helpful + unhelpful), worst first. Principles with fewer than 3 decided outcomes are left out unless \`--all\`. \`principle stats\` is the same command.
    `,
    examples: [[`Show the effectiveness`, `$0 principle effectiveness`], [`Every principle with outcomes, as JSON`, `$0 principle stats --all --json`]],
  });

  all = Option.Boolean(`--all`, false, {description: `Include principles with fewer than 3 decided outcomes`});
  json = Option.Boolean(`--json`, false, {description: `Print the rows as one JSON array`});

  async run() {
    const {principleStats, EffectivenessView} = await import('../../lib/principle/index.ts');
    const rows = await principleStats(this.context.openWorkspace(), {all: this.all});
    if (rows.length === 0 && !this.json && !this.all) this.note(`hint: run \`maestro principle effectiveness --all\` to include low-sample entries`);
    this.print(EffectivenessView, rows, formatRows);
  }
}

function formatRows(rows: EffectivenessView): string {
  if (rows.length === 0) return `No principles with recorded outcomes yet.`;
  return [`${rows.length} principle(s)`, ``, ...rows.map(r => `${r.principleId.padEnd(24)} ${(r.effectiveness === undefined ? `n/a` : `${Math.round(r.effectiveness * 100)}%`).padStart(4)}  helpful ${r.helpful}, unhelpful ${r.unhelpful}, pending ${r.pending}${r.lowSample ? `  (low sample)` : ``}`)].join(`\n`);
}
