import type {Identity} from './types.ts';

/** Encoders and decoders for git's object formats; pure. */

export type ObjectType = `blob` | `tree` | `commit` | `tag`;

export interface TreeEntry {
  name: string;
  /** `100644` for a blob, `40000` for a tree (git writes tree modes without the leading 0). */
  mode: string;
  oid: string;
}

export const TREE_MODE = `40000`;
export const BLOB_MODE = `100644`;

export function isTreeMode(mode: string): boolean {
  return mode === TREE_MODE || mode === `040000`;
}

/**
 * Entries in git's tree order. Keys are computed once and compared as strings when every name is
 * ASCII (UTF-16 and UTF-8 order agree there); an already sorted list, the common case when one entry
 * of a 2,000-entry directory changes, is only checked.
 */
export function sortTreeEntries(entries: TreeEntry[]): TreeEntry[] {
  const keyed = entries.map(entry => ({entry, key: isTreeMode(entry.mode) ? `${entry.name}/` : entry.name}));
  if (!keyed.every(({key}) => /^[\x00-\x7f]*$/.test(key))) return [...entries].sort(compareTreeEntries);
  let sorted = true;
  for (let i = 1; i < keyed.length && sorted; i++) sorted = keyed[i - 1]!.key < keyed[i]!.key;
  if (!sorted) keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({entry}) => entry);
}

/** git's tree order: names compared as bytes, a tree's name as if it ended in `/`. */
export function compareTreeEntries(a: TreeEntry, b: TreeEntry): number {
  const ka = Buffer.from(isTreeMode(a.mode) ? `${a.name}/` : a.name);
  const kb = Buffer.from(isTreeMode(b.mode) ? `${b.name}/` : b.name);
  return Buffer.compare(ka, kb);
}

export function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = sortTreeEntries(entries);
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    parts.push(Buffer.from(`${entry.mode} ${entry.name}\0`), Buffer.from(entry.oid, `hex`));
  }
  return Buffer.concat(parts);
}

export function decodeTree(content: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let i = 0;
  while (i < content.length) {
    const space = content.indexOf(0x20, i);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.toString(`latin1`, i, space),
      name: content.toString(`utf8`, space + 1, nul),
      oid: content.toString(`hex`, nul + 1, nul + 21),
    });
    i = nul + 21;
  }
  return entries;
}

export interface CommitObject {
  tree: string;
  parents: string[];
  author: Identity & {timestamp: number; timezoneOffset: string};
  committer: Identity & {timestamp: number; timezoneOffset: string};
  message: string;
}

function encodeSignature(role: string, who: CommitObject['author']): string {
  return `${role} ${who.name} <${who.email}> ${who.timestamp} ${who.timezoneOffset}\n`;
}

export function encodeCommit(commit: CommitObject): Buffer {
  let text = `tree ${commit.tree}\n`;
  for (const parent of commit.parents) text += `parent ${parent}\n`;
  text += encodeSignature(`author`, commit.author) + encodeSignature(`committer`, commit.committer);
  return Buffer.from(`${text}\n${commit.message}`);
}

export function decodeCommit(content: Buffer): CommitObject {
  const text = content.toString(`utf8`);
  const split = text.indexOf(`\n\n`);
  const header = split === -1 ? text : text.slice(0, split);
  const commit: CommitObject = {tree: ``, parents: [], author: blankSignature(), committer: blankSignature(), message: split === -1 ? `` : text.slice(split + 2)};
  for (const line of header.split(`\n`)) {
    const space = line.indexOf(` `);
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === `tree`) commit.tree = value;
    else if (key === `parent`) commit.parents.push(value);
    else if (key === `author`) commit.author = decodeSignature(value);
    else if (key === `committer`) commit.committer = decodeSignature(value);
  }
  return commit;
}

function blankSignature(): CommitObject['author'] {
  return {name: ``, email: ``, timestamp: 0, timezoneOffset: `+0000`};
}

function decodeSignature(value: string): CommitObject['author'] {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!match) return blankSignature();
  return {name: match[1]!, email: match[2]!, timestamp: Number(match[3]), timezoneOffset: match[4]!};
}

export interface TagObject {
  object: string;
  type: ObjectType;
  tag: string;
  tagger: CommitObject['author'];
  message: string;
}

export function encodeTag(tag: TagObject): Buffer {
  return Buffer.from(`object ${tag.object}\ntype ${tag.type}\ntag ${tag.tag}\n${encodeSignature(`tagger`, tag.tagger)}\n${tag.message}`);
}

