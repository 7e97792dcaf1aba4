import {Command, Option} from 'clipanion';
import {InputError} from '../../lib/errors.ts';
import type {formatPaste, Handoff, pickupHandoff} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffPickupCommand extends MaestroCommand {
  static paths = [[`handoff`, `pickup`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `pick up the latest pending handoff (or a specific one by id)`,
    details: `
      Prints the newest pending handoff (or \`--id\`, any unique prefix) as its raw UKI string, for another agent to resume from; \`--paste\` adds one instruction line for a general chat, \`--json\` prints the record. Without \`--claim\` it changes nothing. \`--claim\` moves it from pending to picked-up in one transaction: when several agents claim the same handoff at once, exactly one wins and the others are refused (exit 1) with the winner's name. \`--agent\` names the claimer (default: MAESTRO_AGENT or the detected agent) and skips handoffs meant for another agent (\`handoff create --to\`).
    `,
    examples: [
      [`Resume from the newest pending handoff`, `$0 handoff pickup`],
      [`Paste into a general agent chat`, `$0 handoff pickup --paste`],
      [`Claim it as codex, as JSON`, `$0 handoff pickup --claim --agent codex --json`],
    ],
  });

  id = Option.String(`--id`, {description: `A handoff id (or unique prefix) instead of the newest pending one`});
  claim = Option.Boolean(`--claim`, false, {description: `Claim it: pending -> picked-up, atomically`});
  agent = Option.String(`--agent`, {description: `Who picks it up; handoffs meant for other agents are skipped`});
  uki = Option.Boolean(`--uki`, false, {description: `Print the raw UKI string (the default)`});
  paste = Option.Boolean(`--paste`, false, {description: `Print a paste-ready instruction line and the UKI string`});
  json = Option.Boolean(`--json`, false, {description: `Print the handoff record as one JSON document`});

  async run() {
    const {formatPaste, Handoff, pickupHandoff} = await import('../../lib/handoff/index.ts');
    if (this.uki && this.paste) throw new InputError(`--uki and --paste are mutually exclusive`, {hint: `pick one output format for maestro handoff pickup`});
    const workspace = this.context.openWorkspace(this.agent ? {agent: this.agent} : {});
    const {handoff, claimed} = await pickupHandoff(workspace, {claim: this.claim, ...(this.id !== undefined ? {id: this.id} : {}), ...(this.agent ? {agent: this.agent} : {})});
    if (this.claim) this.note(claimed ? `maestro: claimed ${handoff.id} for ${handoff.claimedBy}` : `maestro: ${handoff.id} is already claimed by ${handoff.claimedBy}; nothing changed`);
    this.print(Handoff, handoff, h => (this.paste ? formatPaste(h) : h.uki));
  }

  /** `--uki` and `--paste` win over `--json`, as in the original. */
  protected wantsJson(): boolean {
    return this.json && !this.uki && !this.paste;
  }
}
