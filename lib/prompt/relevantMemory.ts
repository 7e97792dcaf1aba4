import type {Feature} from '../domain/feature.ts';
import {CompiledMemory, Correction, newestFirst, recall} from '../domain/memory.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';

/** Where `memory-compile` writes the compiled guidance in the state. */
export const COMPILED_MEMORY_PATH = `memory/compiled.md`;

/** How many compiled learnings a prompt carries. */
const COMPILED_LEARNINGS = 10;

/**
 * The memory guidance for a worker prompt (reference-handoff §4.6): the corrections recalled against
 * the feature's title and description (hard ones always), then the top compiled learnings. Undefined
 * when there is nothing, so the prompt omits the section.
 */
export async function relevantMemory(snapshot: StateSnapshot, feature: Feature): Promise<string | undefined> {
  const [corrections, compiled] = await Promise.all([
    snapshot.readAll(`memory/corrections`, Correction).then(all => [...all.values()].sort(newestFirst)),
    snapshot.read(`memory/compiled.json`, CompiledMemory),
  ]);
  const recalled = recall(corrections, `${feature.title}\n${feature.description}`, []);
  const learnings = (compiled?.rules ?? []).filter(r => r.kind === `learning`).slice(0, COMPILED_LEARNINGS);
  const lines: string[] = [];
  if (recalled.length > 0) {
    lines.push(`### Corrections (${recalled.length})`, ``);
    for (const {correction: c} of recalled) {
      const keywords = c.trigger.keywords.length > 0 ? ` _(${c.trigger.keywords.join(`, `)})_` : ``;
      lines.push(`${c.severity === `hard` ? `- **[HARD]**` : `- [soft]`} ${oneLine(c.rule)}${keywords}`);
    }
    lines.push(``);
  }
  if (learnings.length > 0 || compiled?.summary) {
    lines.push(`### Compiled Learnings`, ``, `_Last compiled ${compiled!.compiledAt} from ${compiled!.entryCount} entries:_`, ``);
    if (compiled!.summary) lines.push(compiled!.summary.trim(), ``);
    for (const r of learnings) lines.push(`- ${oneLine(r.text)}${r.count > 1 ? ` (${r.count}×)` : ``}`);
  }
  if (!compiled) {
    // Guidance written without `memory-compile` (by hand, or by an older maestro): carried as it is.
    const written = await snapshot.readText(COMPILED_MEMORY_PATH);
    if (written !== null && written.trim() !== ``) lines.push(written.trim());
  }
  const text = lines.join(`\n`).trim();
  return text === `` ? undefined : text;
}

const oneLine = (text: string) => text.replace(/\s+/g, ` `).trim();
