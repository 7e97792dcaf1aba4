import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {NonEmpty, Timestamp} from '../domain/common.ts';
import {InputError} from '../errors.ts';
import type {Change} from '../store/types.ts';

/**
 * `scratch-notes/<id>.json`: the original's NoteEntry (`timestamp`, `content`, `git_branch`, its
 * snake_case key kept) plus its id and who wrote it. The original kept one `notes.json` array that
 * every note rewrote; one file per note means two machines' notes never conflict in a sync. A note is
 * never changed after it is written, so it needs no `updatedAt`.
 */
export const ScratchNote = z.object({
  id: NonEmpty,
  timestamp: Timestamp,
  content: NonEmpty,
  git_branch: z.string(),
  agent: z.optional(z.string()),
});
export type ScratchNote = z.infer<typeof ScratchNote>;
export const ScratchNoteList = z.array(ScratchNote);

export const SCRATCH_NOTES_DIR = `scratch-notes`;
export const scratchNoteChange = (note: ScratchNote): Change => ({path: `${SCRATCH_NOTES_DIR}/${note.id}.json`, content: canonicalJson(note)});

/** What `maestro note` was asked to do. */
export type NoteRequest = {kind: `save`; content: string} | {kind: `list`};

/**
 * `--content <text>` saves, `--list` lists; exactly one of them (reference-handoff §6).
 * @throws InputError for both, neither, or empty content
 */
export function parseNoteRequest(options: {content?: string; list?: boolean}): NoteRequest {
  if (options.content !== undefined && options.list) throw new InputError(`--content and --list cannot be used together`, {hint: `save with \`maestro note --content '...'\`, list with \`maestro note --list\``});
  if (options.list) return {kind: `list`};
  if (options.content === undefined) throw new InputError(`--content is required unless --list is used`, {hint: `save with \`maestro note --content '...'\`, list with \`maestro note --list\``});
  const content = options.content.trim();
  if (content === ``) throw new InputError(`--content is empty`, {hint: `give the note's text: maestro note --content 'check the retry limit'`});
  return {kind: `save`, content};
}
