import type {Workspace} from '../workspace.ts';
import {SCRATCH_NOTES_DIR, ScratchNote} from './scratchNote.ts';

/** Every scratch note, oldest first (the original's append order). Read-only. @throws NotInitializedError, CorruptStateError */
export async function listScratchNotes(workspace: Workspace): Promise<ScratchNote[]> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const notes = [...(await snapshot.readAll(SCRATCH_NOTES_DIR, ScratchNote)).values()];
  return notes.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : 1));
}
