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
