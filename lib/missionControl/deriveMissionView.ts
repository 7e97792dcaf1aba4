import {isTerminalResult} from '../domain/assertion.ts';
import {FEATURE_TRANSITIONS, type Feature, type FeatureStatus} from '../domain/feature.ts';
import type {Handoff} from '../domain/handoff.ts';
import {deriveMilestones, effectiveMissionStatus, type MilestoneProgress} from '../domain/progress.ts';
import type {MissionState} from '../mission/missionState.ts';
import type {AssertionRow, FeatureRow, MilestoneRow, MissionControlSnapshot, ProgressEvent, TaskPreviewPane} from './missionControlSnapshot.ts';

/** The fields of a snapshot that come from one mission (and the handoffs that name its features). */
export type MissionFields = Pick<MissionControlSnapshot,
  'mode' | 'missionId' | 'missionTitle' | 'missionStatus' | 'effectiveStatus' | 'elapsedMs' | 'featureProgress' | 'statusProgress' |
  'missionOverview' | 'activeFeature' | 'features' | 'taskPreviews' | 'milestones' | 'gateBlocked' | 'gateLabel' | 'canPause' | 'canResume' |
  'agentGrid' | 'dispatchQueue' | 'timelineMilestones' | 'assertions' | 'progressLog'>;

const ACTIVE: ReadonlySet<FeatureStatus> = new Set([`assigned`, `in-progress`, `review`]);
/** Events kept in `progressLog` and `eventStream`, newest first (the reference caps the stream at 200). */
const EVENT_CAP = 200;
const STALE_MS = 3_600_000;

/**
 * Everything Mission Control shows about one mission, derived from its state alone (pure: `now` is
 * given). Milestone status and gate come from lib/domain/progress.ts, as `mission show` derives them.
 * `blocked` counts features that are blocked or wait on an unfinished dependency; `queued` the
 * pending ones that could start now; with `completed` and `inFlight` they add up to `total`.
 */
export function deriveMissionView(state: MissionState, handoffs: Handoff[], now: number): MissionFields {
  const {mission, features} = state;
  const graph = dependencyGraph(features);
  const progress = deriveMilestones(mission, state.milestones, features, state.assertions);
  const effective = effectiveMissionStatus(mission, progress);
  const done = features.filter(f => f.status === `done`).length;
  const active = features.filter(f => ACTIVE.has(f.status)).length;
  const waiting = features.filter(f => f.status === `blocked` || (f.status === `pending` && graph.unmet(f).length > 0)).length;
  const ready = features.filter(f => f.status === `pending` && graph.unmet(f).length === 0);
  const current = progress.find(p => p.status !== `sealed`) ?? null;
  const gate = describeGate(current, state);
  const previews = taskPreviews(state, graph);
  const focus = [features.findIndex(f => ACTIVE.has(f.status)), features.findIndex(f => f.status === `pending`)].find(i => i !== -1);
  return {
    mode: `mission`, missionId: mission.id, missionTitle: mission.title, missionStatus: mission.status, effectiveStatus: effective,
    elapsedMs: Math.max(0, now - Date.parse(mission.approvedAt ?? mission.createdAt)),
    featureProgress: {done, total: features.length, active},
    statusProgress: {completed: done, total: features.length, inFlight: active, blocked: waiting, queued: ready.length, completionPct: percent(done, features.length)},
    missionOverview: {
      missionLabel: `Mission: ${mission.title}`, statusLabel: statusLabel(effective), activeCount: active, doneCount: done, totalCount: features.length,
      blockedCount: waiting, currentMilestone: current?.milestone.title ?? null, gateLabel: gate.label, agentSummary: [],
      dependencyMap: dependencyMap(features, graph),
    },
    activeFeature: focus === undefined ? null : previews[focus]!,
    features: featureRows(features, graph, claimsByFeature(mission.id, handoffs)),
    taskPreviews: previews,
    milestones: progress.map(toMilestoneRow),
    gateBlocked: gate.blocked, gateLabel: gate.label,
    canPause: mission.status === `executing`, canResume: mission.status === `paused`,
    agentGrid: agentGrid(features, handoffs, now),
    dispatchQueue: dispatchQueue(ready, progress),
    timelineMilestones: progress.map(p => ({
      id: p.milestoneId, title: p.milestone.title, order: p.order, kind: p.milestone.kind ?? `work`, profile: p.milestone.profile ?? `custom`,
      features: features.filter(f => f.milestoneId === p.milestoneId).map(featureRef), progressPct: p.featureCompletionPct,
    })),
    assertions: state.assertions.map((a): AssertionRow => ({
      id: a.id, alias: a.alias ?? null, milestoneId: a.milestoneId, featureId: a.featureId, result: a.result, description: a.description,
      evidence: a.evidence ?? null, waivedReason: a.waivedReason ?? null, updatedAt: a.updatedAt, updatedBy: a.updatedBy ?? null,
    })),
    progressLog: progressLog(state, now),
  };
}

