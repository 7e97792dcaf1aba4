import {currentBranch, freshEntryId} from '../memory/memoryStore.ts';
import type {Workspace} from '../workspace.ts';
import {SCRATCH_NOTES_DIR, scratchNoteChange, type ScratchNote} from './scratchNote.ts';

/**
 * Saves a scratch note, with the checked-out branch (`HEAD` when detached) and the agent, as its own
 * file in one state commit. @throws NotInitializedError
 */
export async function saveScratchNote(workspace: Workspace, request: {content: string}): Promise<ScratchNote> {
  await workspace.requireTip();
  const now = workspace.store.deps.now();
  const branch = currentBranch(workspace.repo.gitdir) ?? `HEAD`;
  const outcome = await workspace.transact(`note`, async snapshot => {
    const id = await freshEntryId(new Set(await snapshot.list(SCRATCH_NOTES_DIR)), now);
    const note: ScratchNote = {id, timestamp: now.toISOString(), content: request.content, git_branch: branch, agent: workspace.identity.agent};
    return {changes: [scratchNoteChange(note)], result: note};
  });
  return outcome.result;
}
