import * as z from 'zod/mini';
import {resolveIdPrefix} from '../domain/ids.ts';
import {effectivePrinciples} from '../domain/principle.ts';
import type {Workspace} from '../workspace.ts';
import {principleChange, readStoredPrinciples} from './principleStore.ts';

/** What `principle remove --json` prints (the original's shape). */
export const PrincipleRemovedView = z.object({id: z.string(), removed: z.literal(true)});
export type PrincipleRemovedView = z.infer<typeof PrincipleRemovedView>;

/**
 * Removes a principle in force, by id or unique prefix, in one commit. The file is kept with
 * `removedAt`, so a removed default stays removed and `principle add` may reuse the id.
 * @throws NotFoundError (no such principle in force), InputError (an ambiguous prefix), NotInitializedError
 */
export async function removePrinciple(workspace: Workspace, request: {id: string}): Promise<PrincipleRemovedView> {
  await workspace.requireTip();
  const now = workspace.store.deps.now().toISOString();
  const outcome = await workspace.transact(`principle remove`, async snapshot => {
    const storedPrinciples = await readStoredPrinciples(snapshot);
    const principles = effectivePrinciples(storedPrinciples.values());
    const id = resolveIdPrefix(principles.map(p => p.id), request.id, `principle`, `list principles with \`maestro principle list\``);
    const principle = principles.find(p => p.id === id)!;
    const previous = storedPrinciples.get(id);
    const createdAt = previous?.createdAt ?? now;
    const removed = {...principle, createdAt, updatedAt: now, updatedBy: workspace.identity.agent, removedAt: now};
    return {changes: [principleChange(removed)], result: {id, removed: true as const}};
  });
  return outcome.result;
}

