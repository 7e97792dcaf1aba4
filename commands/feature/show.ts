import {Command, Option} from 'clipanion';
import type {FeatureShowView, showFeature} from '../../lib/feature/listFeatures.ts';
import type {describeNoteLink} from '../../lib/notes/noteLink.ts';
import {MaestroCommand} from '../base.ts';

export class FeatureShowCommand extends MaestroCommand {
  static paths = [[`feature`, `show`]];
  static usage = Command.Usage({
    category: `Features`,
    description: `show one feature with its dependencies, dependents and assertions`,
    details: `Shows the feature's status, worker type, verification steps, the status of each dependency, the features that depend on it, its assertions, its last worker report, and the code commits linked to it or its assertions by notes on \`refs/notes/maestro\` (written by \`feature update\` and \`validate update\`; \`maestro trace <rev>\` goes the other way).`,
    examples: [[`Show a feature`, `$0 feature show auth-impl --mission 2026-11-25-0x3ka9f`], [`As JSON`, `$0 feature show auth-impl --mission 2026-11-25-0x3 --json`]],
  });

  featureId = Option.String({name: `feature-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  json = Option.Boolean(`--json`, false, {description: `Print {feature, dependencies, dependents, assertions, ready, commits} as one JSON document`});

  async run() {
    const {FeatureShowView, showFeature} = await import('../../lib/feature/listFeatures.ts');
    const {describeNoteLink} = await import('../../lib/notes/noteLink.ts');
    const view = await showFeature(this.context.openWorkspace(), {missionId: this.mission, featureId: this.featureId});
    this.print(FeatureShowView, view, ({feature: f, dependencies, dependents, assertions, ready, commits}) => [
      `Feature: ${f.id}`, `  Title: ${f.title}`, `  Status: ${f.status}${ready ? ` (ready: dependencies done)` : ``}`, `  Milestone: ${f.milestoneId}`, `  Worker type: ${f.workerType}`, `  Updated: ${f.updatedAt}${f.updatedBy ? ` by ${f.updatedBy}` : ``}`,
      ``, `Description: ${f.description || `(none)`}`, ``, `Verification steps:`, ...f.verificationSteps.map((step, i) => `  ${i + 1}. ${step}`),
      ...(dependencies.length ? [``, `Depends on:`, ...dependencies.map(d => `  - ${d.id} (${d.status})`)] : []),
      ...(dependents.length ? [``, `Needed by: ${dependents.join(`, `)}`] : []),
      ...(assertions.length ? [``, `Assertions:`, ...assertions.map(a => `  - ${a.id} (${a.result}): ${a.description}`)] : []),
      ...(f.report ? [``, `Report: ${f.report.salientSummary}`] : []),
      ...(commits.length ? [``, `Commits:`, ...commits.flatMap(c => c.links.map((link, i) => `  ${i === 0 ? c.commit.slice(0, 12) : ` `.repeat(12)}  ${describeNoteLink(link)}`))] : []),
    ].join(`\n`));
  }
}
