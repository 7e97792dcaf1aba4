import type {MilestoneProfile} from '../domain/common.ts';
import {Feature, type FeatureStatus} from '../domain/feature.ts';
import {Mission, type MissionStatus} from '../domain/mission.ts';
import {refValue} from '../domain/ukiTokens.ts';
import {InputError, NotFoundError} from '../errors.ts';
import {featuresDir, missionPath, missionsDir} from '../mission/missionPaths.ts';
import {loadMissionState, resolveMissionId} from '../mission/missionState.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';

/** The mission and feature a new handoff is linked to, as real ids, and the profile to gate on. */
export interface HandoffLink {
  missionId?: string;
  featureId?: string;
  /** Set only for a feature named with `--feature-id`: the gates of its milestone's profile apply. */
  gate?: {profile: MilestoneProfile | undefined};
}

const ACTIVE: MissionStatus[] = [`executing`, `validating`, `approved`, `paused`];
const ACTIONABLE: FeatureStatus[] = [`assigned`, `in-progress`, `review`, `pending`];

/**
 * Links a handoff to a mission and a feature (reference-handoff §2.3, §2.4): the `--mission-id` given
 * (full, a unique prefix, or the original's `_` token), else the newest active mission; the
 * `--feature-id` given (its id or `_` token), else that mission's only actionable feature, if exactly
 * one. Only a `--feature-id` asks for gates, so an ad-hoc handoff works whatever missions exist.
 * @throws NotFoundError (mission, feature), InputError (a feature without any mission)
 */
export async function resolveHandoffLink(snapshot: StateSnapshot, given: {missionId?: string; featureId?: string}): Promise<HandoffLink> {
  const missionId = given.missionId !== undefined ? await resolveMission(snapshot, given.missionId) : await newestActiveMission(snapshot);
  if (given.featureId !== undefined) {
    if (missionId === undefined) throw new InputError(`--feature-id ${given.featureId} needs a mission, and none is active`, {hint: `add --mission-id <mission-id> (see \`maestro mission list\`)`});
    const state = await loadMissionState(snapshot, missionId);
    const feature = state.features.find(f => f.id === given.featureId) ?? state.features.find(f => refValue(f.id) === refValue(given.featureId!));
    if (!feature) throw new NotFoundError(`feature ${given.featureId} not found in mission ${missionId}`, {hint: `list features with \`maestro feature list --mission ${missionId}\``});
    const milestone = state.milestones.find(m => m.id === feature.milestoneId);
    return {missionId, featureId: feature.id, gate: {profile: milestone?.profile}};
  }
  if (missionId === undefined) return {};
  const features = [...(await snapshot.readAll(featuresDir(missionId), Feature)).values()].filter(f => ACTIONABLE.includes(f.status));
  return {missionId, ...(features.length === 1 ? {featureId: features[0]!.id} : {})};
}

async function resolveMission(snapshot: StateSnapshot, given: string): Promise<string> {
  try {
    return await resolveMissionId(snapshot, given);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const byToken = (await snapshot.list(missionsDir)).filter(id => refValue(id) === refValue(given));
    if (byToken.length === 1) return byToken[0]!;
    throw error;
  }
}

/** The newest mission that is approved, executing, validating or paused; unreadable ones are passed over. */
async function newestActiveMission(snapshot: StateSnapshot): Promise<string | undefined> {
  const active: Mission[] = [];
  for (const id of await snapshot.list(missionsDir)) {
    try {
      const mission = await snapshot.read(missionPath(id), Mission);
      if (mission && ACTIVE.includes(mission.status)) active.push(mission);
    } catch {
      // A broken mission file is reported by the mission commands; it does not stop a handoff.
    }
  }
  active.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  return active[0]?.id;
}
