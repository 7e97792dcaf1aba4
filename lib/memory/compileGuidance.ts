import {canonicalJson} from '../canonicalJson.ts';
import {compileMemory, entryOfCorrection, entryOfLearning, renderCompiled, type CompiledMemory} from '../domain/memory.ts';
import {COMPILED_JSON_PATH, COMPILED_MD_PATH, readCompiled, readCorrections, readLearnings} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** The compiled memory, and whether this compile changed the state (false: nothing new). */
export interface CompileView {
  compiled: CompiledMemory;
  committed: boolean;
}

/** Compiles every entry into memory/compiled.json and compiled.md; the same entries give the same files (no commit). */
export async function compileGuidance(workspace: Workspace, request: {summary?: string}): Promise<CompileView> {
  await workspace.requireTip();
  const outcome = await workspace.transact(`memory-compile`, async snapshot => {
    const [corrections, learnings, previous] = await Promise.all([readCorrections(snapshot), readLearnings(snapshot), readCompiled(snapshot)]);
    const summary = request.summary?.trim() || previous?.summary;
    const compiled = compileMemory([...corrections.map(entryOfCorrection), ...learnings.map(entryOfLearning)], summary);
    return {changes: [{path: COMPILED_JSON_PATH, content: canonicalJson(compiled)}, {path: COMPILED_MD_PATH, content: renderCompiled(compiled)}], result: compiled};
  });
  return {compiled: outcome.result, committed: outcome.committed};
}
