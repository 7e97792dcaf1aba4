import {BLOB_MODE, encodeCommit, encodeTree, isTreeMode, timezoneOffset, TREE_MODE, type TreeEntry} from './gitObjects.ts';
import {readRef} from './refs.ts';
import {withRefLock} from './refLock.ts';
import type {Store} from './store.ts';

// The notes tree, as git lays it out (notes.c): the ref points at a commit whose tree maps annotated
// object ids to note blobs, either flat (`<40 hex>`) or fanned out in two-hex directories (`ab/<38
// hex>`, `ab/cd/<36 hex>`), possibly mixed in one tree. Entries that are neither are not notes: they
// are kept as they are. The text of maestro's own lines is described in lib/notes/noteLink.ts.

/** Where maestro's notes on code commits live (DESIGN.md, "Notes"); `git log --notes=maestro` shows them. */
export const NOTES_REF = `refs/notes/maestro`;

/**
 * A flat level of the notes tree holding more notes than this is split into `ab/` directories, as git
 * fans out a large notes tree, so one write rewrites a few small trees rather than one huge one.
 */
const FANOUT_THRESHOLD = 256;
const HEX = /^[0-9a-f]+$/;
const FANOUT_DIR = /^[0-9a-f]{2}$/;
const GITLINK_MODE = `160000`;

/** A note is a blob entry (never a tree, never a submodule link). */
function isNoteEntry(entry: TreeEntry): boolean {
  return !isTreeMode(entry.mode) && entry.mode !== GITLINK_MODE;
}

/** The text of the note on `object`, or null. Duplicates in a mixed fan-out are joined, as git does. */
export async function readNote(store: Store, object: string): Promise<string | null> {
  const root = await notesTree(store, readRef(store.deps.fs, store.deps.repo.commondir, NOTES_REF));
  if (!root) return null;
  const blobs: string[] = [];
  await collectNote(store, root, object.toLowerCase(), blobs);
  if (blobs.length === 0) return null;
  const texts = await Promise.all(blobs.map(blob => store.reader.blobText(blob)));
  return texts.join(`\n`);
}

/** Every note on the ref, whatever its fan-out, in tree order (copies in a mixed fan-out joined, as readNote does). */
export async function listNotes(store: Store): Promise<Array<{object: string; note: string}>> {
  const root = await notesTree(store, readRef(store.deps.fs, store.deps.repo.commondir, NOTES_REF));
  const notes: Array<{object: string; note: string}> = [];
  for (const [object, blobs] of await flattenNotes(store, root)) {
    notes.push({object, note: (await Promise.all(blobs.map(blob => store.reader.blobText(blob)))).join(`\n`)});
  }
  return notes;
}

export interface AppendNoteRequest {
  /** The annotated object (a code commit id, 40 hex). */
  object: string;
  lines: string[];
  /** The notes commit's subject. */
  subject: string;
  agent: string;
  session: string;
}

/**
 * Adds lines to the note on `object` and commits the new notes tree on `refs/notes/maestro` under
 * git's ref lock (never isomorphic-git's addNote, which is not atomic). The note becomes the union of
 * its old and new lines, sorted and unique: git's `cat_sort_uniq` merge, so several features can mark
 * one commit and `git notes merge -s cat_sort_uniq` agrees with us. A note already in a fan-out
 * directory is rewritten where it is; a new one goes where the tree already fans out, else flat.
 * @returns the new notes commit and the note's text
 * @throws StoreBusyError when the notes ref stays locked
 */
export async function appendNote(store: Store, request: AppendNoteRequest): Promise<{notesCommit: string; note: string}> {
  const object = request.object.toLowerCase();
  const {fs, repo, now} = store.deps;
  return withRefLock({fs, commondir: repo.commondir, ref: NOTES_REF, who: store.identity, now}, async current => {
    const root = await notesTree(store, current);
    const blobs: string[] = [];
    if (root) await collectNote(store, root, object, blobs);
    const old = await Promise.all(blobs.map(blob => store.reader.blobText(blob)));
    const note = catSortUniq([...old, ...request.lines]);
    const tree = await placeNote(store, root, object, store.objects.writeBlob(note));
    const notesCommit = writeNotesCommit(store, tree, current, request);
    return {result: {notesCommit, note}, ref: {next: notesCommit, message: `notes: ${request.subject}`}};
  });
}

export interface NotesMerge {
  kind: `up-to-date` | `fast-forward` | `merged`;
  /** Annotated objects whose note changed here. */
  objects: string[];
}

/**
 * Merges the notes commit `theirs` (a remote's `refs/notes/maestro`) into ours under the notes ref
 * lock: a fast-forward when ours is contained in it, else a merge commit whose notes are the union of
 * both per annotated object, joined line by line with `cat_sort_uniq` (git's own strategy for this
 * kind of note), whatever the fan-out of either tree. `isAncestor(a, b)` answers "is a contained in b".
 */
