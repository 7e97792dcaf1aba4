import * as z from 'zod/mini';

/**
 * Memory entities (reference-handoff §4.1, one entity per file on the state ref) and the pure rules
 * over them: keyword derivation, recall scoring (§4.3), glob matching, and the deterministic compile
 * that groups duplicate and near-duplicate entries. No I/O, no clock: times come in as arguments.
 */

export const Severity = z.enum([`soft`, `hard`]);
export type Severity = z.infer<typeof Severity>;

export const Correction = z.object({
  id: z.string(),
  rule: z.string(),
  source: z.string(),
  trigger: z.object({keywords: z.array(z.string()), fileGlobs: z.array(z.string())}),
  severity: Severity,
  agent: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Correction = z.infer<typeof Correction>;

export const Learning = z.object({
  id: z.string(),
  content: z.string(),
  sessionDate: z.string(),
  branch: z.optional(z.string()),
  agent: z.optional(z.string()),
  createdAt: z.string(),
});
export type Learning = z.infer<typeof Learning>;

export const CompiledRule = z.object({
  id: z.string(),
  kind: z.enum([`correction`, `learning`]),
  text: z.string(),
  severity: Severity,
  keywords: z.array(z.string()),
  fileGlobs: z.array(z.string()),
  count: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  agents: z.array(z.string()),
  entries: z.array(z.string()),
});
export type CompiledRule = z.infer<typeof CompiledRule>;

export const CompiledMemory = z.object({
  compiledAt: z.string(),
  entryCount: z.number(),
  summary: z.optional(z.string()),
  rules: z.array(CompiledRule),
});
export type CompiledMemory = z.infer<typeof CompiledMemory>;

export const RatchetAssertion = z.object({id: z.string(), correctionId: z.optional(z.string()), rule: z.string(), check: z.string(), createdAt: z.string()});
export type RatchetAssertion = z.infer<typeof RatchetAssertion>;
export const RatchetSuite = z.object({assertions: z.array(RatchetAssertion)});
export type RatchetSuite = z.infer<typeof RatchetSuite>;
export const RatchetBaseline = z.object({passCount: z.number(), passing: z.array(z.string()), failing: z.array(z.string()), lastRunAt: z.string()});
export type RatchetBaseline = z.infer<typeof RatchetBaseline>;

export const STOP_WORDS = new Set((`the a an is are was were be been being have has had do does did will would could should may might shall can to of in for on with at by from as into through during before after and but or nor not so yet both either neither each every all any few more most other some such no only same than too very just because if when while this that these those it its`).split(` `));

/** Task tokens (§4.3): lowercase, split on non-word characters, longer than 1, not stop words. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/\W+/).filter(t => t.length > 1 && !STOP_WORDS.has(t));
}

/** Keywords for a correction given none: the rule's distinct content words, in order, at most 6. */
export function deriveKeywords(rule: string): string[] {
  const words = [...new Set(tokenize(rule).filter(t => t.length > 2 && !NEGATIONS.has(t) && !GENERIC.has(t) && !/^\d+$/.test(t)))];
  return words.slice(0, 6);
}

/** A comma list trimmed, lower-cased when asked, empties dropped, duplicates dropped. */
export function splitList(value: string | undefined, lower = false): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(`,`).map(s => (lower ? s.trim().toLowerCase() : s.trim())).filter(s => s !== ``))];
}

