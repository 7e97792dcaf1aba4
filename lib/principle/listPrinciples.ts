import * as z from 'zod/mini';
import {MILESTONE_PROFILES, MilestoneProfile} from '../domain/common.ts';
import {Principle, principlesForProfile} from '../domain/principle.ts';
import {InputError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {readPrinciples} from './principleStore.ts';

/** What `principle list --json` prints: the original's `Principle[]`. */
export const PrincipleListView = z.array(Principle);
export type PrincipleListView = z.infer<typeof PrincipleListView>;

/**
 * The principles in force (reference-missions §1.9), in order, optionally only those of one
 * milestone profile.
 * @throws InputError (an unknown profile), NotInitializedError, CorruptStateError
 */
export async function listPrinciples(workspace: Workspace, request: {profile?: string}): Promise<Principle[]> {
  const profile = request.profile === undefined ? undefined : parseProfile(request.profile);
  const principles = await readPrinciples(await workspace.store.snapshot(await workspace.requireTip()));
  return profile === undefined ? principles : principlesForProfile(principles, profile);
}

function parseProfile(value: string): MilestoneProfile {
  const parsed = MilestoneProfile.safeParse(value);
  if (!parsed.success) throw new InputError(`--profile "${value}" is not a principle profile`, {hint: `use one of: ${MILESTONE_PROFILES.join(`, `)}`});
  return parsed.data;
}