/** Who depends on whom: a feature's unfinished dependencies, and the features that wait on it. */
interface DependencyGraph {
  byId: Map<string, Feature>;
  unmet: (feature: Feature) => string[];
  dependents: (featureId: string) => Feature[];
}

function dependencyGraph(features: Feature[]): DependencyGraph {
  const byId = new Map(features.map(feature => [feature.id, feature]));
  const dependents = new Map<string, Feature[]>();
  for (const feature of features) {
    for (const id of feature.dependsOn) {
      const list = dependents.get(id) ?? [];
      list.push(feature);
      dependents.set(id, list);
    }
  }
  return {
    byId,
    unmet: feature => feature.dependsOn.filter(id => byId.has(id) && byId.get(id)!.status !== `done`),
    dependents: id => dependents.get(id) ?? [],
  };
}

const featureRef = (feature: Feature) => ({id: feature.id, title: feature.title, status: feature.status});

function featureRows(features: Feature[], graph: DependencyGraph, claims: Map<string, Handoff>): FeatureRow[] {
  return features.map(feature => {
    const blockedBy = graph.unmet(feature);
    const claim = claims.get(feature.id);
    return {
      id: feature.id, title: feature.title, status: feature.status, milestoneId: feature.milestoneId, workerType: feature.workerType,
      hasReport: feature.report !== undefined, blockedByIds: blockedBy, ...(blockedBy.length > 0 ? {blockedByLabel: blockedBy.join(`,`)} : {}),
      updatedAt: feature.updatedAt, updatedBy: feature.updatedBy ?? null, claimedBy: claim?.claimedBy ?? null, claimHandoffId: claim?.id ?? null,
    };
  });
}

function taskPreviews(state: MissionState, graph: DependencyGraph): TaskPreviewPane[] {
  const milestoneTitle = new Map(state.milestones.map(m => [m.id, m.title]));
  return state.features.map(feature => ({
    id: feature.id, title: feature.title, status: feature.status, milestoneId: feature.milestoneId,
    milestoneTitle: milestoneTitle.get(feature.milestoneId) ?? feature.milestoneId, workerType: feature.workerType, description: feature.description,
    ...(feature.preconditions !== undefined ? {preconditions: feature.preconditions} : {}),
    ...(feature.expectedBehavior !== undefined ? {expectedBehavior: feature.expectedBehavior} : {}),
    verificationSteps: feature.verificationSteps, dependsOn: feature.dependsOn,
    blockedBy: graph.unmet(feature).map(id => featureRef(graph.byId.get(id)!)), unblocks: graph.dependents(feature.id).map(featureRef),
    fulfills: feature.fulfills, validTransitions: [...FEATURE_TRANSITIONS[feature.status]],
  }));
}

/** The features that can start now, earliest milestone first (the reference's dispatch queue). */
function dispatchQueue(ready: Feature[], progress: MilestoneProgress[]): MissionFields['dispatchQueue'] {
  const milestone = new Map(progress.map(p => [p.milestoneId, p]));
  return ready.map(f => ({f, order: milestone.get(f.milestoneId)?.order ?? 0})).sort((a, b) => a.order - b.order).map(({f, order}) => ({
    featureId: f.id, featureTitle: f.title, milestoneId: f.milestoneId, milestoneTitle: milestone.get(f.milestoneId)?.milestone.title ?? f.milestoneId,
    milestoneOrder: order, workerType: f.workerType, fitReason: f.dependsOn.length === 0 ? `no dependencies` : `dependencies done`,
  }));
}

/** `part` of `whole` in whole percent; 0 of nothing is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** `RUNNING` for executing, else the status in capitals (the reference's status strip). */
export function statusLabel(status: string): string {
  return status === `executing` ? `RUNNING` : status.toUpperCase();
}

/** The newest picked-up handoff linked to each feature of the mission: who holds that feature's claim. */
function claimsByFeature(missionId: string, handoffs: Handoff[]): Map<string, Handoff> {
  const claims = new Map<string, Handoff>();
  for (const handoff of handoffs) {
    if (handoff.status !== `picked-up` || !handoff.featureId || !handoff.claimedBy) continue;
    if (handoff.missionId !== undefined && handoff.missionId !== missionId) continue;
    if (!claims.has(handoff.featureId)) claims.set(handoff.featureId, handoff);
  }
  return claims;
}

/** The gate of the first unsealed milestone: blocked while one of its assertions is neither passed nor waived. */
function describeGate(current: MilestoneProgress | null, state: MissionState): {blocked: boolean; label: string | null} {
  if (!current) return {blocked: false, label: state.milestones.length === 0 ? null : `every milestone sealed`};
  const open = state.assertions.filter(a => a.milestoneId === current.milestoneId && !isTerminalResult(a.result));
  if (open.length === 0) return {blocked: false, label: `${current.milestoneId}: clear`};
  const names = open.slice(0, 3).map(a => `${a.id} ${a.result}`).join(`, `);
  return {blocked: true, label: `${current.milestoneId}: ${open.length} assertion${open.length === 1 ? `` : `s`} open (${names}${open.length > 3 ? `, …` : ``})`};
}

