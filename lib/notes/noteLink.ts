import * as z from 'zod/mini';

/**
 * The text of maestro's notes on code commits (`refs/notes/maestro`): one line per link, space-separated
 * `key=value` words after a `maestro:` prefix, so `git log --notes=maestro | grep feature=auth-impl`
 * works and a line parses without a grammar:
 *
 *   maestro: mission=<M> feature=<F> status=<status> agent=<agent> at=<ISO>
 *   maestro: mission=<M> assertion=<A> feature=<F> result=<result> evidence=<text> agent=<agent> at=<ISO>
 *
 * Values are percent-encoded for `%`, whitespace and control characters only (`bun test` is written
 * `bun%20test`), so a line is always one line and ids stay readable. On an assertion line `feature=`
 * names the feature the assertion belongs to, and evidence is cut to EVIDENCE_MAX characters (the
 * state keeps it whole). Readers ignore keys they do not know and lines without `mission=` and a
 * `feature=` or `assertion=`: other tools and people may write in the same note.
 */
export const NoteLink = z.object({
  kind: z.enum([`feature`, `assertion`]),
  mission: z.string(),
  feature: z.optional(z.string()),
  assertion: z.optional(z.string()),
  status: z.optional(z.string()),
  result: z.optional(z.string()),
  evidence: z.optional(z.string()),
  agent: z.optional(z.string()),
  at: z.optional(z.string()),
});
export type NoteLink = z.infer<typeof NoteLink>;

const PREFIX = `maestro:`;
const EVIDENCE_MAX = 200;
const KEYS = [`mission`, `assertion`, `feature`, `status`, `result`, `evidence`, `agent`, `at`] as const;

/** One note line for a link, keys in a fixed order. */
export function formatNoteLink(link: NoteLink): string {
  const evidence = link.evidence !== undefined && [...link.evidence].length > EVIDENCE_MAX ? `${[...link.evidence].slice(0, EVIDENCE_MAX).join(``)}…` : link.evidence;
  const values: Partial<Record<(typeof KEYS)[number], string | undefined>> = {...link, evidence};
  const words = KEYS.filter(key => values[key] !== undefined && values[key] !== ``).map(key => `${key}=${encodeValue(values[key]!)}`);
  return `${PREFIX} ${words.join(` `)}`;
}

/** The link a note line records, or null for a line maestro did not write. */
export function parseNoteLink(line: string): NoteLink | null {
  if (!line.startsWith(`${PREFIX} `)) return null;
  const fields = new Map<string, string>();
  for (const word of line.slice(PREFIX.length).trim().split(/\s+/)) {
    const equals = word.indexOf(`=`);
    if (equals > 0 && !fields.has(word.slice(0, equals))) fields.set(word.slice(0, equals), decodeValue(word.slice(equals + 1)));
  }
  const mission = fields.get(`mission`);
  if (!mission || (!fields.has(`feature`) && !fields.has(`assertion`))) return null;
  const link: NoteLink = {kind: fields.has(`assertion`) ? `assertion` : `feature`, mission};
  for (const key of KEYS) {
    const value = fields.get(key);
    if (key !== `mission` && value !== undefined) link[key] = value;
  }
  return link;
}

/** Splits a note into the links maestro wrote, oldest first, and the other lines, in note order. */
export function parseNote(note: string): {links: NoteLink[]; otherLines: string[]} {
  const links: NoteLink[] = [];
  const otherLines: string[] = [];
  for (const line of note.split(`\n`)) {
    if (line.trim() === ``) continue;
    const link = parseNoteLink(line);
    if (link) links.push(link);
    else otherLines.push(line);
  }
  links.sort((a, b) => ((a.at ?? ``) < (b.at ?? ``) ? -1 : (a.at ?? ``) > (b.at ?? ``) ? 1 : 0));
  return {links, otherLines};
}

function encodeValue(value: string): string {
  return value.replace(/[%\s\p{Cc}]/gu, char => encodeURIComponent(char));
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A link in a few words for people: `feature auth-impl done`, `assertion login-works passed (evidence: bun test)`. */
export function describeNoteLink(link: NoteLink): string {
  const words = link.kind === `assertion` ? [`assertion`, link.assertion, link.result] : [`feature`, link.feature, link.status];
  const who = [link.agent, link.at].filter(Boolean).join(` at `);
  return `${words.filter(Boolean).join(` `)}${link.evidence ? ` (evidence: ${link.evidence})` : ``}${who ? `  by ${who}` : ``}`;
}
