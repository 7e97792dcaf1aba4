/**
 * The part of a zod (mini) schema the store needs, so lib/store does not depend on zod's classes.
 */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly pattern?: string;
}

export interface Schema<T> {
  safeParse(data: unknown): {success: true; data: T} | {success: false; error: {issues: readonly SchemaIssue[]}};
}

/** One readable line per issue, naming the field path: zod/mini ships no messages of its own. */
export function describeIssue(issue: SchemaIssue): string {
  const where = issue.path.length ? issue.path.map(String).join(`.`) : `(root)`;
  switch (issue.code) {
    case `invalid_type`: return `${where}: expected ${String(issue.expected)}`;
    case `invalid_value`: return `${where}: must be one of ${(issue.values ?? []).map(String).join(`, `)}`;
    case `unrecognized_keys`: return `${where}: unknown field${(issue.keys ?? []).length > 1 ? `s` : ``} ${(issue.keys ?? []).join(`, `)}`;
    case `too_small`:
      if (issue.origin === `string` && issue.minimum === 1) return `${where}: must not be empty`;
      if (issue.origin === `array`) return `${where}: needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? `` : `s`}`;
      return `${where}: must be at least ${String(issue.minimum)}`;
    case `too_big`: return `${where}: must be at most ${String(issue.maximum)}`;
    case `invalid_format`: return `${where}: does not match ${issue.pattern ?? `the expected format`}`;
    default: return `${where}: ${issue.message}`;
  }
}

/** Schema kinds whose output is not the input as parsed JSON: their results cannot be cached as JSON. */
const RESHAPING = new Set([`default`, `prefault`, `transform`, `pipe`, `catch`, `custom`, `lazy`, `promise`]);
const fingerprints = new WeakMap<object, string | null>();

/**
 * A short fingerprint of a zod schema's definition (types, fields, checks, enum values), so a cache
 * of "this blob passed this schema" dies with any change to the schema. Null for a schema that
 * reshapes its input (defaults, transforms), whose parse result is not the plain JSON. Pure.
 */
export function schemaFingerprint(schema: Schema<unknown>): string | null {
  const memo = fingerprints.get(schema);
  if (memo !== undefined) return memo;
  let reshapes = false;
  const seen = new WeakSet<object>();
  const text = JSON.stringify((schema as {_zod?: {def?: unknown}})._zod?.def ?? null, (key, value: unknown) => {
    if (typeof value === `function`) return undefined;
    if (key === `type` && typeof value === `string` && RESHAPING.has(value)) reshapes = true;
    if (value instanceof RegExp) return value.source;
    if (value !== null && typeof value === `object`) {
      const inner = (value as {_zod?: {def?: unknown}})._zod;
      if (inner && key !== `def`) return inner.def;
      if (seen.has(value)) return `[seen]`;
      seen.add(value);
    }
    return value;
  });
  // Two FNV-1a 32-bit hashes with different seeds: plenty to tell schema versions apart, no crypto in the domain.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const result = reshapes ? null : `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
  fingerprints.set(schema, result);
  return result;
}
