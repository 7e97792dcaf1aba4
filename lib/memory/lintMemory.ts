import {entryOfCorrection, entryOfLearning, globMatches, groupEntries, isNegated, normalisedWords} from '../domain/memory.ts';
import {readCompiled, readCorrections, readLearnings, readSuite, worktreeFiles} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** One problem, and the ids of the entries it is about. */
export interface LintWarning {
  category: `stale` | `contradictory` | `duplicate` | `unmatched-glob` | `no-trigger` | `ratchet`;
  message: string;
  entries: string[];
}

/** Lint (§4.4 and the issue): stale compile, contradictions, duplicates, globs matching no file, orphans. */
export async function lintMemory(workspace: Workspace): Promise<{warnings: LintWarning[]; healthy: boolean}> {
  const snapshot = await workspace.store.snapshot();
  const [corrections, learnings, compiled, suite] = await Promise.all([readCorrections(snapshot), readLearnings(snapshot), readCompiled(snapshot), readSuite(snapshot)]);
  const warnings: LintWarning[] = [];
  for (const c of corrections) {
    if (c.trigger.keywords.length === 0 && c.trigger.fileGlobs.length === 0) warnings.push({category: `no-trigger`, message: `correction "${c.rule}" (${c.id}) has no keywords or globs`, entries: [c.id]});
  }
  const entries = [...corrections.map(entryOfCorrection), ...learnings.map(entryOfLearning)];
  if (entries.length > 0) {
    const newest = entries.reduce((max, e) => (e.at > max ? e.at : max), ``);
    const newer = entries.filter(e => !compiled || e.at > compiled.compiledAt || !compiled.rules.some(r => r.entries.includes(e.id)));
    if (!compiled || newer.length > 0) warnings.push({category: `stale`, message: compiled ? `${newer.length} entr${newer.length === 1 ? `y is` : `ies are`} not in the compiled memory (compiled ${compiled.compiledAt}, newest ${newest})` : `${entries.length} entr${entries.length === 1 ? `y has` : `ies have`} never been compiled`, entries: newer.map(e => e.id)});
  }
  for (const group of groupEntries(entries)) {
    if (group.length > 1) warnings.push({category: `duplicate`, message: `${group.length} ${group[0]!.kind}s say the same thing: "${group[0]!.text}" (${group.map(e => e.id).join(`, `)})`, entries: group.map(e => e.id)});
  }
  const said = corrections.map(c => ({words: normalisedWords(c.rule).join(` `), negated: isNegated(c.rule)}));
  for (let i = 0; i < corrections.length; i++) {
    for (let j = i + 1; j < corrections.length; j++) {
      const a = corrections[i]!, b = corrections[j]!;
      if (said[i]!.negated !== said[j]!.negated && said[i]!.words === said[j]!.words) {
        warnings.push({category: `contradictory`, message: `"${a.rule}" (${a.id}) contradicts "${b.rule}" (${b.id})`, entries: [a.id, b.id]});
      }
    }
  }
  const globbed = corrections.filter(c => c.trigger.fileGlobs.length > 0);
  if (globbed.length > 0) {
    const files = worktreeFiles(workspace.repo.worktree);
    for (const c of globbed) {
      for (const glob of c.trigger.fileGlobs) {
        if (!files.some(f => globMatches(glob, f))) warnings.push({category: `unmatched-glob`, message: `glob "${glob}" of correction ${c.id} matches no file in the worktree`, entries: [c.id]});
      }
    }
  }
  const ids = new Set(corrections.map(c => c.id));
  for (const a of suite.assertions) {
    if (a.correctionId && !ids.has(a.correctionId)) warnings.push({category: `ratchet`, message: `ratchet assertion "${a.id}" references deleted correction ${a.correctionId}`, entries: [a.id]});
  }
  return {warnings, healthy: warnings.length === 0};
}
