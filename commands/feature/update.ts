import {Command, Option} from 'clipanion';
import type {FeatureUpdateView, updateFeature} from '../../lib/feature/updateFeature.ts';
import type {parseWorkerReport} from '../../lib/feature/workerReport.ts';
import {MaestroCommand} from '../base.ts';

export class FeatureUpdateCommand extends MaestroCommand {
  static paths = [[`feature`, `update`]];
  static usage = Command.Usage({
    category: `Features`,
    description: `change a feature's status, attach a worker report`,
    details: `
      Moves a feature through its state machine: pending -> assigned | in-progress; assigned -> in-progress; in-progress -> review; review -> done | blocked | pending (retry); blocked -> pending (retry). A refused transition exits 1 and writes nothing. Starting a feature whose dependencies are not done warns on stderr (the commit records it); \`--strict\` (or \`strictDependencies: true\` in .maestro/config.yaml) refuses instead. The first status change of an approved mission starts it (executing). Each update also notes the code commit it concerns on \`refs/notes/maestro\` (\`git log --notes=maestro\` shows it; \`maestro trace\` reads it): \`--commit <rev>\`, by default HEAD (no note while the repository has no commit), \`--commit none\` for no note. \`--report\` takes inline JSON or @file: \`{salientSummary, whatWasImplemented, whatWasLeftUndone, verification, tests, discoveredIssues}\` or the legacy \`{content}\`.
    `,
    examples: [
      [`Start work`, `$0 feature update auth-impl --mission 2026-11-25-0x3ka9f --status in-progress`],
      [`Hand in for review with a report, as JSON`, `$0 feature update auth-impl --mission 2026-11-25-0x3 --status review --report @report.json --json`],
    ],
  });

  featureId = Option.String({name: `feature-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  status = Option.String(`--status`, {description: `New status (pending, assigned, in-progress, review, done, blocked)`});
  report = Option.String(`--report`, {description: `Worker report: inline JSON or @file.json`});
  retryReason = Option.String(`--retry-reason`, {description: `Why the feature goes back to pending (logged)`});
  strict = Option.Boolean(`--strict`, false, {description: `Refuse to start a feature whose dependencies are not done`});
  commit = Option.String(`--commit`, {description: `Code commit to note on refs/notes/maestro (default HEAD; none for no note)`});
  agent = Option.String(`--agent`, {description: `Who is updating (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print {feature, reportPersisted, missionAutoStarted, warnings, note} as one JSON document`});

  async run() {
    const {FeatureUpdateView, updateFeature} = await import('../../lib/feature/updateFeature.ts');
    const {parseWorkerReport} = await import('../../lib/feature/workerReport.ts');
    const report = this.report === undefined ? undefined : parseWorkerReport(this.report.startsWith(`@`) ? await this.readInput(this.report.slice(1)) : this.report);
    const view = await updateFeature(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {
      missionId: this.mission, featureId: this.featureId, strict: this.strict,
      ...(this.status !== undefined ? {status: this.status} : {}),
      ...(report ? {report} : {}),
      ...(this.retryReason ? {retryReason: this.retryReason} : {}),
      ...(this.commit !== undefined ? {commit: this.commit} : {}),
    });
    for (const warning of view.warnings) this.note(`maestro: warning: ${warning}`);
    this.print(FeatureUpdateView, view, v => [
      `[ok] Feature updated: ${v.feature.id}`, `  Status: ${v.feature.status}`, `  Title: ${v.feature.title}`,
      ...(v.missionAutoStarted ? [`  Mission: auto-started to executing`] : []),
      ...(v.reportPersisted ? [`  Report: ${v.reportPersisted}`] : []),
      ...(v.feature.report ? [`  Summary: ${v.feature.report.salientSummary}`] : []),
      ...(v.note ? [`  Note: ${v.note.commit.slice(0, 12)} (${v.note.ref})`] : []),
    ].join(`\n`));
  }
}
