import * as z from 'zod/mini';
import {diffFields, isLongText, type FieldChange as FieldChangeValue} from '../domain/entityDiff.ts';
import {isTreeMode} from '../store/gitObjects.ts';
import type {StateReader} from '../store/stateReader.ts';
import {diffTrees} from '../store/treeDiff.ts';

const Kind = z.enum([`added`, `removed`, `changed`]);

export const FieldChange = z.object({
  field: z.string(),
  kind: Kind,
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  added: z.optional(z.array(z.string())),
  removed: z.optional(z.array(z.string())),
  patch: z.optional(z.string()),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * One state file that differs. JSON entities list their changed `fields`; an added or removed entity
 * carries its whole value in `after` or `before`; other text files (`prompt.md`) carry a `patch`.
 */
export const EntityChange = z.object({
  path: z.string(),
  kind: Kind,
  fields: z.array(FieldChange),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  patch: z.optional(z.string()),
});
export type EntityChange = z.infer<typeof EntityChange>;

export const DiffSummary = z.object({added: z.number(), removed: z.number(), changed: z.number()});
export type DiffSummary = z.infer<typeof DiffSummary>;

/** How many entities were added, removed and changed. */
export function summariseChanges(changes: EntityChange[]): DiffSummary {
  const count = (kind: EntityChange['kind']) => changes.filter(change => change.kind === kind).length;
  return {added: count(`added`), removed: count(`removed`), changed: count(`changed`)};
}

export interface SemanticDiffRequest {
  /** Root trees of the two states; null is the empty state. */
  before: string | null;
  after: string | null;
  /** Only this directory of the state (`missions/<id>`). */
  prefix?: string;
  /** Describe at most this many files (the first in path order); the others are not read. */
  limit?: number;
}

/**
 * What changed between two states, entity by entity and field by field. Only the subtrees whose ids
 * differ are read (diffTrees), so the cost is the size of the change; `diff` is loaded only when a
 * long text changed.
 */
export async function semanticDiff(reader: StateReader, request: SemanticDiffRequest): Promise<EntityChange[]> {
  const prefix = request.prefix?.replace(/\/+$/, ``);
  const [before, after] = await Promise.all([subtree(reader, request.before, prefix), subtree(reader, request.after, prefix)]);
  const files = await diffTrees(reader, before, after, prefix ? `${prefix}/` : ``);
  const changes: EntityChange[] = [];
  for (const file of request.limit === undefined ? files : files.slice(0, request.limit)) {
    const [left, right] = await Promise.all([
      file.before ? reader.blobText(file.before) : null,
      file.after ? reader.blobText(file.after) : null,
    ]);
    changes.push(await describeFile(file.path, left, right));
  }
  return changes;
}

async function subtree(reader: StateReader, root: string | null, prefix: string | undefined): Promise<string | null> {
  if (!root || !prefix) return root;
  const entry = await reader.entry(root, prefix);
  return entry && isTreeMode(entry.mode) ? entry.oid : null;
}

/** One file's change: fields for JSON entities, the whole value when added or removed, else a line patch. */
async function describeFile(path: string, before: string | null, after: string | null): Promise<EntityChange> {
  const asJson = (text: string | null) => (text !== null && path.endsWith(`.json`) ? parseJson(text) : undefined);
  const left = asJson(before);
  const right = asJson(after);
  if (before === null) return {path, kind: `added`, fields: [], ...(right !== undefined ? {after: right} : {patch: await linePatch(``, after!)})};
  if (after === null) return {path, kind: `removed`, fields: [], ...(left !== undefined ? {before: left} : {patch: await linePatch(before, ``)})};
  if (left === undefined || right === undefined) return {path, kind: `changed`, fields: [], patch: await linePatch(before, after)};
  const fields: FieldChangeValue[] = [];
  for (const change of diffFields(left, right)) {
    const {before: was, after: is} = change;
    const isText = typeof was === `string` && typeof is === `string` && (isLongText(was) || isLongText(is));
    fields.push(isText ? {...change, patch: await linePatch(was, is)} : change);
  }
  return {path, kind: `changed`, fields};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A unified line diff without file headers: `@@ -1,3 +1,4 @@` hunks with 3 lines of context. */
export async function linePatch(before: string, after: string): Promise<string> {
  const {structuredPatch} = await import(`diff`);
  // A final newline on both sides keeps "\ No newline at end of file" out of the hunks.
  const close = (text: string) => (text === `` || text.endsWith(`\n`) ? text : `${text}\n`);
  const patch = structuredPatch(``, ``, close(before), close(after), ``, ``, {context: 3});
  return patch.hunks.map(hunk => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join(`\n`)).join(`\n`);
}
