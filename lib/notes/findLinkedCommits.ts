import * as z from 'zod/mini';
import {listNotes} from '../store/notes.ts';
import type {Workspace} from '../workspace.ts';
import {NoteLink, parseNote} from './noteLink.ts';

/** A code commit and the links of its note that concern one feature. */
export const LinkedCommit = z.object({commit: z.string(), links: z.array(NoteLink)});
export type LinkedCommit = z.infer<typeof LinkedCommit>;

/**
 * The code commits whose note on refs/notes/maestro links to a feature of a mission or to one of its
 * assertions, oldest link first. Reads every note (whatever the fan-out, whoever wrote it): linear in
 * the number of notes, a few milliseconds per thousand loose ones.
 */
export async function findLinkedCommits(workspace: Workspace, request: {missionId: string; featureId: string; assertionIds: string[]}): Promise<LinkedCommit[]> {
  const assertions = new Set(request.assertionIds);
  const commits: LinkedCommit[] = [];
  for (const {object, note} of await listNotes(workspace.store)) {
    if (!note.includes(request.missionId)) continue;
    const links = parseNote(note).links.filter(link => link.mission === request.missionId
      && (link.kind === `feature` ? link.feature === request.featureId : assertions.has(link.assertion!) || link.feature === request.featureId));
    if (links.length > 0) commits.push({commit: object, links});
  }
  const latest = (commit: LinkedCommit) => commit.links[commit.links.length - 1]!.at ?? ``;
  return commits.sort((a, b) => (latest(a) < latest(b) ? -1 : latest(a) > latest(b) ? 1 : a.commit < b.commit ? -1 : 1));
}
