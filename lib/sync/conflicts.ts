import {canonicalJson} from '../canonicalJson.ts';
import {compareConflicts, Conflict, CONFLICTS_DIR, conflictPath} from '../domain/conflict.ts';
import {resolveIdPrefix} from '../domain/ids.ts';
import {entityProblem} from '../domain/entitySchemas.ts';
import {checkTransition} from '../domain/stateMachine.ts';
import {InputError, TransitionError} from '../errors.ts';
import {statusRule} from './mergeEntity.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import * as z from 'zod/mini';

export const ConflictListView = z.object({conflicts: z.array(Conflict), open: z.number()});
export type ConflictListView = z.infer<typeof ConflictListView>;
export const ConflictResolveView = z.object({conflict: Conflict, changed: z.nullable(z.string())});

/** Every conflict, open ones first, then newest first. */
export async function readConflicts(snapshot: StateSnapshot): Promise<Conflict[]> {
  const all = [...(await snapshot.readAll(CONFLICTS_DIR, Conflict)).values()];
  return all.sort(compareConflicts);
}

export async function listConflicts(workspace: Workspace, request: {all: boolean}): Promise<ConflictListView> {
  await workspace.requireTip();
  const conflicts = await readConflicts(await workspace.store.snapshot());
  const open = conflicts.filter(conflict => conflict.status === `open`).length;
  return {conflicts: request.all ? conflicts : conflicts.filter(conflict => conflict.status === `open`), open};
}

async function findConflict(snapshot: StateSnapshot, idOrPrefix: string): Promise<Conflict> {
  const ids = (await snapshot.list(CONFLICTS_DIR)).filter(name => name.endsWith(`.json`)).map(name => name.slice(0, -5));
  const id = resolveIdPrefix(ids, idOrPrefix, `conflict`, `list them with \`maestro conflicts --all\``);
  return (await snapshot.read(conflictPath(id), Conflict))!;
}

export async function showConflict(workspace: Workspace, id: string): Promise<Conflict> {
  await workspace.requireTip();
  return findConflict(await workspace.store.snapshot(), id);
}

/** `ours` is the value the state holds now (the merge kept it), `theirs` the one it set aside. */
export const TAKE_CHOICES = [`ours`, `theirs`, `kept`, `other`] as const;
export type Take = (typeof TAKE_CHOICES)[number];

/**
 * Settles a conflict in one commit: `--take ours|kept` confirms the merge's choice, `--take
 * theirs|other` writes the set-aside value back into the entity (the field, or the whole file) and
 * records the swap. The entity is edited as it is now, so changes made after the merge are kept; the
 * result must still be a valid entity, and a status the merge refused as a backwards move must be a
 * valid transition from the status the entity has now. Resolving again with the same choice changes
 * nothing; with the other choice it is refused.
 * @throws InputError when the entity changed so that the field can no longer be set;
 *   TransitionError for an invalid status move or a conflict already settled the other way
 */
export async function resolveConflict(workspace: Workspace, request: {id: string; take: string}): Promise<{conflict: Conflict; changed: string | null}> {
  if (!(TAKE_CHOICES as readonly string[]).includes(request.take)) throw new InputError(`--take must be ours or theirs, not "${request.take}"`, {hint: `ours keeps the merge's choice, theirs swaps in the value it set aside`});
  await workspace.requireTip();
  const useOther = request.take === `theirs` || request.take === `other`;
  const outcome = await workspace.transact(`conflicts resolve`, async snapshot => {
    const conflict = await findConflict(snapshot, request.id);
    if (conflict.status === `resolved`) {
      if ((conflict.resolution === `other`) === useOther) return {changes: [], result: {conflict, changed: null}};
      throw new TransitionError(`conflict ${conflict.id} was already resolved by ${conflict.resolvedBy ?? `someone`} at ${conflict.resolvedAt ?? `?`}, taking ${conflict.resolution === `other` ? `theirs` : `ours`}`, {hint: `change ${conflict.path} with the command that owns it (see \`maestro conflicts show ${conflict.id}\`)`});
    }
    const resolved: Conflict = {...conflict, status: `resolved`, resolution: useOther ? `other` : `kept`, resolvedAt: workspace.store.deps.now().toISOString(), resolvedBy: workspace.identity.agent};
    const changes: Change[] = [{path: conflictPath(conflict.id), content: canonicalJson(resolved)}];
    if (useOther) changes.push({path: conflict.path, content: await applyOther(snapshot, conflict)});
    return {changes, result: {conflict: resolved, changed: useOther ? conflict.path : null}};
  });
  return outcome.result;
}

async function applyOther(snapshot: StateSnapshot, conflict: Conflict): Promise<string | null> {
  const value = conflict.other.value;
  if (conflict.field === null) {
    if (value === null) return null;
    if (typeof value === `string`) return value;
    const whole = canonicalJson(value);
    const problem = entityProblem(conflict.path, whole);
    if (problem) throw new TransitionError(`the set-aside ${conflict.path} is not a valid entity any more: ${problem}`, {hint: `keep the merge's choice: \`maestro conflicts resolve ${conflict.id} --take ours\``});
    return whole;
  }
  const text = await snapshot.readText(conflict.path);
  if (text === null) throw new InputError(`${conflict.path} no longer exists, so ${conflict.field} cannot be set`, {hint: `keep the merge's choice: \`maestro conflicts resolve ${conflict.id} --take ours\``});
  const entity = JSON.parse(text) as Record<string, unknown>;
  const names = conflict.field.split(`.`);
  let at: Record<string, unknown> = entity;
  for (const name of names.slice(0, -1)) {
    const next = at[name];
    if (next === null || typeof next !== `object` || Array.isArray(next)) throw new InputError(`${conflict.path} has no ${conflict.field} to set any more`, {hint: `keep the merge's choice: \`maestro conflicts resolve ${conflict.id} --take ours\``});
    at = next as Record<string, unknown>;
  }
  const last = names.at(-1)!;
  const rule = statusRule(conflict.path);
  if (rule && conflict.field === rule.field && typeof at[last] === `string` && typeof value === `string`) {
    checkTransition(rule.what, rule.graph, at[last] as string, value, `maestro conflicts show ${conflict.id}`);
  }
  if (value === null) delete at[last];
  else at[last] = value;
  const written = canonicalJson(entity);
  const problem = conflict.path.endsWith(`.json`) ? entityProblem(conflict.path, written) : null;
  if (problem) throw new TransitionError(`taking the other value would leave ${conflict.path} invalid: ${problem}`, {hint: `keep the merge's choice: \`maestro conflicts resolve ${conflict.id} --take ours\``});
  return written;
}
