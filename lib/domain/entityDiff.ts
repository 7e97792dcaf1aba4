/**
 * The field-by-field difference of two JSON entities (`maestro diff`, `checkpoint diff`). Pure: the
 * line diff of long text fields is added by lib/history/semanticDiff.ts, which may load `diff`.
 */

export type ChangeKind = `added` | `removed` | `changed`;

export interface FieldChange {
  /** Dotted path of the field (`report.verification.commandsRun`); `` for the whole value. */
  field: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
  /** For arrays of strings compared as sets: what appeared and what went away. */
  added?: string[];
  removed?: string[];
  /** A unified line diff, for long or multi-line text (filled in by semanticDiff). */
  patch?: string;
}

/** Text longer than this, or on several lines, is shown as a line diff rather than `before -> after`. */
export const LONG_TEXT = 200;

export function isLongText(value: unknown): value is string {
  return typeof value === `string` && (value.length > LONG_TEXT || value.includes(`\n`));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === `object` && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === `string`);
}

/** Structural equality of JSON values, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every(key => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The changes from `before` to `after`: nested objects by dotted path, arrays of strings as set
 * additions and removals (or as values when only their order changed), other arrays and scalars as
 * values. Fields come in key order, so equal inputs give equal output.
 */
export function diffFields(before: unknown, after: unknown, prefix = ``): FieldChange[] {
  if (jsonEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const changes: FieldChange[] = [];
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const field = prefix ? `${prefix}.${key}` : key;
      if (!(key in after)) changes.push({field, kind: `removed`, before: before[key]});
      else if (!(key in before)) changes.push({field, kind: `added`, after: after[key]});
      else changes.push(...diffFields(before[key], after[key], field));
    }
    return changes;
  }
  if (isStringArray(before) && isStringArray(after)) {
    const added = after.filter(item => !before.includes(item));
    const removed = before.filter(item => !after.includes(item));
    if (added.length > 0 || removed.length > 0) return [{field: prefix, kind: `changed`, before, after, added, removed}];
  }
  return [{field: prefix, kind: `changed`, before, after}];
}
