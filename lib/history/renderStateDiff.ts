import type {EntityChange, FieldChange} from './semanticDiff.ts';

const MAX_VALUE = 120;

/**
 * The human form of a semantic diff: one block per entity, `~` changed, `+` added, `-` removed, then
 * one line per field (`status: pending -> in-progress`) or an indented line diff for long text.
 */
export function renderStateDiff(changes: EntityChange[]): string {
  const lines: string[] = [];
  for (const change of changes) {
    lines.push(`${change.kind === `added` ? `+` : change.kind === `removed` ? `-` : `~`} ${change.path}`);
    for (const field of change.fields) lines.push(...renderField(field));
    if (change.patch) lines.push(...indent(change.patch, `    `));
  }
  return lines.join(`\n`);
}

function renderField(field: FieldChange): string[] {
  const name = field.field === `` ? `(value)` : field.field;
  if (field.kind === `added`) return [`  + ${name}: ${formatValue(field.after)}`];
  if (field.kind === `removed`) return [`  - ${name}: ${formatValue(field.before)}`];
  if (field.patch !== undefined) return [`  ${name}:`, ...indent(field.patch, `    `)];
  if (field.added || field.removed) return [`  ${name}: ${[...(field.added ?? []).map(item => `+${item}`), ...(field.removed ?? []).map(item => `-${item}`)].join(` `)}`];
  return [`  ${name}: ${formatValue(field.before)} -> ${formatValue(field.after)}`];
}

/** Strings as they are, other values as compact JSON, cut at 120 characters. */
function formatValue(value: unknown): string {
  const text = typeof value === `string` ? value : value === undefined ? `(none)` : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function indent(text: string, prefix: string): string[] {
  return text.split(`\n`).map(line => `${prefix}${line}`);
}
