import {isFor, type Handoff} from '../domain/handoff.ts';
import type {Workspace} from '../workspace.ts';
import {claimHandoff, nothingPending} from './claimHandoff.ts';
import {readAllHandoffs, readHandoffById} from './handoffStore.ts';

export interface PickupHandoffRequest {
  /** A handoff id or unique prefix; without it, the newest pending handoff. */
  id?: string;
  /** Claim it atomically (pending → picked-up) instead of only reading it. */
  claim: boolean;
  /** `--agent`: who claims; also skips handoffs meant (`--to`) for another agent. */
  agent?: string;
}

/**
 * The handoff an agent should resume from (reference-handoff §2.5): the one named, or the newest
 * pending one meant for it. Read-only unless `claim`, which is `claimHandoff` as `agent` (default:
 * the acting agent).
 * @throws GateError (nothing pending; see claimHandoff), NotFoundError, InputError, CorruptStateError
 */
export async function pickupHandoff(workspace: Workspace, request: PickupHandoffRequest): Promise<{handoff: Handoff; claimed: boolean}> {
  if (request.claim) return claimHandoff(workspace, {...(request.id !== undefined ? {id: request.id} : {}), agent: request.agent ?? workspace.identity.agent});
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  if (request.id !== undefined) return {handoff: await readHandoffById(snapshot, request.id), claimed: false};
  const {handoffs} = await readAllHandoffs(snapshot);
  const handoff = handoffs.find(h => h.status === `pending` && isFor(h, request.agent));
  if (!handoff) throw nothingPending(request.agent);
  return {handoff, claimed: false};
}
