import {spawnSync} from 'node:child_process';
import * as path from 'node:path';
import {CorruptStateError, GitCommandError, InputError, NotFoundError} from '../errors.ts';
import {decodeTag} from './gitObjects.ts';
import type {ObjectDb} from './objectDb.ts';
import {readRef} from './refs.ts';
import type {GitFs, Repository} from './types.ts';

export interface RevisionContext {
  fs: GitFs;
  repo: Repository;
  objects: ObjectDb;
}

const FULL_OID = /^[0-9a-f]{40}$/i;
const SHORT_OID = /^[0-9a-f]{4,39}$/i;
/** Names we look up ourselves; anything else (`HEAD~2`, `main^`, `@{u}`, `FETCH_HEAD`) goes to git. */
const PLAIN_REF = /^(?![A-Z_]+$)[A-Za-z0-9_][A-Za-z0-9._/+-]*$/;
/** git's ref_rev_parse_rules, after `$GIT_DIR/<name>`. */
const DWIM_RULES = [(name: string) => `refs/${name}`, (name: string) => `refs/tags/${name}`, (name: string) => `refs/heads/${name}`, (name: string) => `refs/remotes/${name}`, (name: string) => `refs/remotes/${name}/HEAD`];

/**
 * The commit `rev` names, as `git rev-parse --verify <rev>^{commit}` would, peeling annotated tags.
 * `HEAD` (or `@`) is read from this worktree's own git directory and followed into the common one;
 * refs, full ids and unique short ids (loose objects and pack indexes) are resolved without spawning
 * git; anything else (`HEAD~2`, `main^2`, ambiguous prefixes, alternates) asks `git rev-parse`.
 * Returns null only for an unborn HEAD (a fresh `git init`).
 * @throws InputError for an empty or option-like rev, NotFoundError when nothing matches or it is not a commit
 */
export async function resolveRevision(context: RevisionContext, rev: string): Promise<string | null> {
  if (rev.trim() === `` || rev.startsWith(`-`)) throw new InputError(`"${rev}" is not a revision`, {hint: `use a commit id, a branch or tag name, or HEAD`});
  if (rev === `HEAD` || rev === `@`) return readHead(context);
  if (FULL_OID.test(rev)) return (await peelToCommit(context, rev.toLowerCase(), rev)) ?? askGit(context, rev);
  if (PLAIN_REF.test(rev) && !rev.includes(`..`) && !rev.includes(`//`) && !rev.endsWith(`/`) && !rev.endsWith(`.lock`) && !rev.endsWith(`.`)) {
    for (const ref of rev.startsWith(`refs/`) ? [rev, ...DWIM_RULES.map(rule => rule(rev))] : DWIM_RULES.map(rule => rule(rev))) {
      const oid = readRef(context.fs, context.repo.commondir, ref);
      if (oid) return (await peelToCommit(context, oid, rev)) ?? askGit(context, rev);
    }
  }
  if (SHORT_OID.test(rev)) {
    const matches = findByPrefix(context, rev.toLowerCase());
    if (matches.length === 1) return (await peelToCommit(context, matches[0]!, rev)) ?? askGit(context, rev);
  }
  return askGit(context, rev);
}

/** HEAD of this worktree: a linked worktree has its own HEAD file, its branches live in the common dir. */
function readHead(context: RevisionContext): string | null {
  const {fs, repo} = context;
  const text = fs.readFileSync(path.join(repo.gitdir, `HEAD`), `utf8`).trim();
  if (FULL_OID.test(text)) return text.toLowerCase();
  if (!text.startsWith(`ref:`)) throw new CorruptStateError(`${path.join(repo.gitdir, `HEAD`)} holds "${text.slice(0, 50)}", not a ref or commit id`, {hint: `inspect it with \`git symbolic-ref HEAD\``});
  return readRef(fs, repo.commondir, text.slice(4).trim());
}

