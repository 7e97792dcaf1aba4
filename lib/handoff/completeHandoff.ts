import {markCompleted, type Handoff} from '../domain/handoff.ts';
import type {Workspace} from '../workspace.ts';
import {handoffChange, readHandoffById} from './handoffStore.ts';

/**
 * Completes a picked-up handoff (picked-up → completed) with who, when and an optional report, in one
 * state commit. Completing it again changes nothing and says so.
 * @throws TransitionError (still pending), NotFoundError, InputError, CorruptStateError
 */
export async function completeHandoff(workspace: Workspace, request: {id: string; report?: string}): Promise<{handoff: Handoff; changed: boolean}> {
  await workspace.requireTip();
  const outcome = await workspace.transact(`handoff complete`, async snapshot => {
    const current = await readHandoffById(snapshot, request.id);
    const result = markCompleted(current, workspace.identity.agent, workspace.store.deps.now().toISOString(), request.report);
    return {changes: result.changed ? [handoffChange(result.handoff)] : [], result};
  });
  return outcome.result;
}
