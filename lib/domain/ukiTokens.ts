/**
 * Token rules of the UKI v5.4 string (reference-handoff §3.5, §3.6) and the normalisation of free
 * text into tokens. Pure.
 *
 * Why normalise at all: the original rendered whatever it was given, so free text either went into the
 * string as is (spaces and all) or failed at render time with a word-count error. SPEC.md decides that
 * free text is turned into tokens and that only what cannot be a token is refused, with the closest
 * valid form as a suggestion. Values that already are tokens come back unchanged, case included, so
 * the README's examples render byte for byte.
 */

/** Words (non-empty `_` segments) allowed in each `~` half of a token. */
export const MAX_WORDS_PER_TOKEN = 6;
/** SUMMARY must be shorter than this, in UTF-16 units (the original's `length < 140`). */
export const SUMMARY_LIMIT = 140;
/** Characters no value may contain: the codec has no escaping, so they are refused, never escaped. */
export const FORBIDDEN_IN_VALUE = /[:\n\r`*|]/;
/** Characters the whole string may not contain (`|` separates its blocks). */
export const FORBIDDEN_IN_STRING = /[:\n\r`*]/;
export const UKI_ANCHOR_PREFIXES = [`branch_`, `feature_`, `file_`, `milestone_`, `mission_`, `plan_`, `spec_`] as const;

/** The larger word count of a token's `~` halves. */
export function tokenWords(token: string): number {
  return Math.max(...token.split(`~`).map(half => half.split(`_`).filter(word => word !== ``).length));
}

/**
 * The original's `normalizeUkiToken`: lower case, every run of other characters becomes `_`, at most
 * `maxSegments` words; `fallback` when nothing is left. Used for git paths, branches and ids.
 */
export function normalizeUkiToken(value: string | undefined, options: {fallback?: string; maxSegments?: number} = {}): string {
  const cleaned = (value ?? ``).trim().toLowerCase().replace(/[^a-z0-9]+/g, `_`).replace(/^_+|_+$/g, ``);
  if (cleaned === ``) return options.fallback ?? `unknown`;
  return cleaned.split(`_`).filter(word => word !== ``).slice(0, options.maxSegments ?? 12).join(`_`);
}

/**
 * A `file_` anchor for a repository path that always fits the word limit: a path deeper than five
 * words keeps its last five (the file name and the directories nearest to it).
 * @example fileAnchor(`src/features/handoff/adapters/handoff-store.adapter.ts`) // file_adapters_handoff_store_adapter_ts
 */
export function fileAnchor(path: string): string {
  const words = normalizeUkiToken(path, {maxSegments: Infinity}).split(`_`);
  return `file_${words.slice(-(MAX_WORDS_PER_TOKEN - 1)).join(`_`)}`;
}

/**
 * `<prefix>_<value>` as one token that fits the word limit: the value is normalised (lower case, `-`
 * becomes `_`), and words past the fourth are run together into one, so nothing is lost.
 * @example prefixedToken(`feature`, `add-login-form-and-session-store`) // feature_add_login_form_and_sessionstore
 */
export function prefixedToken(prefix: string, value: string): string {
  return `${prefix}_${refValue(value)}`;
}

/** The value part of a prefixed token (what MAESTRO_REFS stores after its prefix). */
export function refValue(value: string): string {
  const words = normalizeUkiToken(value, {maxSegments: Infinity}).split(`_`);
  const keep = MAX_WORDS_PER_TOKEN - 1;
  return words.length <= keep ? words.join(`_`) : [...words.slice(0, keep - 1), words.slice(keep - 1).join(``)].join(`_`);
}

/** What normalising one value gives: a valid token, or why there is none and the closest valid form. */
export type TokenResult = {ok: true; value: string} | {ok: false; problem: string; suggestion?: string};

/** Words of free text: letters and digits (any script), `~`, and `.` between digits (`0.9`, `v1.2`). */
function words(text: string): string[] {
  return text.replace(/\.(?!\d)|(?<!\d)\./g, ` `).split(/[^\p{L}\p{N}~.]+/u).filter(word => word !== ``);
}

/** Splits words into runs of at most the word limit, each run joined by `_`. */
function chunks(list: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < list.length; i += MAX_WORDS_PER_TOKEN) result.push(list.slice(i, i + MAX_WORDS_PER_TOKEN).join(`_`));
  return result;
}