/** A glob as a regular expression: `**` any path, `*` within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = ``;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === `*` && glob[i + 1] === `*`) {
      i++;
      if (glob[i + 1] === `/`) { i++; source += `(?:.*/)?`; } else source += `.*`;
    } else if (c === `*`) source += `[^/]*`;
    else if (c === `?`) source += `[^/]`;
    else source += c.replace(/[.+^${}()|[\]\\]/g, `\\$&`);
  }
  return new RegExp(`^${source}$`);
}

export function globMatches(glob: string, file: string): boolean {
  const re = globToRegExp(glob);
  return re.test(file) || (!glob.includes(`/`) && re.test(file.slice(file.lastIndexOf(`/`) + 1)));
}

/** Recall score of one correction (§4.3): 0.7 × keyword share + 0.3 × any glob match. */
export function recallScore(correction: Correction, taskTokens: string[], files: string[]): number {
  const keywords = correction.trigger.keywords.map(k => k.toLowerCase());
  const keywordScore = taskTokens.length > 0 && keywords.length > 0
    ? keywords.filter(k => taskTokens.some(t => t.includes(k) || k.includes(t))).length / keywords.length : 0;
  const globScore = files.some(f => correction.trigger.fileGlobs.some(g => globMatches(g, f))) ? 1 : 0;
  return 0.7 * keywordScore + 0.3 * globScore;
}

/** Newest first: createdAt descending, then id descending (the reference's list order). */
export function newestFirst<T extends {createdAt: string; id: string}>(a: T, b: T): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface RecallResult {
  correction: Correction;
  score: number;
}

/** Recall (§4.3): score ≥ 0.3, plus every hard correction; by score, stable over newest first; at most `limit`. */
export function recall(corrections: Correction[], task: string, files: string[], limit = 10): RecallResult[] {
  const tokens = tokenize(task);
  return [...corrections].sort(newestFirst)
    .map(correction => ({correction, score: recallScore(correction, tokens, files)}))
    .filter(r => r.score >= 0.3 || r.correction.severity === `hard`)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Words too common in rules to say what a rule is about. */
const GENERIC = new Set([`use`, `always`, `make`, `sure`, `instead`, `prefer`, `must`, `need`, `want`, `get`, `set`, `put`, `run`, `any`]);

const NEGATIONS = new Set([`not`, `never`, `no`, `don`, `dont`, `avoid`, `without`, `stop`]);

/** The content words of a text, sorted and distinct, negations removed: what near-duplicates share. */
export function normalisedWords(text: string): string[] {
  return [...new Set(tokenize(text).filter(t => !NEGATIONS.has(t)).map(stem))].sort();
}

function stem(word: string): string {
  return word.length > 4 && word.endsWith(`s`) && !word.endsWith(`ss`) ? word.slice(0, -1) : word;
}

/** Whether a text says "do not": a negation word among its lower-case words. */
export function isNegated(text: string): boolean {
  return text.toLowerCase().split(/\W+/).some(t => NEGATIONS.has(t)) || /n't\b/i.test(text);
}

export function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const setB = new Set(b);
  const shared = a.filter(x => setB.has(x)).length;
  return shared / (a.length + b.length - shared);
}

/** One entry as compile sees it. */
export interface MemoryEntry {
  id: string;
  kind: `correction` | `learning`;
  text: string;
  severity: Severity;
  keywords: string[];
  fileGlobs: string[];
  agent: string;
  at: string;
}

export const entryOfCorrection = (c: Correction): MemoryEntry => ({
  id: c.id, kind: `correction`, text: c.rule, severity: c.severity, keywords: [...c.trigger.keywords].map(k => k.toLowerCase()).sort(),
  fileGlobs: [...c.trigger.fileGlobs].sort(), agent: c.agent ?? `unknown`, at: c.createdAt,
});
export const entryOfLearning = (l: Learning): MemoryEntry => ({
  id: l.id, kind: `learning`, text: l.content, severity: `soft`, keywords: [], fileGlobs: [], agent: l.agent ?? `unknown`, at: l.createdAt,
});

/** Near-duplicates: same kind and polarity, and word overlap >= 0.6, or >= 0.34 with the same keywords and globs. */
export function nearDuplicates(a: MemoryEntry, b: MemoryEntry): boolean {
  return similar(features(a), features(b));
}

interface EntryFeatures {
  entry: MemoryEntry;
  words: string[];
  negated: boolean;
  trigger: string;
}

const features = (entry: MemoryEntry): EntryFeatures => ({
  entry, words: normalisedWords(entry.text), negated: isNegated(entry.text),
  trigger: entry.keywords.length + entry.fileGlobs.length > 0 ? `${entry.keywords.join(`,`)}|${entry.fileGlobs.join(`,`)}` : ``,
});

function similar(a: EntryFeatures, b: EntryFeatures): boolean {
  if (a.entry.kind !== b.entry.kind || a.negated !== b.negated) return false;
  const similarity = jaccard(a.words, b.words);
  return similarity >= 0.6 || (a.trigger !== `` && a.trigger === b.trigger && similarity >= 0.34);
}

/** Groups of near-duplicate entries (union-find over every pair), each sorted by id; deterministic. */
export function groupEntries(entries: MemoryEntry[]): MemoryEntry[][] {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(features);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (find(i) !== find(j) && similar(sorted[i]!, sorted[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, MemoryEntry[]>();
  sorted.forEach((f, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), f.entry]);
  });
  return [...groups.values()];
}

/** Compiles entries into ranked rules with provenance: hard first, then frequency, then recency, then id. */
export function compileMemory(entries: MemoryEntry[], summary?: string): CompiledMemory {
  const rules = groupEntries(entries).map((group): CompiledRule => {
    const byTime = [...group].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    const newest = byTime[byTime.length - 1]!;
    return {
      id: group[0]!.id, kind: newest.kind, text: newest.text.trim(), severity: group.some(e => e.severity === `hard`) ? `hard` : `soft`,
      keywords: [...new Set(group.flatMap(e => e.keywords))].sort(), fileGlobs: [...new Set(group.flatMap(e => e.fileGlobs))].sort(),
      count: group.length, firstAt: byTime[0]!.at, lastAt: newest.at, agents: [...new Set(group.map(e => e.agent))].sort(), entries: group.map(e => e.id),
    };
  });
  rules.sort((a, b) => (a.severity !== b.severity ? (a.severity === `hard` ? -1 : 1) : b.count - a.count || (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : a.id < b.id ? -1 : 1)));
  const compiledAt = entries.reduce((max, e) => (e.at > max ? e.at : max), ``);
  return {compiledAt, entryCount: entries.length, ...(summary ? {summary} : {}), rules};
}

/** compiled.md: the ranked rules, each with where it came from. */
export function renderCompiled(compiled: CompiledMemory): string {
  const lines = [`# Compiled memory`, ``, `Compiled from ${compiled.entryCount} entries, newest ${compiled.compiledAt || `(none)`}.`, ``];
  if (compiled.summary) lines.push(compiled.summary.trim(), ``);
  for (const kind of [`correction`, `learning`] as const) {
    const rules = compiled.rules.filter(r => r.kind === kind);
    if (rules.length === 0) continue;
    lines.push(kind === `correction` ? `## Corrections` : `## Learnings`, ``);
    for (const r of rules) {
      const trigger = [...r.keywords, ...r.fileGlobs];
      lines.push(`- ${r.severity === `hard` ? `**[HARD]**` : `[soft]`} ${r.text.replace(/\s+/g, ` `)}${trigger.length ? ` _(${trigger.join(`, `)})_` : ``} — ${r.count}× by ${r.agents.join(`, `)}, ${r.firstAt.slice(0, 10)}..${r.lastAt.slice(0, 10)} [${r.entries.join(`, `)}]`);
    }
    lines.push(``);
  }
  return `${lines.join(`\n`).trimEnd()}\n`;
}
