import * as z from 'zod/mini';
import {InputError} from '../errors.ts';
import {missionDir} from '../mission/missionPaths.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import type {Workspace} from '../workspace.ts';
import {lastCommitBefore, resolveStateRevision, Revision} from './resolveStateRevision.ts';
import {DiffSummary, EntityChange, semanticDiff, summariseChanges} from './semanticDiff.ts';

export const StateDiffView = z.object({
  from: Revision,
  to: Revision,
  /** The mission the diff is limited to, or null for the whole state. */
  mission: z.nullable(z.string()),
  changes: z.array(EntityChange),
  summary: DiffSummary,
});
export type StateDiffView = z.infer<typeof StateDiffView>;

export interface DiffStateRequest {
  /**
   * `[]`: the tip's parent and the tip; `[A]`: A and the tip; `[A, B]`. With `since`, at most one:
   * the B compared with the last state commit before that date.
   */
  revisions: string[];
  /** An ISO date. */
  since?: string;
  missionId?: string;
}

/**
 * What changed in the state between two commits, checkpoints, refs or a date and the tip, entity by
 * entity and field by field (SPEC.md, "Beyond the original"). Reads only what differs.
 * @throws InputError for a bad date or too many revisions; NotFoundError for an unknown
 * revision or mission
 */
export async function diffState(workspace: Workspace, request: DiffStateRequest): Promise<StateDiffView> {
  const {revisions, since} = request;
  if (revisions.length > 2 || (since !== undefined && revisions.length > 1))
    throw new InputError(`too many revisions: ${revisions.join(` `)}`, {hint: `give at most two (A and B), or --since <date> and at most one`});
  const [fromName, toName] = since === undefined ? revisions : [undefined, revisions[0]];
  const tip = await workspace.requireTip();
  const mission = request.missionId === undefined ? null : await resolveMissionId(await workspace.store.snapshot(tip), request.missionId);
  const reader = workspace.store.reader;
  let from: Revision;
  if (since !== undefined) {
    from = {commit: await lastCommitBefore(workspace, tip, parseDate(since)), label: `before ${since}`};
  } else if (fromName !== undefined) {
    from = await resolveStateRevision(workspace, fromName, tip);
  } else {
    from = {commit: (await reader.commit(tip.commit)).parents[0] ?? null, label: `@~1`};
  }
  const to = toName === undefined ? {commit: tip.commit, label: `@`} : await resolveStateRevision(workspace, toName, tip);
  const treeOf = async (commit: string | null) => (commit ? (await reader.commit(commit)).tree : null);
  const changes = await semanticDiff(reader, {before: await treeOf(from.commit), after: await treeOf(to.commit), ...(mission ? {prefix: missionDir(mission)} : {})});
  return {from, to, mission, changes, summary: summariseChanges(changes)};
}

/** `2026-11-25`, `2026-11-25T10:00`, or a full ISO timestamp. @throws InputError */
function parseDate(text: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new InputError(`--since "${text}" is not an ISO date`, {hint: `use e.g. --since 2026-11-25 or --since 2026-11-25T14:00:00Z`});
  return date;
}
