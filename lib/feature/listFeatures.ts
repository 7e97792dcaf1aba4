import * as z from 'zod/mini';
import {Assertion} from '../domain/assertion.ts';
import {Feature} from '../domain/feature.ts';
import {findFeature, loadMissionState, readFeatures, readMission, sortByPlan} from '../mission/missionState.ts';
import {featuresDir} from '../mission/missionPaths.ts';
import {findLinkedCommits, LinkedCommit} from '../notes/findLinkedCommits.ts';
import type {Workspace} from '../workspace.ts';
import {parseFeatureStatus} from './updateFeature.ts';

export const FeatureListView = z.object({features: z.array(Feature), total: z.number(), filtered: z.number()});
export type FeatureListView = z.infer<typeof FeatureListView>;

type ListRequest = {missionId: string; status?: string; milestoneId?: string};

/** Features of a mission in plan order, filtered by status and milestone. */
export async function listFeatures(workspace: Workspace, request: ListRequest): Promise<FeatureListView> {
  if (request.status !== undefined) parseFeatureStatus(request.status);
  // Only the mission and its features: the list never needs milestones or assertions.
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  return select(await readFeatures(snapshot, await readMission(snapshot, request.missionId)), request);
}

/** What the human `feature list` prints of a feature: the title only as far as the table shows it. */
export interface FeatureRow {
  id: string;
  status: string;
  title: string;
  milestoneId: string;
}
export const ROW_TITLE_LENGTH = 40;

/**
 * `listFeatures` with only the fields of a row: read through the store's projection cache, so
 * listing 2,000 features costs about what listing two does (scripts/bench.mjs). Every feature is
 * still validated against the whole schema.
 */
export async function listFeatureRows(workspace: Workspace, request: ListRequest): Promise<{features: FeatureRow[]; total: number; filtered: number}> {
  if (request.status !== undefined) parseFeatureStatus(request.status);
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const mission = await readMission(snapshot, request.missionId);
  // Cached as tuples, not objects: the projection of 2,000 features is then about 130 KB, not 220 KB.
  const tuples = await snapshot.readProjected(featuresDir(mission.id), Feature, `row-v2`, ({id, status, title, milestoneId}) => [id, status, title.slice(0, ROW_TITLE_LENGTH), milestoneId]);
  const rows = [...tuples.values()].map(([id, status, title, milestoneId]): FeatureRow => ({id: id!, status: status!, title: title!, milestoneId: milestoneId!}));
  return select(sortByPlan(mission, rows), request);
}

function select<T extends {status: string; milestoneId: string}>(all: T[], request: ListRequest): {features: T[]; total: number; filtered: number} {
  const features = all.filter(f => (request.status === undefined || f.status === request.status) && (request.milestoneId === undefined || f.milestoneId === request.milestoneId));
  return {features, total: all.length, filtered: features.length};
}

export const FeatureShowView = z.object({
  feature: Feature,
  dependencies: z.array(z.object({id: z.string(), status: z.string()})),
  dependents: z.array(z.string()),
  assertions: z.array(Assertion),
  ready: z.boolean(),
  /** Code commits whose note on refs/notes/maestro links to the feature or its assertions. */
  commits: z.array(LinkedCommit),
});
export type FeatureShowView = z.infer<typeof FeatureShowView>;

/** One feature with its dependencies' status, its dependents, its assertions and its noted code commits. */
export async function showFeature(workspace: Workspace, request: {missionId: string; featureId: string}): Promise<FeatureShowView> {
  const state = await loadMissionState(await workspace.store.snapshot(await workspace.requireTip()), request.missionId);
  const feature = findFeature(state, request.featureId);
  const dependencies = feature.dependsOn.map(id => ({id, status: state.features.find(f => f.id === id)?.status ?? `missing`}));
  const assertions = state.assertions.filter(a => a.featureId === feature.id);
  return {
    feature,
    dependencies,
    dependents: state.features.filter(f => f.dependsOn.includes(feature.id)).map(f => f.id),
    assertions,
    ready: feature.status === `pending` && dependencies.every(d => d.status === `done`),
    commits: await findLinkedCommits(workspace, {missionId: state.mission.id, featureId: feature.id, assertionIds: assertions.map(a => a.id)}),
  };
}

export const FeatureNextView = z.object({missionId: z.string(), ready: z.array(Feature), waiting: z.number()});
export type FeatureNextView = z.infer<typeof FeatureNextView>;

/** The work queue: pending features whose dependencies are all done, optionally for one worker type. */
export async function nextFeatures(workspace: Workspace, request: {missionId: string; workerType?: string}): Promise<FeatureNextView> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const mission = await readMission(snapshot, request.missionId);
  const features = await readFeatures(snapshot, mission);
  const done = new Set(features.filter(f => f.status === `done`).map(f => f.id));
  const pending = features.filter(f => f.status === `pending` && (request.workerType === undefined || f.workerType === request.workerType));
  const ready = pending.filter(f => f.dependsOn.every(dep => done.has(dep)));
  return {missionId: mission.id, ready, waiting: pending.length - ready.length};
}
