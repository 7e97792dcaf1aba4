import * as z from 'zod/mini';
import {MaestroError} from '../errors.ts';
import {appendNote, NOTES_REF} from '../store/notes.ts';
import type {Workspace} from '../workspace.ts';
import {formatNoteLink, type NoteLink} from './noteLink.ts';

/** Where a state change was noted: the code commit and the notes ref (`git notes --ref=maestro show <commit>`). */
export const NoteRef = z.object({commit: z.string(), ref: z.string()});
export type NoteRef = z.infer<typeof NoteRef>;

/**
 * Appends one link line to the note on a code commit (lines already there are kept, see appendNote).
 * Called after the state commit succeeded, so a refused update never leaves a note.
 * @throws StoreBusyError when refs/notes/maestro stays locked
 */
export async function recordNote(workspace: Workspace, request: {commit: string; link: NoteLink}): Promise<NoteRef> {
  const {link} = request;
  const what = link.kind === `assertion` ? `${link.assertion} ${link.result ?? ``}` : `${link.feature} ${link.status ?? ``}`;
  await appendNote(workspace.store, {
    object: request.commit,
    lines: [formatNoteLink(link)],
    subject: `maestro: note ${request.commit.slice(0, 12)} ${what.trim()}`,
    ...workspace.identity,
  });
  return {commit: request.commit, ref: NOTES_REF};
}

/**
 * recordNote for a use case whose state commit already went in: a note that cannot be written (the
 * notes ref stays locked) becomes a warning rather than a failure of a change that did happen.
 */
export async function recordNoteOrWarn(workspace: Workspace, commit: string | null, link: NoteLink, warnings: string[]): Promise<NoteRef | null> {
  if (commit === null) return null;
  try {
    return await recordNote(workspace, {commit, link});
  } catch (error) {
    if (!(error instanceof MaestroError)) throw error;
    warnings.push(`no note written on ${commit.slice(0, 12)}: ${error.message}`);
    return null;
  }
}
