import {isFor, markClaimed, type Handoff} from '../domain/handoff.ts';
import {GateError} from '../errors.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Workspace} from '../workspace.ts';
import {handoffChange, readAllHandoffs, readHandoffById} from './handoffStore.ts';

export interface ClaimHandoffRequest {
  /** A handoff id or unique prefix; without it, the newest pending handoff the agent may take. */
  id?: string;
  /** Who claims it (`--agent`, else the acting agent). */
  agent: string;
}

/**
 * Claims a pending handoff (pending → picked-up) in one transaction on the state ref: the record is
 * read again inside the ref lock, so of any number of agents claiming at once exactly one wins and the
 * others are refused with the winner's name. Claiming again as the same agent changes nothing.
 * @throws GateError (already claimed: names the winner; meant for another agent; nothing pending),
 *   NotFoundError, InputError, CorruptStateError; nothing is written when thrown
 */
export async function claimHandoff(workspace: Workspace, request: ClaimHandoffRequest): Promise<{handoff: Handoff; claimed: boolean}> {
  await workspace.requireTip();
  const outcome = await workspace.transact(`handoff pickup --claim`, async snapshot => {
    const current = request.id !== undefined ? await readHandoffById(snapshot, request.id) : await newestClaimable(snapshot, request.agent);
    const {handoff, changed} = markClaimed(current, request.agent, workspace.store.deps.now().toISOString());
    return {changes: changed ? [handoffChange(handoff)] : [], result: {handoff, claimed: changed}};
  });
  return outcome.result;
}

async function newestClaimable(snapshot: StateSnapshot, agent: string): Promise<Handoff> {
  const {handoffs} = await readAllHandoffs(snapshot);
  const handoff = handoffs.find(h => h.status === `pending` && isFor(h, agent));
  if (!handoff) throw nothingPending(agent);
  return handoff;
}

/** The refusal when nothing is left to pick up (exit 1, as the original). */
export function nothingPending(agent?: string): GateError {
  return new GateError(`no pending handoffs to pick up${agent ? ` for ${agent}` : ``}`, {hint: `list them with \`maestro handoff list\`, or create one with \`maestro handoff create\``});
}