/** The commit an object id leads to (tags peeled); null when the object is not here (alternates). */
async function peelToCommit(context: RevisionContext, oid: string, rev: string): Promise<string | null> {
  for (let depth = 0; depth < 10; depth++) {
    let object;
    try {
      object = await context.objects.read(oid);
    } catch {
      return null;
    }
    if (object.type === `commit`) return oid;
    if (object.type !== `tag`) throw new NotFoundError(`"${rev}" names a ${object.type}, not a commit`, {hint: `name a commit: an id, a branch, a tag or HEAD`});
    oid = decodeTag(object.content).object;
  }
  return null;
}

/** Every object id starting with `prefix`, among loose objects and pack indexes (v1 and v2). */
export function findByPrefix(context: RevisionContext, prefix: string): string[] {
  const {fs, repo} = context;
  const objectsDir = path.join(repo.commondir, `objects`);
  const found = new Set<string>();
  try {
    for (const name of fs.readdirSync(path.join(objectsDir, prefix.slice(0, 2))) as string[]) {
      if (name.length === 38 && name.startsWith(prefix.slice(2))) found.add(`${prefix.slice(0, 2)}${name}`);
    }
  } catch { /* no loose objects with this first byte */ }
  let packs: string[] = [];
  try {
    packs = (fs.readdirSync(path.join(objectsDir, `pack`)) as string[]).filter(name => name.endsWith(`.idx`));
  } catch { /* no packs */ }
  for (const pack of packs) for (const oid of searchPackIndex(fs, path.join(objectsDir, `pack`, pack), prefix)) found.add(oid);
  return [...found];
}

/**
 * Reads only the fan-out table and the run of ids sharing the prefix's first byte, so a large pack
 * costs a few kilobytes. Version 2 starts with `\377tOc`; version 1 has no header and 24-byte entries.
 */
function searchPackIndex(fs: GitFs, file: string, prefix: string): string[] {
  const fd = fs.openSync(file, `r`);
  try {
    const head = Buffer.alloc(8 + 256 * 4);
    fs.readSync(fd, head, 0, head.length, 0);
    const v2 = head.readUInt32BE(0) === 0xff744f63;
    const fanout = v2 ? 8 : 0;
    const first = parseInt(prefix.slice(0, 2), 16);
    const start = first === 0 ? 0 : head.readUInt32BE(fanout + (first - 1) * 4);
    const end = head.readUInt32BE(fanout + first * 4);
    const total = head.readUInt32BE(fanout + 255 * 4);
    if (end <= start || end > total) return [];
    const entrySize = v2 ? 20 : 24;
    const oidAt = v2 ? 0 : 4;
    const run = Buffer.alloc((end - start) * entrySize);
    fs.readSync(fd, run, 0, run.length, fanout + 256 * 4 + start * entrySize);
    const matches: string[] = [];
    for (let i = 0; i < end - start; i++) {
      const oid = run.toString(`hex`, i * entrySize + oidAt, i * entrySize + oidAt + 20);
      if (oid.startsWith(prefix)) matches.push(oid);
    }
    return matches;
  } finally {
    fs.closeSync(fd);
  }
}

/** The slow path (about 8 ms): `git rev-parse --verify <rev>^{commit}` in this worktree's git dir. */
function askGit(context: RevisionContext, rev: string): string {
  const result = spawnSync(`git`, [`--git-dir=${context.repo.gitdir}`, `rev-parse`, `--verify`, `--quiet`, `--end-of-options`, `${rev}^{commit}`], {cwd: context.repo.worktree, encoding: `utf8`});
  if (result.error) throw new GitCommandError(`cannot resolve "${rev}": git is not available (${result.error.message})`, {hint: `name the commit by its full id, or install git`});
  const oid = result.stdout.trim();
  if (result.status !== 0 || !FULL_OID.test(oid)) throw new NotFoundError(`no commit "${rev}" in this repository`, {hint: `check it with \`git rev-parse --verify ${rev}\``});
  return oid;
}
