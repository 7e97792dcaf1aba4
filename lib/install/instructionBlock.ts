// The marked block `maestro install` writes into agent instruction files (spec section 10.1): pure
// rendering and splicing, no I/O. The markers are the original's, so a block it wrote is found and
// replaced in place.

export const BLOCK_START = `<!-- maestro:start -->`;
export const BLOCK_END = `<!-- maestro:end -->`;

/** The line under the start marker: which maestro wrote the block, so a stale one can say so. */
const VERSION_LINE = /^<!-- maestro (\S+): /;

/**
 * The whole block, markers included, without a trailing newline. Agents read it every session, so
 * it stays short: the commands an agent needs, each with the flags it takes and `--json`.
 */
export function renderInstructionBlock(version: string): string {
  return [
    BLOCK_START,
    `<!-- maestro ${version}: written by \`maestro install\`; \`maestro update\` rewrites this block -->`,
    `## Maestro (shared mission state)`,
    ``,
    `Where \`maestro status\` works, the repository's missions, features, assertions and handoffs live in git on \`refs/maestro/main\`, shared by every agent. Change them only with \`maestro\` (\`.maestro/\` is a mirror: never edit it). \`--json\` prints one JSON document; an error is one stderr line with a hint, exit 1 (refused) or 2 (bad input), and writes nothing.`,
    ``,
    `- Start: \`maestro status --json\`; \`maestro handoff pickup --claim --json\` takes over the newest handoff left for you.`,
    `- Find work: \`maestro mission list --json\`; \`maestro feature next --mission <id> --json\` lists the features ready to start.`,
    `- Brief: \`maestro feature prompt <feature> --mission <id> --json\` (context, verification steps, memory).`,
    `- Report: \`maestro feature update <feature> --mission <id> --status in-progress|review|done|blocked [--report @report.json] --json\`.`,
    `- Validate: \`maestro validate update <assertion> --mission <id> --result passed|failed|blocked --evidence "<command>" --json\`.`,
    `- Stop unfinished: \`maestro handoff create --help\` shows how to leave a handoff for the next agent.`,
    `- Share: \`maestro sync --json\` pulls, merges and pushes the state (once per remote: \`maestro remote setup <remote>\`); \`maestro conflicts --json\` lists what a merge chose.`,
    BLOCK_END,
  ].join(`\n`);
}

export interface FoundBlock {
  /** Offset of the start marker. */
  start: number;
  /** Offset just past the end marker. */
  end: number;
  /** The block as it stands, markers included. */
  text: string;
  /** The maestro version its version line names, null for a block written by hand or by the original. */
  version: string | null;
}

/** The first marked block of `content` (the original's rule: the first start, the next end after it). */
export function findInstructionBlock(content: string): FoundBlock | null {
  const start = content.indexOf(BLOCK_START);
  if (start < 0) return null;
  const endMarker = content.indexOf(BLOCK_END, start + BLOCK_START.length);
  if (endMarker < 0) return null;
  const end = endMarker + BLOCK_END.length;
  const text = content.slice(start, end);
  const secondLine = text.split(`\n`)[1] ?? ``;
  return {start, end, text, version: VERSION_LINE.exec(secondLine)?.[1] ?? null};
}

/**
 * `content` with `block` in place of its marked block, or appended after a blank line when it has
 * none. Everything outside the markers is kept byte for byte. An empty file gets just the block.
 */
export function spliceInstructionBlock(content: string, block: string): string {
  const found = findInstructionBlock(content);
  if (found) return content.slice(0, found.start) + block + content.slice(found.end);
  if (content.trim() === ``) return `${block}\n`;
  return `${content.trimEnd()}\n\n${block}\n`;
}

/**
 * `content` without its marked block, or null when it has none. Only the blank lines where the block
 * stood are closed up, so `install` then `uninstall` gives back a file that ended with one newline;
 * the rest of the file is untouched. A file that held only the block becomes ``.
 */
export function removeInstructionBlock(content: string): string | null {
  const found = findInstructionBlock(content);
  if (!found) return null;
  const before = content.slice(0, found.start).replace(/\s*$/, ``);
  const after = content.slice(found.end).replace(/^[ \t]*\r?\n?/, ``).replace(/^(\s*\n)+/, ``);
  if (before === ``) return after;
  if (after === ``) return `${before}\n`;
  return `${before}\n\n${after}`;
}
