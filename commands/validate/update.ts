import {Command, Option} from 'clipanion';
import type {AssertionUpdateView, updateAssertion} from '../../lib/validate/assertions.ts';
import {MaestroCommand} from '../base.ts';

export class ValidateUpdateCommand extends MaestroCommand {
  static paths = [[`validate`, `update`]];
  static usage = Command.Usage({
    category: `Validation`,
    description: `record an assertion's result with evidence`,
    details: `
      Results: pending, passed, failed, blocked, waived. Transitions: pending -> passed | failed | blocked | waived; failed -> pending; blocked -> pending | waived; passed and waived are final. Waiving needs \`--reason\`. Evidence is kept when \`--evidence\` is not given. The assertion id is the name in the plan's \`fulfills\` (the original's \`<feature>-assertion-<n>\` works too). The result is also noted on the code commit it concerns, on \`refs/notes/maestro\` (see \`maestro trace\`): \`--commit <rev>\`, by default HEAD (no note while the repository has no commit), \`--commit none\` for no note.
    `,
    examples: [[`Pass an assertion`, `$0 validate update auth-login-works --mission 2026-11-25-0x3ka9f --result passed --evidence "bun test"`], [`Waive one, as JSON`, `$0 validate update auth-login-works --mission 2026-11-25-0x3 --result waived --reason "covered by e2e" --json`]],
  });

  assertionId = Option.String({name: `assertion-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  result = Option.String(`--result`, {description: `New result (pending, passed, failed, blocked, waived)`});
  evidence = Option.String(`--evidence`, {description: `What shows it (a command, a log, a link)`});
  reason = Option.String(`--reason`, {description: `Why it is waived (required with --result waived)`});
  commit = Option.String(`--commit`, {description: `Code commit to note on refs/notes/maestro (default HEAD; none for no note)`});
  agent = Option.String(`--agent`, {description: `Who is validating (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print {assertion, note, warnings} as one JSON document`});

  async run() {
    const {AssertionUpdateView, updateAssertion} = await import('../../lib/validate/assertions.ts');
    const view = await updateAssertion(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {
      missionId: this.mission, assertionId: this.assertionId,
      ...(this.result !== undefined ? {result: this.result} : {}),
      ...(this.evidence !== undefined ? {evidence: this.evidence} : {}),
      ...(this.reason !== undefined ? {reason: this.reason} : {}),
      ...(this.commit !== undefined ? {commit: this.commit} : {}),
    });
    for (const warning of view.warnings) this.note(`maestro: warning: ${warning}`);
    this.print(AssertionUpdateView, view, ({assertion: a, note}) => [
      `[ok] Assertion updated: ${a.id}`, `  Result: ${a.result}`, `  Description: ${a.description}`, `  Feature: ${a.featureId}`, `  Milestone: ${a.milestoneId}`,
      ...(a.evidence ? [`  Evidence: ${a.evidence}`] : []), ...(a.waivedReason ? [`  Waived Reason: ${a.waivedReason}`] : []),
      ...(note ? [`  Note: ${note.commit.slice(0, 12)} (${note.ref})`] : []),
    ].join(`\n`));
  }
}