export async function mergeNotes(store: Store, theirs: string, request: {subject: string; agent: string; session: string; isAncestor: (a: string, b: string) => boolean}): Promise<NotesMerge> {
  const {fs, repo, now} = store.deps;
  return withRefLock<NotesMerge>({fs, commondir: repo.commondir, ref: NOTES_REF, who: store.identity, now}, async current => {
    if (current === theirs || (current && request.isAncestor(theirs, current))) return {result: {kind: `up-to-date`, objects: []}, ref: null};
    const theirNotes = await flattenNotes(store, await notesTree(store, theirs));
    if (!current || request.isAncestor(current, theirs)) {
      const ourNotes = await flattenNotes(store, await notesTree(store, current));
      const objects = [...theirNotes.keys()].filter(object => ourNotes.get(object)?.join() !== theirNotes.get(object)!.join());
      return {result: {kind: `fast-forward`, objects}, ref: {next: theirs, message: `notes: fast-forward`}};
    }
    let tree = await notesTree(store, current);
    const ourNotes = await flattenNotes(store, tree);
    const objects: string[] = [];
    for (const [object, blobs] of theirNotes) {
      const mine = ourNotes.get(object) ?? [];
      const texts = await Promise.all([...mine, ...blobs].map(blob => store.reader.blobText(blob)));
      const note = catSortUniq(texts);
      if (mine.length === 1 && note === texts[0]) continue;
      tree = await placeNote(store, tree, object, store.objects.writeBlob(note));
      objects.push(object);
    }
    const commit = writeNotesCommit(store, tree ?? store.objects.write(`tree`, Buffer.alloc(0)), current, request, [theirs]);
    return {result: {kind: `merged`, objects}, ref: {next: commit, message: `notes: ${request.subject}`}};
  });
}

/** Every note of a notes tree by annotated object: its blob ids (several when a mixed fan-out holds copies). */
async function flattenNotes(store: Store, root: string | null): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  const walk = async (tree: string, prefix: string): Promise<void> => {
    for (const entry of await store.reader.tree(tree)) {
      const name = prefix + entry.name;
      if (isTreeMode(entry.mode)) {
        if (FANOUT_DIR.test(entry.name) && name.length < 40) await walk(entry.oid, name);
      } else if (name.length === 40 && HEX.test(name) && isNoteEntry(entry)) {
        notes.set(name, [...(notes.get(name) ?? []), entry.oid]);
      }
    }
  };
  if (root) await walk(root, ``);
  return notes;
}

/** git's `cat_sort_uniq`: every non-empty line of every text, sorted bytewise, once, each ending in `\n`. */
export function catSortUniq(texts: string[]): string {
  const lines = [...new Set(texts.flatMap(text => text.split(`\n`)).filter(line => line !== ``))];
  lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return lines.map(line => `${line}\n`).join(``);
}

async function notesTree(store: Store, commit: string | null): Promise<string | null> {
  return commit ? (await store.reader.commit(commit)).tree : null;
}

/** Blob ids of every copy of `rest`'s note under `tree` (flat here, or in the matching fan-out dir). */
async function collectNote(store: Store, tree: string, rest: string, blobs: string[]): Promise<void> {
  for (const entry of await store.reader.tree(tree)) {
    if (entry.name === rest && isNoteEntry(entry)) blobs.push(entry.oid);
    else if (rest.length > 2 && entry.name === rest.slice(0, 2) && isTreeMode(entry.mode)) await collectNote(store, entry.oid, rest.slice(2), blobs);
  }
}

/**
 * Writes `blob` as the note for `rest` under `tree` and returns the new tree. Copies elsewhere on the
 * path are dropped (their text was merged into `blob`). It descends into an existing `ab/` directory,
 * creates one where the level is already fanned out, else writes a flat entry, splitting the level
 * once it holds more than FANOUT_THRESHOLD notes.
 */
async function placeNote(store: Store, tree: string | null, rest: string, blob: string): Promise<string> {
  const entries = (tree ? await store.reader.tree(tree) : []).filter(entry => !(entry.name === rest && isNoteEntry(entry)));
  const dirName = rest.slice(0, 2);
  const clash = entries.find(entry => entry.name === dirName && !isTreeMode(entry.mode));
  const dir = entries.find(entry => entry.name === dirName && isTreeMode(entry.mode));
  const fannedOut = entries.some(entry => isTreeMode(entry.mode) && FANOUT_DIR.test(entry.name));
  let next: TreeEntry[];
  if (rest.length > 2 && !clash && (dir || fannedOut)) {
    const child = await placeNote(store, dir?.oid ?? null, rest.slice(2), blob);
    next = [...entries.filter(entry => entry !== dir), {name: dirName, mode: TREE_MODE, oid: child}];
  } else {
    next = fanOutIfLarge(store, [...entries, {name: rest, mode: BLOB_MODE, oid: blob}], rest.length);
  }
  return store.objects.write(`tree`, encodeTree(next));
}

/** Splits the notes of a flat level into two-hex directories when there are too many of them. */
function fanOutIfLarge(store: Store, entries: TreeEntry[], nameLength: number): TreeEntry[] {
  const isNote = (entry: TreeEntry) => isNoteEntry(entry) && entry.name.length === nameLength && HEX.test(entry.name);
  const notes = entries.filter(isNote);
  if (notes.length <= FANOUT_THRESHOLD || nameLength <= 2) return entries;
  const others = entries.filter(entry => !isNote(entry));
  const groups = new Map<string, TreeEntry[]>();
  for (const note of notes) {
    const dirName = note.name.slice(0, 2);
    groups.set(dirName, [...(groups.get(dirName) ?? []), {...note, name: note.name.slice(2)}]);
  }
  if (others.some(entry => groups.has(entry.name))) return entries;
  return [...others, ...[...groups].map(([name, group]) => ({name, mode: TREE_MODE, oid: store.objects.write(`tree`, encodeTree(group))}))];
}

function writeNotesCommit(store: Store, tree: string, parent: string | null, request: {subject: string; agent: string; session: string}, otherParents: string[] = []): string {
  const at = store.deps.now();
  const signature = {name: store.identity.name, email: store.identity.email, timestamp: Math.floor(at.getTime() / 1000), timezoneOffset: timezoneOffset(at)};
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ` `).trim();
  const message = `${oneLine(request.subject)}\n\nMaestro-Agent: ${oneLine(request.agent)}\nMaestro-Session: ${oneLine(request.session)}\n`;
  return store.objects.write(`commit`, encodeCommit({tree, parents: [...(parent ? [parent] : []), ...otherParents], author: signature, committer: signature, message}));
}
