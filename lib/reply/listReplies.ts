import * as z from 'zod/mini';
import {WorkerReply} from '../domain/reply.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import type {Workspace} from '../workspace.ts';
import {readReplies} from './replyStore.ts';

/** What `reply list --json` prints: the replies, newest first. */
export const ReplyListView = z.array(WorkerReply);

/**
 * The replies of the state (of one mission with `mission`), newest first. Read-only.
 * @throws NotFoundError (unknown mission), NotInitializedError, CorruptStateError
 */
export async function listReplies(workspace: Workspace, request: {mission?: string}): Promise<WorkerReply[]> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const missionId = request.mission === undefined ? undefined : await resolveMissionId(snapshot, request.mission);
  return (await readReplies(snapshot, missionId)).reverse();
}
