import type {Feature} from '../domain/feature.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';

/** Where `memory-compile` writes the compiled guidance in the state. */
export const COMPILED_MEMORY_PATH = `memory/compiled.md`;

/**
 * The memory guidance for a worker prompt: for now the whole compiled guidance, whatever the feature.
 * This is the seam the memory issue replaces with recall ranked against the feature's title and
 * description (reference-handoff §4.6); the prompt only needs text or nothing.
 */
export async function relevantMemory(snapshot: StateSnapshot, _feature: Feature): Promise<string | undefined> {
  const text = await snapshot.readText(COMPILED_MEMORY_PATH);
  return text === null || text.trim() === `` ? undefined : text;
}
