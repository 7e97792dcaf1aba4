import {Command, Option} from 'clipanion';
import {MaestroCommand} from '../base.ts';

export class PrincipleRemoveCommand extends MaestroCommand {
  static paths = [[`principle`, `remove`]];
  static usage = Command.Usage({
    category: `Principles`,
    description: `remove a behavioural principle`,
    details: `
      Takes the principle (id or any unique prefix) out of force in one state commit: prompts stop showing it and handoffs stop being gated by it. Its file stays, stamped \`removedAt\`, so a removed default stays removed; \`principle add\` may reuse the id.
    `,
    examples: [[`Remove a principle`, `$0 principle remove simplicity-first`], [`As JSON`, `$0 principle remove small-diffs --json`]],
  });

  id = Option.String();
  json = Option.Boolean(`--json`, false, {description: `Print {id, removed} as one JSON document`});

  async run() {
    const {removePrinciple, PrincipleRemovedView} = await import('../../lib/principle/index.ts');
    const view = await removePrinciple(this.context.openWorkspace(), {id: this.id});
    this.print(PrincipleRemovedView, view, v => `[ok] Principle removed: ${v.id}`);
  }
}
