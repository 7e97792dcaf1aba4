import {Assertion} from '../domain/assertion.ts';
import {Feature} from '../domain/feature.ts';
import {resolveIdPrefix} from '../domain/ids.ts';
import {Milestone, Mission} from '../domain/mission.ts';
import {NotFoundError} from '../errors.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import {assertionsDir, featurePath, featuresDir, milestonesDir, missionPath, missionsDir} from './missionPaths.ts';

/** A mission with every entity under it, as read from one snapshot. */
export interface MissionState {
  mission: Mission;
  milestones: Milestone[];
  /** In plan order. */
  features: Feature[];
  assertions: Assertion[];
}

/** The full id of a mission given in full or by a unique prefix. @throws NotFoundError, InputError */
export async function resolveMissionId(snapshot: StateSnapshot, given: string): Promise<string> {
  return resolveIdPrefix(await snapshot.list(missionsDir), given, `mission`, `list missions with \`maestro mission list\``);
}

/** Reads only the mission file. @throws NotFoundError */
export async function readMission(snapshot: StateSnapshot, given: string): Promise<Mission> {
  const id = await resolveMissionId(snapshot, given);
  const mission = await snapshot.read(missionPath(id), Mission);
  if (!mission) throw new NotFoundError(`mission ${given} not found`, {hint: `list missions with \`maestro mission list\``});
  return mission;
}

/** The features of a mission in plan order, without its milestones and assertions. */
export async function readFeatures(snapshot: StateSnapshot, mission: Mission): Promise<Feature[]> {
  const features = await snapshot.readAll(featuresDir(mission.id), Feature);
  return sortByPlan(mission, [...features.values()]);
}

/** Features (or rows of them) in the mission's plan order; unknown ones last, by id. */
export function sortByPlan<T extends {id: string}>(mission: Mission, features: T[]): T[] {
  const byId = new Map(features.map(feature => [feature.id, feature]));
  const byName = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (byId.size !== features.length) {
    // Two files claim one id (edited by hand): keep both, in the plan's order.
    const order = new Map(mission.features.map((id, i) => [id, i]));
    return features.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) || byName(a, b));
  }
  // One pass over the plan instead of a sort: 2,000 features cost 20,000 comparisons otherwise.
  const ordered: T[] = [];
  for (const id of mission.features) {
    const feature = byId.get(id);
    if (feature === undefined) continue;
    ordered.push(feature);
    byId.delete(id);
  }
  return byId.size === 0 ? ordered : ordered.concat([...byId.values()].sort(byName));
}

/** Reads a mission and everything under it. @throws NotFoundError, CorruptStateError */
export async function loadMissionState(snapshot: StateSnapshot, given: string): Promise<MissionState> {
  const mission = await readMission(snapshot, given);
  const [milestones, features, assertions] = await Promise.all([
    snapshot.readAll(milestonesDir(mission.id), Milestone),
    snapshot.readAll(featuresDir(mission.id), Feature),
    snapshot.readAll(assertionsDir(mission.id), Assertion),
  ]);
  return {
    mission,
    milestones: [...milestones.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
    features: sortByPlan(mission, [...features.values()]),
    assertions: [...assertions.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)),
  };
}

/**
 * One feature read by its path, without the rest of the mission: what a single update needs, at the
 * same cost for a 2-feature and a 2,000-feature mission. @throws NotFoundError
 */
export async function readFeature(snapshot: StateSnapshot, mission: Mission, featureId: string): Promise<Feature> {
  const feature = await snapshot.read(featurePath(mission.id, featureId), Feature);
  if (!feature) throw new NotFoundError(`feature ${featureId} not found in mission ${mission.id}`, {hint: `list features with \`maestro feature list --mission ${mission.id}\``});
  return feature;
}

/** A feature of a mission by id. @throws NotFoundError naming the list command */
export function findFeature(state: MissionState, featureId: string): Feature {
  const feature = state.features.find(candidate => candidate.id === featureId);
  if (!feature) throw new NotFoundError(`feature ${featureId} not found in mission ${state.mission.id}`, {hint: `list features with \`maestro feature list --mission ${state.mission.id}\``});
  return feature;
}

/** An assertion by id, by the original's `<feature>-assertion-<n>` alias, or by unique prefix. */
export function findAssertion(state: MissionState, given: string): Assertion {
  const byAlias = state.assertions.find(candidate => candidate.alias === given);
  if (byAlias) return byAlias;
  const id = resolveIdPrefix(state.assertions.map(a => a.id), given, `assertion`, `list assertions with \`maestro validate show --mission ${state.mission.id}\``);
  return state.assertions.find(candidate => candidate.id === id)!;
}

/** A milestone by id. @throws NotFoundError naming the available ones */
export function findMilestone(state: MissionState, milestoneId: string): Milestone {
  const milestone = state.milestones.find(candidate => candidate.id === milestoneId);
  if (!milestone) throw new NotFoundError(`milestone ${milestoneId} not found in mission ${state.mission.id}`, {hint: `available milestones: ${state.milestones.map(m => m.id).join(`, `)}`});
  return milestone;
}
