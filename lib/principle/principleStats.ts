import * as z from 'zod/mini';
import {EffectivenessRow, principleEffectiveness} from '../domain/principle.ts';
import type {Workspace} from '../workspace.ts';
import {readOutcomes, readPrinciples} from './principleStore.ts';

/** What `principle effectiveness --json` prints: one row per principle with outcomes. */
export const EffectivenessView = z.array(EffectivenessRow);
export type EffectivenessView = z.infer<typeof EffectivenessView>;

/**
 * How often each gate helped (reference-missions §1.9, §2.7): outcomes are recorded `pending` by
 * `handoff create` for every gate a feature-linked handoff passed. Rows with fewer than 3 decided
 * outcomes are left out unless `all`.
 * @throws NotInitializedError, CorruptStateError
 */
export async function principleStats(workspace: Workspace, request: {all: boolean}): Promise<EffectivenessRow[]> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const [principles, outcomes] = await Promise.all([readPrinciples(snapshot), readOutcomes(snapshot)]);
  return principleEffectiveness(outcomes, new Map(principles.map(p => [p.id, p.name])), request.all);
}
