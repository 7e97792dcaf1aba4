import {Command, Option} from 'clipanion';
import type {AssertionListView, showAssertions} from '../../lib/validate/assertions.ts';
import {MaestroCommand} from '../base.ts';

export class ValidateShowCommand extends MaestroCommand {
  static paths = [[`validate`, `show`]];
  static usage = Command.Usage({
    category: `Validation`,
    description: `list a mission's assertions and their results`,
    details: `Shows each assertion's id (the name the plan gives in \`fulfills\`), result (pending, passed, failed, blocked, waived), description and feature, with evidence and waiver reasons.`,
    examples: [[`Show assertions`, `$0 validate show --mission 2026-11-25-0x3ka9f`], [`One milestone's, as JSON`, `$0 validate show --mission 2026-11-25-0x3 --milestone implement --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  milestone = Option.String(`--milestone`, {description: `Only assertions of this milestone`});
  json = Option.Boolean(`--json`, false, {description: `Print {assertions, total, filtered, assertionCount} as one JSON document`});

  async run() {
    const {AssertionListView, showAssertions} = await import('../../lib/validate/assertions.ts');
    const view = await showAssertions(this.context.openWorkspace(), {missionId: this.mission, ...(this.milestone ? {milestoneId: this.milestone} : {})});
    const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}[...]` : text);
    this.print(AssertionListView, view, v => (v.assertions.length === 0 ? `No assertions found${v.milestoneId ? ` for milestone ${v.milestoneId}` : ``}` : [
      `${v.filtered} assertion(s)${v.milestoneId ? ` for milestone ${v.milestoneId}` : ``} (total: ${v.total})`, ``,
      ...v.assertions.flatMap(a => [
        `${a.id}  ${a.result.padEnd(10)}  ${a.description.slice(0, 40).padEnd(40)}  [${a.featureId}]`,
        ...(a.evidence ? [`      Evidence: ${cut(a.evidence)}`] : []),
        ...(a.waivedReason ? [`      Waived: ${cut(a.waivedReason)}`] : []),
      ]),
    ].join(`\n`)));
  }
}
