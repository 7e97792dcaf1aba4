import * as z from 'zod/mini';
import {readCheckpoints} from '../checkpoint/readCheckpoints.ts';
import {InputError, NotFoundError} from '../errors.ts';
import {decodeTag} from '../store/gitObjects.ts';
import {readRef} from '../store/refs.ts';
import type {TipInfo} from '../store/stateCache.ts';
import type {Workspace} from '../workspace.ts';

/** One side of a diff: a state commit (null: the empty state before the first commit) and how it was named. */
export const Revision = z.object({
  commit: z.nullable(z.string()),
  label: z.string(),
  /** The checkpoint id when the revision was named by one. */
  checkpoint: z.optional(z.string()),
});
export type Revision = z.infer<typeof Revision>;

const HINT = `name a state commit (see \`maestro log\`), a checkpoint id (see \`maestro checkpoint list --mission <id>\`), a ref, or @ for the tip`;

/**
 * Resolves what `maestro diff` accepts: `@` or `HEAD` (the tip), a ref (`refs/maestro/main`, a
 * checkpoint tag), a state commit id in full or by a prefix of at least 4 characters, a checkpoint id
 * (or unique prefix, or exact `--name`), each optionally followed by `~N` or `^` (first parents).
 * @throws NotFoundError when nothing matches; InputError when a prefix is ambiguous or `~N` goes too far
 */
export async function resolveStateRevision(workspace: Workspace, given: string, tip: TipInfo): Promise<Revision> {
  const [, base = ``, suffix = ``] = /^(.*?)((?:~\d*|\^)*)$/.exec(given.trim())!;
  const named = await resolveBase(workspace, base, tip);
  let commit = named.commit;
  for (const step of suffix.match(/~\d*|\^/g) ?? []) {
    const count = step === `^` || step === `~` ? 1 : Number(step.slice(1));
    for (let i = 0; i < count; i++) {
      const parent = (await workspace.store.reader.commit(commit)).parents[0];
      if (!parent) throw new InputError(`${given} goes back past the first state commit`, {hint: `see the history with \`maestro log\``});
      commit = parent;
    }
  }
  return {commit, label: given, ...(named.checkpoint ? {checkpoint: named.checkpoint} : {})};
}

async function resolveBase(workspace: Workspace, base: string, tip: TipInfo): Promise<{commit: string; checkpoint?: string}> {
  if (base === `` || base === `@` || base === `HEAD`) return {commit: tip.commit};
  if (base.startsWith(`refs/`)) return {commit: await peelRef(workspace, base)};
  const checkpoints = await readCheckpoints(workspace);
  const exact = checkpoints.find(checkpoint => checkpoint.id === base) ?? onlyOne(checkpoints.filter(checkpoint => checkpoint.name === base));
  if (exact) return {commit: exact.commit, checkpoint: exact.id};
  const isHex = /^[0-9a-f]{4,40}$/.test(base);
  const commits = isHex ? await stateCommitsMatching(workspace, tip, base) : [];
  if (base.length === 40 && commits.length === 1) return {commit: commits[0]!};
  const matches = [
    ...checkpoints.filter(checkpoint => checkpoint.id.startsWith(base)).map(checkpoint => ({commit: checkpoint.commit, checkpoint: checkpoint.id, name: `checkpoint ${checkpoint.id}`})),
    ...commits.map(commit => ({commit, name: `commit ${commit.slice(0, 12)}`})),
  ];
  if (matches.length === 1) {
    const {name: _name, ...match} = matches[0]!;
    return match;
  }
  if (matches.length === 0) throw new NotFoundError(`no state commit or checkpoint matches "${base}"`, {hint: HINT});
  throw new InputError(`"${base}" is ambiguous: it matches ${matches.slice(0, 4).map(m => m.name).join(`, `)}${matches.length > 4 ? `, …` : ``}`, {hint: `give more characters`});
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** A ref's commit, through an annotated tag. @throws NotFoundError */
async function peelRef(workspace: Workspace, ref: string): Promise<string> {
  let oid = readRef(workspace.store.deps.fs, workspace.store.deps.repo.commondir, ref);
  if (!oid) throw new NotFoundError(`no ref ${ref}`, {hint: HINT});
  for (let depth = 0; depth < 5; depth++) {
    const object = await workspace.store.objects.read(oid);
    if (object.type === `commit`) return oid;
    if (object.type !== `tag`) break;
    oid = decodeTag(object.content).object;
  }
  throw new InputError(`${ref} does not point at a commit`, {hint: HINT});
}

/**
 * State commits (reachable from the tip through every parent) whose id starts with `prefix`; a full
 * id stops the walk when found. Only `maestro diff` walks history this way, and only for a commit id.
 */
async function stateCommitsMatching(workspace: Workspace, tip: TipInfo, prefix: string): Promise<string[]> {
  const seen = new Set<string>([tip.commit]);
  const queue = [tip.commit];
  const matches: string[] = [];
  while (queue.length > 0) {
    const oid = queue.pop()!;
    if (oid.startsWith(prefix)) {
      matches.push(oid);
      if (prefix.length === 40) break;
    }
    for (const parent of (await workspace.store.reader.commit(oid)).parents) {
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return matches;
}

/** The last state commit made before `date`, along first parents; null when the history starts after it. */
export async function lastCommitBefore(workspace: Workspace, tip: TipInfo, date: Date): Promise<string | null> {
  let oid: string | undefined = tip.commit;
  while (oid) {
    const commit = await workspace.store.reader.commit(oid);
    if (commit.committer.timestamp * 1000 < date.getTime()) return oid;
    oid = commit.parents[0];
  }
  return null;
}
