import {recall, splitList, type CompiledMemory, type Correction} from '../domain/memory.ts';
import {readCompiled, readCorrections} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** The recalled corrections with their scores, best first, and the compiled memory when there is one. */
export interface RecallView {
  corrections: Array<Correction & {score: number}>;
  compiledLearnings?: CompiledMemory;
}

/** Recall (§4.3) against a task and files; hard corrections always come back. */
export async function recallMemory(workspace: Workspace, request: {task?: string; files?: string}): Promise<RecallView> {
  const snapshot = await workspace.store.snapshot();
  const [corrections, compiled] = await Promise.all([readCorrections(snapshot), readCompiled(snapshot)]);
  const found = recall(corrections, request.task ?? ``, splitList(request.files));
  return {corrections: found.map(r => ({...r.correction, score: Math.round(r.score * 1000) / 1000})), ...(compiled ? {compiledLearnings: compiled} : {})};
}
