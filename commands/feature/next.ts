import {Command, Option} from 'clipanion';
import type {FeatureNextView, nextFeatures} from '../../lib/feature/listFeatures.ts';
import {MaestroCommand} from '../base.ts';

export class FeatureNextCommand extends MaestroCommand {
  static paths = [[`feature`, `next`]];
  static usage = Command.Usage({
    category: `Features`,
    description: `list the features ready to start: pending, with every dependency done`,
    details: `The work queue agents ask for. With \`--worker\`, only features of that worker type (codex, claude-code, gemini, …).`,
    examples: [[`What can start now`, `$0 feature next --mission 2026-11-25-0x3ka9f`], [`Codex's queue as JSON`, `$0 feature next --mission 2026-11-25-0x3 --worker codex --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  worker = Option.String(`--worker`, {description: `Only features of this worker type`});
  json = Option.Boolean(`--json`, false, {description: `Print {missionId, ready, waiting} as one JSON document`});

  async run() {
    const {FeatureNextView, nextFeatures} = await import('../../lib/feature/listFeatures.ts');
    const view = await nextFeatures(this.context.openWorkspace(), {missionId: this.mission, ...(this.worker ? {workerType: this.worker} : {})});
    this.print(FeatureNextView, view, v => [
      v.ready.length === 0 ? `No feature is ready to start` : `${v.ready.length} feature(s) ready to start:`,
      ...v.ready.map(f => `  ${f.id}  ${f.workerType.padEnd(12)}  ${f.title}`),
      ...(v.waiting > 0 ? [`${v.waiting} pending feature(s) wait for their dependencies`] : []),
    ].join(`\n`));
  }
}
