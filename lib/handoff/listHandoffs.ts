import * as z from 'zod/mini';
import {Handoff, HANDOFF_STATUSES, HandoffStatus} from '../domain/handoff.ts';
import {InputError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {readAllHandoffs, readHandoffById, type SkippedHandoff} from './handoffStore.ts';

/** What `handoff list --json` prints: the full records, newest first (reference-handoff §2.5). */
export const HandoffListView = z.array(Handoff);

/**
 * The handoffs of the state, newest first, optionally only those of one status. Files that are not
 * readable handoffs are returned apart, for the command to warn about.
 * @throws InputError for an unknown status
 */
export async function listHandoffs(workspace: Workspace, request: {status?: string}): Promise<{handoffs: Handoff[]; skipped: SkippedHandoff[]}> {
  const status = request.status === undefined ? undefined : parseHandoffStatus(request.status);
  const {handoffs, skipped} = await readAllHandoffs(await workspace.store.snapshot(await workspace.requireTip()));
  return {handoffs: status ? handoffs.filter(h => h.status === status) : handoffs, skipped};
}

/** One handoff by id or unique prefix. @throws NotFoundError, InputError, CorruptStateError */
export async function showHandoff(workspace: Workspace, request: {id: string}): Promise<Handoff> {
  return readHandoffById(await workspace.store.snapshot(await workspace.requireTip()), request.id);
}

export function parseHandoffStatus(value: string): HandoffStatus {
  const parsed = HandoffStatus.safeParse(value);
  if (!parsed.success) throw new InputError(`--status "${value}" is not a handoff status`, {hint: `use one of: ${HANDOFF_STATUSES.join(`, `)}`});
  return parsed.data;
}
