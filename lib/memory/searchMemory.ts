import {type Correction, type Learning} from '../domain/memory.ts';
import {InputError} from '../errors.ts';
import {readCorrections, readLearnings} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** Case-insensitive substring search over rules, sources, keywords and learnings. @throws InputError */
export async function searchMemory(workspace: Workspace, query: string): Promise<{corrections: Correction[]; learnings: Learning[]}> {
  const q = query.trim().toLowerCase();
  if (q === ``) throw new InputError(`the search query is empty`, {hint: `maestro memory-search <words>`});
  const snapshot = await workspace.store.snapshot();
  const [corrections, learnings] = await Promise.all([readCorrections(snapshot), readLearnings(snapshot)]);
  return {
    corrections: corrections.filter(c => [c.rule, c.source, ...c.trigger.keywords].some(s => s.toLowerCase().includes(q))),
    learnings: learnings.filter(l => l.content.toLowerCase().includes(q)),
  };
}
