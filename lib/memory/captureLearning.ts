import {type Learning} from '../domain/memory.ts';
import {InputError} from '../errors.ts';
import {currentBranch, freshEntryId, learningChange, LEARNINGS_DIR} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** Captures a learning, with the current branch. @throws InputError */
export async function captureLearning(workspace: Workspace, request: {content: string}): Promise<Learning> {
  const content = request.content.trim();
  if (content === ``) throw new InputError(`--content is empty`, {hint: `maestro memory-learn --content "what was learned"`});
  await workspace.requireTip();
  const now = workspace.store.deps.now();
  const branch = currentBranch(workspace.repo.gitdir);
  const outcome = await workspace.transact(`memory-learn`, async snapshot => {
    const id = await freshEntryId(new Set(await snapshot.list(LEARNINGS_DIR)), now);
    const learning: Learning = {id, content, sessionDate: now.toISOString().slice(0, 10), ...(branch ? {branch} : {}), agent: workspace.identity.agent, createdAt: now.toISOString()};
    return {changes: [learningChange(learning)], result: learning};
  });
  return outcome.result;
}