function toMilestoneRow(p: MilestoneProgress): MilestoneRow {
  return {
    id: p.milestoneId, title: p.milestone.title, status: p.status, order: p.order, kind: p.milestone.kind ?? `work`, profile: p.milestone.profile ?? `custom`,
    featureCount: p.featureCount, completedFeatures: p.completedFeatures, featureCompletionPct: p.featureCompletionPct,
    assertionCount: p.assertionCount, terminalAssertions: p.terminalAssertions, assertionCompletionPct: p.assertionCompletionPct,
    sealedAt: p.milestone.sealedAt ?? null,
  };
}

/** Up to two unfinished features that others wait on, each with its first waiting dependent. */
function dependencyMap(features: Feature[], graph: DependencyGraph): NonNullable<MissionFields['missionOverview']>['dependencyMap'] {
  return features.filter(f => f.status !== `done` && graph.dependents(f.id).length > 0).slice(0, 2).map(root => {
    const waiting = graph.dependents(root.id);
    const first = waiting[0]!;
    return {
      root: featureRef(root), primaryDependent: featureRef(first),
      primaryDependentBlockedByCount: graph.unmet(first).length, hiddenDependentCount: waiting.length - 1,
    };
  });
}

/** One row per worker type (reference §11.3): stale beats active beats waiting beats completed. */
function agentGrid(features: Feature[], handoffs: Handoff[], now: number): MissionControlSnapshot['agentGrid'] {
  const pendingBy = new Map<string, number>();
  for (const h of handoffs) if (h.status === `pending`) pendingBy.set(h.agent, (pendingBy.get(h.agent) ?? 0) + 1);
  const types = [...new Set([...features.map(f => f.workerType), ...pendingBy.keys()])];
  const rank = {active: 0, waiting: 1, stale: 2, completed: 3} as const;
  return types.map(workerType => {
    const own = features.filter(f => f.workerType === workerType);
    const current = own.find(f => ACTIVE.has(f.status));
    const last = own.reduce<string | undefined>((latest, f) => (latest === undefined || f.updatedAt > latest ? f.updatedAt : latest), undefined);
    const pending = pendingBy.get(workerType) ?? 0;
    const completed = own.filter(f => f.status === `done`).length;
    const isWorking = current !== undefined && (current.status === `assigned` || current.status === `in-progress`);
    const status: keyof typeof rank = isWorking && now - Date.parse(current.updatedAt) > STALE_MS ? `stale`
      : isWorking ? `active` : current?.status === `review` || pending > 0 ? `waiting` : own.length > 0 && completed === own.length ? `completed` : `waiting`;
    return {
      workerType, status, ...(current ? {activeFeatureId: current.id, activeFeatureTitle: current.title} : {}), ...(last ? {lastActivityAt: last} : {}),
      featureCount: own.length, completedCount: completed, pendingHandoffCount: pending,
    };
  }).sort((a, b) => rank[a.status] - rank[b.status] || (a.workerType < b.workerType ? -1 : 1));
}

/** The mission's story from its entities' times, newest first, at most EVENT_CAP events. */
function progressLog(state: MissionState, now: number): ProgressEvent[] {
  const {mission} = state;
  const events: Array<Omit<ProgressEvent, 'relativeMs'>> = [{timestamp: mission.createdAt, kind: `mission`, title: `Mission created`}];
  if (mission.approvedAt) events.push({timestamp: mission.approvedAt, kind: `mission`, title: `Mission approved`});
  if (mission.rejectedAt) events.push({timestamp: mission.rejectedAt, kind: `mission`, title: `Mission rejected`});
  if (mission.completedAt) events.push({timestamp: mission.completedAt, kind: `mission`, title: `Mission completed`});
  for (const milestone of state.milestones) if (milestone.sealedAt) events.push({timestamp: milestone.sealedAt, kind: `milestone`, title: `${milestone.id} sealed`});
  for (const feature of state.features) {
    if (feature.status !== `pending` || feature.updatedAt !== feature.createdAt)
      events.push({timestamp: feature.updatedAt, kind: `feature`, title: `${feature.id} moved to ${feature.status}`, ...(feature.updatedBy ? {detail: `by ${feature.updatedBy}`} : {})});
  }
  for (const assertion of state.assertions) {
    if (assertion.result !== `pending`) events.push({timestamp: assertion.updatedAt, kind: `assertion`, title: `${assertion.id}: ${assertion.result}`, ...(assertion.evidence ? {detail: assertion.evidence} : {})});
  }
  return sortEvents(events.map(e => ({...e, relativeMs: Math.max(0, now - Date.parse(e.timestamp))})));
}

/** Newest first, ties by title, capped. */
export function sortEvents(events: ProgressEvent[]): ProgressEvent[] {
  return events.sort((a, b) => (a.timestamp !== b.timestamp ? (a.timestamp < b.timestamp ? 1 : -1) : a.title < b.title ? -1 : 1)).slice(0, EVENT_CAP);
}
