import {Command, Option} from 'clipanion';
import type {Principle} from '../../lib/principle/index.ts';
import {MaestroCommand} from '../base.ts';

export class PrincipleListCommand extends MaestroCommand {
  static paths = [[`principle`, `list`]];
  static usage = Command.Usage({
    category: `Principles`,
    description: `list the behavioural principles in force`,
    details: `
      Lists the principles worker prompts show and handoff gates check, in order: the four defaults (think-before-coding, simplicity-first, surgical-changes, goal-driven-execution) unless removed, then the added ones. A gate names the handoff field it requires and its check. \`--profile\` keeps those of one milestone profile: planning, plan-review, implementation, code-review, bug-hunt, simplify, validation or custom.
    `,
    examples: [[`List the principles`, `$0 principle list`], [`The gates of implementation milestones, as JSON`, `$0 principle list --profile implementation --json`]],
  });

  profile = Option.String(`--profile`, {description: `Only the principles of this milestone profile`});
  json = Option.Boolean(`--json`, false, {description: `Print the principles as one JSON array`});

  async run() {
    const {listPrinciples, PrincipleListView} = await import('../../lib/principle/index.ts');
    const principles = await listPrinciples(this.context.openWorkspace(), this.profile === undefined ? {} : {profile: this.profile});
    this.print(PrincipleListView, principles, formatPrinciples);
  }
}

/** The original's rows: `[GATE] <id> <name> (<profiles>)`, then the gate's field and check. */
function formatPrinciples(principles: Principle[]): string {
  if (principles.length === 0) return `No principles found`;
  return [`${principles.length} principle(s)`, ``, ...principles.flatMap(p => [
    `${p.mode === `gate` ? `[GATE]` : `[adv] `} ${p.id.padEnd(24)} ${p.name.padEnd(24)} (${p.profiles.join(`, `)})`,
    ...(p.mode === `gate` ? [`       gate: ${p.gateField} -> ${p.gateCheck}`] : []),
  ])].join(`\n`);
}