export function decodeTag(content: Buffer): TagObject {
  const text = content.toString(`utf8`);
  const split = text.indexOf(`\n\n`);
  const fields = new Map<string, string>();
  for (const line of text.slice(0, split === -1 ? undefined : split).split(`\n`)) {
    const space = line.indexOf(` `);
    fields.set(line.slice(0, space), line.slice(space + 1));
  }
  return {
    object: fields.get(`object`) ?? ``,
    type: (fields.get(`type`) ?? `commit`) as ObjectType,
    tag: fields.get(`tag`) ?? ``,
    tagger: decodeSignature(fields.get(`tagger`) ?? ``),
    message: split === -1 ? `` : text.slice(split + 2),
  };
}

/** `+0100` style offset of a date in the local zone, as git writes it. */
export function timezoneOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? `-` : `+`;
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, `0`)}${String(abs % 60).padStart(2, `0`)}`;
}

/** One entry of a raw tree, located without decoding the others: where its oid's 20 bytes start. */
export interface RawTreeEntry {
  mode: string;
  /** Offset of the entry's 20-byte oid in the tree. */
  oidAt: number;
}

/**
 * Finds `name` in a raw tree by walking entry boundaries and comparing name bytes, allocating only
 * for the match: a lookup in a 2,000-entry directory without decoding it (decodeTree makes three
 * strings per entry).
 */
export function findRawTreeEntry(content: Buffer, name: string): RawTreeEntry | null {
  // Native search for " <name>\0", then a check that a tree mode starts the entry: an oid would have
  // to contain the same bytes, name and NUL included, to fool it.
  const needle = Buffer.from(` ${name}\0`, `utf8`);
  for (let at = content.indexOf(needle); at !== -1; at = content.indexOf(needle, at + 1)) {
    for (const mode of TREE_ENTRY_MODES) {
      const start = at - mode.length;
      if (start >= 0 && content.toString(`latin1`, start, at) === mode && (start === 0 || start >= 21)) {
        return {mode, oidAt: at + needle.length};
      }
    }
  }
  return null;
}

const TREE_ENTRY_MODES = [`100644`, `40000`, `100755`, `120000`, `160000`, `040000`];

/** How many entries a raw tree holds (`<mode> <name>\0<20-byte oid>` each), without decoding them. */
export function countRawTreeEntries(content: Buffer): number {
  let count = 0;
  for (let at = content.indexOf(0); at !== -1; at = content.indexOf(0, at + 21)) count++;
  return count;
}

/**
 * A copy of a raw tree with the oids of existing entries replaced, or null when a name is missing or
 * would change kind (a blob for a tree): the caller then rebuilds the tree. Replacing an oid keeps
 * the entry order, so the result is a valid tree without sorting.
 */
export function patchRawTree(content: Buffer, updates: Map<string, {oid: string; tree: boolean}>): Buffer | null {
  const patched = Buffer.from(content);
  for (const [name, update] of updates) {
    const found = findRawTreeEntry(content, name);
    if (!found || isTreeMode(found.mode) !== update.tree) return null;
    patched.write(update.oid, found.oidAt, 20, `hex`);
  }
  return patched;
}

/**
 * The entries whose oid differs between two raw trees that hold the same names and modes in the same
 * places (one or a few files changed), or null when they differ in any other way. Names are decoded
 * only for the differing entries.
 */
export function diffRawTreesInPlace(before: Buffer, after: Buffer): Array<{name: string; mode: string; before: string; after: string}> | null {
  if (before.length !== after.length) return null;
  const changed: Array<{name: string; mode: string; before: string; after: string}> = [];
  // A write changes a few oids of a 2,000-entry tree: find the differing bytes with native compares
  // of large chunks first, then walk entry boundaries only as far as the last difference.
  const differing = differingBytes(before, after);
  if (differing.length === 0) return changed;
  const last = differing[differing.length - 1]!;
  let next = 0;
  for (let i = 0; i <= last && next < differing.length;) {
    const nul = before.indexOf(0, i);
    if (nul === -1) return null;
    const end = nul + 21;
    if (differing[next]! < end) {
      // Something differs in this entry: it must be the oid only.
      if (before.compare(after, i, nul + 1, i, nul + 1) !== 0) return null;
      const space = before.indexOf(0x20, i);
      changed.push({mode: before.toString(`latin1`, i, space), name: before.toString(`utf8`, space + 1, nul), before: before.toString(`hex`, nul + 1, end), after: after.toString(`hex`, nul + 1, end)});
      while (next < differing.length && differing[next]! < end) next++;
    }
    i = end;
  }
  return changed;
}

const DIFF_CHUNK = 1024;

/** The offsets where two buffers of one length differ, found chunk by chunk. */
function differingBytes(before: Buffer, after: Buffer): number[] {
  const offsets: number[] = [];
  for (let start = 0; start < before.length; start += DIFF_CHUNK) {
    const end = Math.min(start + DIFF_CHUNK, before.length);
    if (before.compare(after, start, end, start, end) === 0) continue;
    for (let at = start; at < end; at++) if (before[at] !== after[at]) offsets.push(at);
  }
  return offsets;
}
