import * as z from 'zod/mini';
import {NotFoundError} from '../errors.ts';
import {NOTES_REF, readNote} from '../store/notes.ts';
import {resolveRevision} from '../store/resolveRevision.ts';
import type {Workspace} from '../workspace.ts';
import {NoteLink, parseNote} from './noteLink.ts';

export const TraceView = z.object({
  commit: z.string(),
  ref: z.string(),
  /** The whole note as stored, or null when the commit has none. */
  note: z.nullable(z.string()),
  /** The links maestro recorded, oldest first. */
  links: z.array(NoteLink),
  missions: z.array(z.string()),
  /** Lines of the note that are not maestro links (written by people or other tools). */
  otherLines: z.array(z.string()),
});
export type TraceView = z.infer<typeof TraceView>;

/**
 * Which missions, features and assertions a code commit serves, from its note on refs/notes/maestro
 * (written by `feature update` and `validate update`). Needs no maestro state: notes travel alone.
 * @throws InputError, NotFoundError when `rev` names no commit (or HEAD is unborn)
 */
export async function traceCommit(workspace: Workspace, request: {rev?: string}): Promise<TraceView> {
  const rev = request.rev ?? `HEAD`;
  const commit = await resolveRevision({fs: workspace.store.deps.fs, repo: workspace.repo, objects: workspace.store.objects}, rev);
  if (commit === null) throw new NotFoundError(`${rev} has no commit yet`, {hint: `commit first, then trace it`});
  const note = await readNote(workspace.store, commit);
  const {links, otherLines} = parseNote(note ?? ``);
  return {commit, ref: NOTES_REF, note, links, missions: [...new Set(links.map(link => link.mission))].sort(), otherLines};
}
