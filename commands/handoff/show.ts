import {Command, Option} from 'clipanion';
import type {formatHandoff, Handoff, showHandoff} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffShowCommand extends MaestroCommand {
  static paths = [[`handoff`, `show`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `show one handoff`,
    details: `Shows a handoff by id or any unique prefix of it: status, who created, claimed and completed it and when, what it is linked to, and its UKI string. It changes nothing.`,
    examples: [[`Show a handoff`, `$0 handoff show 2026-11-25-0x3`], [`As JSON`, `$0 handoff show 2026-11-25-0x3 --json`]],
  });

  id = Option.String({name: `handoff-id`});
  uki = Option.Boolean(`--uki`, false, {description: `Print only the UKI string`});
  json = Option.Boolean(`--json`, false, {description: `Print the handoff record as one JSON document`});

  async run() {
    const {formatHandoff, Handoff, showHandoff} = await import('../../lib/handoff/index.ts');
    const handoff = await showHandoff(this.context.openWorkspace(), {id: this.id});
    this.print(Handoff, handoff, h => (this.uki ? h.uki : formatHandoff(h)));
  }

  protected wantsJson(): boolean {
    return this.json && !this.uki;
  }
}
