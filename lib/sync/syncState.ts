import {GitCommandError, NotInitializedError} from '../errors.ts';
import * as z from 'zod/mini';
import {Conflict} from '../domain/conflict.ts';
import {excludeMirror} from '../setup/initProject.ts';
import {mergeNotes, NOTES_REF, type NotesMerge} from '../store/notes.ts';
import {listRefs, readRef} from '../store/refs.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import {mergeIntoState, type StateMerge} from './mergeState.ts';
import {firstLine, runGit} from './nativeGit.ts';
import {chooseRemote, maestroFetchRefspecs, trackingNotesRef, trackingStateRef} from './remoteSetup.ts';

const TAGS = `refs/tags/maestro/`;
/** Rounds of fetch, merge, push when the remote keeps moving under us (another machine syncing). */
export const MAX_ATTEMPTS = 6;

export const SyncView = z.object({
  remote: z.string(),
  /** What came in: the remote's state and notes commits, new checkpoint tags. */
  fetched: z.object({state: z.nullable(z.string()), notes: z.nullable(z.string()), tags: z.array(z.string())}),
  /** How it was merged into refs/maestro/main, what it brought, what it had to choose. */
  merge: z.object({kind: z.enum([`up-to-date`, `fast-forward`, `merged`]), before: z.nullable(z.string()), after: z.nullable(z.string()), received: z.array(z.string()), conflicts: z.array(Conflict)}),
  notes: z.object({kind: z.enum([`up-to-date`, `fast-forward`, `merged`]), objects: z.array(z.string())}),
  /** What went out (refs the remote did not have at that value before). */
  pushed: z.object({state: z.boolean(), notes: z.boolean(), tags: z.array(z.string())}),
  attempts: z.number(),
  /** Handoff claims made by this agent that lost to an earlier claim elsewhere. */
  lostClaims: z.array(Conflict),
});
export type SyncView = z.infer<typeof SyncView>;

/**
 * `maestro sync [remote]`: native `git fetch` of the remote's state, checkpoint tags and notes into
 * the tracking namespace, maestro's merge into `refs/maestro/main` and `refs/notes/maestro`, then a
 * native `git push` of both and of the tags, never forced. When the push is refused because the
 * remote moved meanwhile, it goes round again (bounded). Everything the remote carries is merged
 * in, so a fresh clone gets the whole state from one sync.
 * @throws GitCommandError when git fails (network, permissions) or the remote keeps moving
 */
export async function syncState(workspace: Workspace, request: {remote?: string}): Promise<SyncView> {
  const deps = workspace.store.deps;
  const remote = chooseRemote(deps, request.remote);
  const newTags = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const tagsBefore = listRefs(deps.fs, deps.repo.commondir, TAGS);
    runGit(deps, [`fetch`, `--quiet`, `--no-tags`, remote, ...maestroFetchRefspecs(remote)]);
    for (const tag of listRefs(deps.fs, deps.repo.commondir, TAGS).keys()) if (!tagsBefore.has(tag)) newTags.add(tag);

    const theirState = readRef(deps.fs, deps.repo.commondir, trackingStateRef(remote));
    const theirNotes = readRef(deps.fs, deps.repo.commondir, trackingNotesRef(remote));
    const initialised = (await workspace.store.tip()) !== null;
    if (!theirState && !initialised) {
      throw new NotInitializedError(`neither this repository nor ${remote} has maestro state`, {hint: `run \`maestro init\`, then \`maestro sync ${remote}\``});
    }
    if (!initialised) excludeMirror(workspace);
    const merge = theirState ? await mergeIntoState(workspace, theirState, `${remote}/maestro/main`) : noMerge(readRef(deps.fs, deps.repo.commondir, STATE_REF));
    const notes: NotesMerge = theirNotes
      ? await mergeNotes(workspace.store, theirNotes, {subject: `sync: merge ${remote}'s notes`, ...workspace.identity, isAncestor: (a, b) => isAncestor(workspace, a, b)})
      : {kind: `up-to-date`, objects: []};

    const push = pushAll(workspace, remote);
    if (push.rejected.length === 0) {
      const fetched = {state: theirState, notes: theirNotes, tags: [...newTags].sort()};
      const lostClaims = merge.conflicts.filter(conflict => conflict.kind === `claim` && claimedBy(conflict.other.value) === workspace.identity.agent);
      return {remote, fetched, merge, notes, pushed: push.pushed, attempts: attempt, lostClaims};
    }
    if (attempt >= MAX_ATTEMPTS) {
      throw new GitCommandError(`${remote} kept moving: ${push.rejected.join(`, `)} refused after ${attempt} rounds`, {hint: `run \`maestro sync ${remote}\` again`});
    }
    // Another machine pushed between our fetch and our push: back off a little and go round again.
    await new Promise(resolve => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt));
  }
}

function noMerge(tip: string | null): StateMerge {
  return {kind: `up-to-date`, before: tip, after: tip, received: [], conflicts: []};
}

const claimedBy = (value: unknown): string | null =>
  value !== null && typeof value === `object` && typeof (value as {claimedBy?: unknown}).claimedBy === `string` ? (value as {claimedBy: string}).claimedBy : null;

function isAncestor(workspace: Workspace, a: string, b: string): boolean {
  return runGit(workspace.store.deps, [`merge-base`, `--is-ancestor`, a, b], {allowFailure: true}).status === 0;
}

/**
 * One `git push --porcelain` of the state ref, the notes ref and the maestro tags, none forced.
 * Refs refused as non-fast-forward (the remote moved) are returned for another round; any other
 * failure (permissions, a hook) is an error with git's own words.
 */
function pushAll(workspace: Workspace, remote: string): {pushed: SyncView[`pushed`]; rejected: string[]} {
  const deps = workspace.store.deps;
  const specs = [`${STATE_REF}:${STATE_REF}`];
  if (readRef(deps.fs, deps.repo.commondir, NOTES_REF)) specs.push(`${NOTES_REF}:${NOTES_REF}`);
  if (listRefs(deps.fs, deps.repo.commondir, TAGS).size > 0) specs.push(`${TAGS}*:${TAGS}*`);
  const result = runGit(deps, [`push`, `--porcelain`, remote, ...specs], {allowFailure: true});
  const pushed = {state: false, notes: false, tags: [] as string[]};
  const rejected: string[] = [];
  const refused: string[] = [];
  for (const line of result.stdout.split(`\n`)) {
    const match = /^([ +\-*=!])\t([^:]*):(\S+)\t(.*)$/.exec(line);
    if (!match) continue;
    const [, flag, , ref = ``, summary = ``] = match;
    if (flag === `!`) {
      // Refused because the remote moved, or because another push held the remote's ref lock: retry.
      if (/non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|failed to lock|incorrect old value/.test(summary)) rejected.push(ref);
      else refused.push(`${ref} (${summary.replace(/^\[rejected\]\s*/, ``)})`);
      continue;
    }
    if (flag === `=`) continue;
    if (ref === STATE_REF) pushed.state = true;
    else if (ref === NOTES_REF) pushed.notes = true;
    else if (ref.startsWith(TAGS)) pushed.tags.push(ref);
  }
  if (refused.length > 0 || (result.status !== 0 && rejected.length === 0)) {
    const why = refused.length > 0 ? refused.join(`, `) : firstLine(result.stderr) || `exit ${result.status}`;
    throw new GitCommandError(`git push to ${remote} failed: ${why}`, {hint: `run \`git push ${remote} ${STATE_REF}\` to see git's whole message`});
  }
  return {pushed: {...pushed, tags: pushed.tags.sort()}, rejected};
}
