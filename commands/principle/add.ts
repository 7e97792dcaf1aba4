import {Command, Option} from 'clipanion';
import {MaestroCommand} from '../base.ts';

export class PrincipleAddCommand extends MaestroCommand {
  static paths = [[`principle`, `add`]];
  static usage = Command.Usage({
    category: `Principles`,
    description: `add a behavioural principle`,
    details: `
      Stores the principle as \`principles/<id>.json\` in one state commit. Worker prompts of milestones with one of its profiles show it under \`## Behavioral Principles\`. A gate (\`--mode gate\`) also refuses a handoff linked to such a feature (\`handoff create --feature-id\`) unless the handoff field \`--gate-field\` (assumptions, scopeDeclaration, verificationResults, complexityDelta, risks, …) passes \`--gate-check\`: \`object_non_empty\`, \`array_all_passed\` or \`array_min_length:N\`. Ids are lower-case letters, digits and \`-\`; an id in force is refused (exit 1). Profiles: planning, plan-review, implementation, code-review, bug-hunt, simplify, validation, custom (\`--profiles a b\`, \`--profiles a,b\` or the flag repeated).
    `,
    examples: [
      [`An advisory principle`, `$0 principle add --id small-diffs --name "Small diffs" --rule "Keep each change under 200 lines" --profiles implementation simplify --mode advisory`],
      [`A gate, as JSON`, `$0 principle add --id name-risks --name "Name the risks" --rule "List the risks you see" --profiles implementation --mode gate --gate-field risks --gate-check array_min_length:1 --json`],
    ],
  });

  id = Option.String(`--id`, {description: `The principle id (required)`});
  name = Option.String(`--name`, {description: `Its name (required)`});
  rule = Option.String(`--rule`, {description: `The rule workers follow (required)`});
  profiles = Option.Array(`--profiles`, {description: `Milestone profiles it applies to (required)`});
  mode = Option.String(`--mode`, {description: `advisory or gate (required)`});
  gateField = Option.String(`--gate-field`, {description: `Gate: the handoff field it requires`});
  gateCheck = Option.String(`--gate-check`, {description: `Gate: object_non_empty, array_all_passed or array_min_length:N`});
  source = Option.String(`--source`, {description: `karpathy or custom (default: custom)`});
  // `--profiles a b` as the original takes it: the words after the first profile land here.
  moreProfiles = Option.Rest();
  json = Option.Boolean(`--json`, false, {description: `Print the principle as one JSON document`});

  async run() {
    const {addPrinciple, Principle} = await import('../../lib/principle/index.ts');
    const {id, name, rule, mode, gateField, gateCheck, source} = this;
    const profiles = this.profiles === undefined && this.moreProfiles.length === 0 ? undefined : [...(this.profiles ?? []), ...this.moreProfiles];
    const principle = await addPrinciple(this.context.openWorkspace(), {id, name, rule, profiles, mode, gateField, gateCheck, source});
    this.print(Principle, principle, p => [
      `[ok] Principle created: ${p.id}`, `  Name: ${p.name}`, `  Mode: ${p.mode}`, `  Profiles: ${p.profiles.join(`, `)}`,
      ...(p.mode === `gate` ? [`  Gate: ${p.gateField} -> ${p.gateCheck}`] : []),
    ].join(`\n`));
  }
}
