import {Command, Option} from 'clipanion';
import type {completeHandoff, formatHandoff, Handoff} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffCompleteCommand extends MaestroCommand {
  static paths = [[`handoff`, `complete`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `mark a picked-up handoff completed`,
    details: `Moves a handoff from picked-up to completed (pending -> picked-up -> completed), recording who completed it, when, and an optional report. A pending handoff is refused (claim it first with \`handoff pickup --claim\`); completing a completed handoff changes nothing.`,
    examples: [[`Complete a handoff`, `$0 handoff complete 2026-11-25-0x3 --report "login shipped"`], [`As JSON`, `$0 handoff complete 2026-11-25-0x3 --json`]],
  });

  id = Option.String({name: `handoff-id`});
  report = Option.String(`--report`, {description: `What was done, stored with the handoff`});
  agent = Option.String(`--agent`, {description: `Who completes it (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print the handoff record as one JSON document`});

  async run() {
    const {completeHandoff, formatHandoff, Handoff} = await import('../../lib/handoff/index.ts');
    const {handoff, changed} = await completeHandoff(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {id: this.id, ...(this.report !== undefined ? {report: this.report} : {})});
    if (!changed) this.note(`maestro: ${handoff.id} is already completed; nothing changed`);
    this.print(Handoff, handoff, h => `[ok] Handoff completed: ${h.id}\n${formatHandoff(h).split(`\n`).slice(1).join(`\n`)}`);
  }
}