/**
 * One list token from free text: separators (spaces, `-`, `/`, punctuation) become `_`. A token of
 * more than six words is refused with the split into several tokens as the suggestion: that changes
 * the list, so a person chooses.
 * @example normalizeListToken(`keep pickup clear`) // {ok: true, value: `keep_pickup_clear`}
 */
export function normalizeListToken(raw: string): TokenResult {
  const list = words(raw);
  if (list.length === 0) return {ok: false, problem: `has no letters or digits`};
  const value = list.join(`_`);
  if (tokenWords(value) <= MAX_WORDS_PER_TOKEN) return {ok: true, value};
  return {ok: false, problem: `has ${list.length} words; a token holds at most ${MAX_WORDS_PER_TOKEN}`, suggestion: chunks(list).join(` `)};
}

/**
 * A single-block value (SUMMARY, NEXT_ACTION, …) from free text: `-` stays the sub-token separator,
 * other separators become `_`, and a part longer than the word limit is split into `-`-separated parts
 * (nothing is lost, so this is applied, not refused). Only a value too long for `maxLength` is refused,
 * with a shortened suggestion: shortening loses words, so a person chooses.
 * @example normalizeSingle(`Auth flow ready - low risk`) // {ok: true, value: `Auth_flow_ready-low_risk`}
 */
export function normalizeSingle(raw: string, options: {maxLength?: number} = {}): TokenResult {
  const parts = raw.split(`-`).map(words).filter(list => list.length > 0);
  if (parts.length === 0) return {ok: false, problem: `has no letters or digits`};
  const value = parts.flatMap(list => (tokenWords(list.join(`_`)) > MAX_WORDS_PER_TOKEN ? chunks(list) : [list.join(`_`)])).join(`-`);
  if (options.maxLength !== undefined && value.length >= options.maxLength) {
    return {ok: false, problem: `is ${value.length} characters; it must stay under ${options.maxLength}`, suggestion: shorten(value, options.maxLength)};
  }
  return {ok: true, value};
}

/** The longest prefix of `value` under `limit` characters that ends at a word. */
function shorten(value: string, limit: number): string {
  const cut = value.slice(0, limit - 1);
  const end = Math.max(cut.lastIndexOf(`_`), cut.lastIndexOf(`-`));
  return (end > 0 ? cut.slice(0, end) : cut).replace(/[-_]+$/, ``);
}

/** Whether a value given as an anchor is a repository path: it has a `/`, or is a name with an extension. */
export function looksLikePath(raw: string): boolean {
  const trimmed = raw.trim();
  return /^[^\s]*\/[^\s]*$/.test(trimmed) || (/^[\w.-]*\w\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(trimmed) && !trimmed.includes(`_`));
}

/**
 * An anchor token (ARTIFACTS, READ_MORE, TOUCHED_FILES) from what a person gives: a path becomes a
 * `file_` anchor, and a `file_` anchor deeper than the word limit is shortened as a path is; anything
 * else is normalised as a list token. Never refuses a path.
 * @example normalizeAnchor(`src/auth.ts`) // {ok: true, value: `file_src_auth_ts`}
 */
export function normalizeAnchor(raw: string): TokenResult {
  const trimmed = raw.trim();
  if (looksLikePath(trimmed)) return /[a-z0-9]/i.test(trimmed) ? {ok: true, value: fileAnchor(trimmed)} : {ok: false, problem: `has no letters or digits`};
  const token = normalizeListToken(trimmed);
  if (!token.ok && /^file_/i.test(trimmed) && /[a-z0-9]/i.test(trimmed.slice(5))) return {ok: true, value: fileAnchor(trimmed.slice(5))};
  return token;
}

/**
 * A plan path token (PLAN_PATHS): a path is normalised as the original does `PLAN.md` (`plan_md`),
 * keeping its last six words; anything else is normalised as a list token.
 */
export function normalizePlanPath(raw: string): TokenResult {
  if (!looksLikePath(raw) || !/[a-z0-9]/i.test(raw)) return normalizeListToken(raw);
  return {ok: true, value: normalizeUkiToken(raw, {maxSegments: Infinity}).split(`_`).slice(-MAX_WORDS_PER_TOKEN).join(`_`)};
}
