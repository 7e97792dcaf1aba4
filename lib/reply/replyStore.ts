import {canonicalJson} from '../canonicalJson.ts';
import {WorkerReply} from '../domain/reply.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';

/** One reply per feature (DESIGN.md): a new reply replaces the feature's previous one. */
export const REPLIES_DIR = `replies`;
export const replyPath = (missionId: string, featureId: string) => `${REPLIES_DIR}/${missionId}/${featureId}.json`;
export const replyChange = (reply: WorkerReply): Change => ({path: replyPath(reply.missionId, reply.featureId), content: canonicalJson(reply)});

/**
 * The replies of one mission, or of every mission, oldest first. Reads only `replies/`.
 * @throws CorruptStateError naming a file that is not a reply
 */
export async function readReplies(snapshot: StateSnapshot, missionId?: string): Promise<WorkerReply[]> {
  const missions = missionId === undefined ? await snapshot.list(REPLIES_DIR) : [missionId];
  const replies = (await Promise.all(missions.map(async mission => [...(await snapshot.readAll(`${REPLIES_DIR}/${mission}`, WorkerReply)).values()]))).flat();
  return replies.sort((a, b) => (a.writtenAt < b.writtenAt ? -1 : a.writtenAt > b.writtenAt ? 1 : replyPath(a.missionId, a.featureId) < replyPath(b.missionId, b.featureId) ? -1 : 1));
}
