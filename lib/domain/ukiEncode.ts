import {InputError} from '../errors.ts';
import {BLOCK_FIELDS, EXECUTE_HEAD_BLOCKS, EXECUTE_OPTIONAL_BLOCKS, PLAN_BLOCKS, REF_PREFIXES, TAIL_BLOCKS, type UkiBlock, type UkiContent, type UkiCs, type UkiRefs} from './ukiContent.ts';
import {FORBIDDEN_IN_STRING, FORBIDDEN_IN_VALUE, MAX_WORDS_PER_TOKEN, SUMMARY_LIMIT, tokenWords} from './ukiTokens.ts';

/** The CS value: `work_<w>`, `summary_<s>` or both joined by `~` (reference-handoff §3.4). */
export const CS_PATTERN = /^(work_\d+(?:\.\d+)?(?:~summary_\d+(?:\.\d+)?)?|summary_\d+(?:\.\d+)?)$/;

/** The blocks a content renders, in order: execute mode adds BLIND_SPOT and METAPHOR only when set. */
export function blocksOf(content: UkiContent): readonly UkiBlock[] {
  if (content.mode === `plan`) return PLAN_BLOCKS;
  const optional = EXECUTE_OPTIONAL_BLOCKS.filter(block => isSet(fieldOf(content, block.name)));
  return [...EXECUTE_HEAD_BLOCKS, ...optional, ...TAIL_BLOCKS];
}

/**
 * Renders a handoff's content as its one-line UKI v5.4 string (reference-handoff §3.3): blocks in
 * their fixed order, lists joined by `-` (`NONE` when empty), values trimmed. Refuses rather than
 * escapes: the first problem found wins. Pure; the same content always gives the same bytes.
 * @throws InputError (`uki: …`) naming the block and the offending value
 */
export function encodeUki(content: UkiContent): string {
  const blocks = blocksOf(content);
  const slots = blocks.map(block => `${block.name}-${encodeValue(block, content)}`);
  const uki = slots.join(`|`);
  if (uki.split(`|`).length !== blocks.length) throw ukiError(`slot count mismatch (${uki.split(`|`).length} !== ${blocks.length})`);
  if (FORBIDDEN_IN_STRING.test(uki)) throw ukiError(`the string contains a forbidden character`, `UKI forbids :, newlines, pipes, backticks, and asterisks`);
  return uki;
}

/** `Number.parseFloat(v.toFixed(2))`, as the original: 0.9 → `0.9`, 1 → `1`, 1.234 → `1.23`. */
export function formatConfidence(value: number): string {
  return Number.parseFloat(value.toFixed(2)).toString();
}

function encodeValue(block: UkiBlock, content: UkiContent): string {
  const value = fieldOf(content, block.name);
  switch (block.kind) {
    case `single`: return encodeSingle(block.name, value);
    case `list`: return encodeList(block.name, value);
    case `refs`: return encodeRefs(value as UkiRefs);
    case `cs`: return encodeCs(value as UkiCs);
  }
}

function encodeSingle(name: string, value: unknown): string {
  if (typeof value !== `string`) throw ukiError(`${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed === ``) throw ukiError(`${name} must not be empty`);
  checkForbidden(name, trimmed);
  if (name === `SUMMARY` && trimmed.length >= SUMMARY_LIMIT) throw ukiError(`SUMMARY exceeds the v5.4 limit (${trimmed.length} >= ${SUMMARY_LIMIT})`, `rewrite the summary to under ${SUMMARY_LIMIT} characters`);
  for (const part of trimmed.split(`-`)) {
    if (part === ``) throw ukiError(`${name} contains an empty sub-token in "${trimmed}"`, `remove the doubled or trailing -`);
    checkWords(name, part);
  }
  return trimmed;
}

function encodeList(name: string, value: unknown): string {
  if (!Array.isArray(value)) throw ukiError(`${name} must be a list`);
  if (value.length === 0) {
    if (name === `READ_MORE`) throw ukiError(`READ_MORE must contain at least one anchor`, `provide --read-more or rely on auto-collected touched files`);
    if (name === `ARTIFACTS`) throw ukiError(`ARTIFACTS must contain at least one anchor`, `provide --artifact or rely on auto-collected branch/file anchors`);
    return `NONE`;
  }
  return value.map(item => {
    if (typeof item !== `string`) throw ukiError(`${name} contains a token that is not a string`);
    const token = item.trim();
    if (token === ``) throw ukiError(`${name} contains an empty token`);
    if (token.includes(`-`)) throw ukiError(`${name} token "${token}" contains '-'`, `replace '-' with '_' inside list tokens`);
    checkForbidden(name, token);
    checkWords(name, token);
    return token;
  }).join(`-`);
}

function encodeRefs(refs: UkiRefs): string {
  const tokens = REF_PREFIXES.flatMap(([field, prefix]) => (refs[field] ? [`${prefix}${refs[field]}`] : []));
  if (tokens.length === 0) return `NONE`;
  for (const token of tokens) {
    if (token.includes(`-`)) throw ukiError(`MAESTRO_REFS token "${token}" contains '-'`, `store Maestro refs as token-safe values before rendering UKI`);
    checkForbidden(`MAESTRO_REFS`, token);
    checkWords(`MAESTRO_REFS`, token);
  }
  return tokens.join(`-`);
}

function encodeCs(cs: UkiCs): string {
  if (typeof cs?.work !== `number` && typeof cs?.summary !== `number`) throw ukiError(`CS must have at least one of work or summary`, `pass --confidence-work <n> or --confidence-summary <n>`);
  const parts: string[] = [];
  for (const key of [`work`, `summary`] as const) {
    const value = cs[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) throw ukiError(`CS.${key} must be a finite number`);
    parts.push(`${key}_${formatConfidence(value)}`);
  }
  const rendered = parts.join(`~`);
  if (!CS_PATTERN.test(rendered)) throw ukiError(`CS produced an invalid value: ${rendered}`, `confidence scores are numbers from 0 (0.9 means 90%)`);
  return rendered;
}

function checkForbidden(name: string, value: string): void {
  if (FORBIDDEN_IN_VALUE.test(value)) throw ukiError(`${name} contains a forbidden character in "${value.replace(/[\n\r]/g, ` `)}"`, `UKI forbids :, newlines, pipes, backticks, and asterisks`);
}

function checkWords(name: string, token: string): void {
  for (const half of token.split(`~`)) {
    const count = tokenWords(half);
    if (count > MAX_WORDS_PER_TOKEN) throw ukiError(`${name} token exceeds the word limit (${count} > ${MAX_WORDS_PER_TOKEN}): ${half}`, `use at most ${MAX_WORDS_PER_TOKEN} _-separated words per token`);
  }
}

function fieldOf(content: UkiContent, name: string): unknown {
  return (content as Record<string, unknown>)[BLOCK_FIELDS[name]!];
}

function isSet(value: unknown): boolean {
  return typeof value === `string` && value.trim() !== ``;
}

function ukiError(message: string, hint?: string): InputError {
  return new InputError(`uki: ${message}`, hint === undefined ? {} : {hint});
}
