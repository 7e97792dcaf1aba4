import {isTerminalResult, type Assertion} from './assertion.ts';
import type {Feature} from './feature.ts';
import type {Milestone, Mission, MissionStatus} from './mission.ts';

export type MilestoneStatus = `pending` | `executing` | `validating` | `sealed` | `failed`;

export interface MilestoneProgress {
  milestoneId: string;
  milestone: Milestone;
  order: number;
  featureCount: number;
  completedFeatures: number;
  featureCompletionPct: number;
  assertionCount: number;
  passedAssertions: number;
  waivedAssertions: number;
  terminalAssertions: number;
  assertionCompletionPct: number;
  waivedAssertionIds: string[];
  status: MilestoneStatus;
}

export interface ProgressSummary {
  totalFeatures: number;
  totalCompletedFeatures: number;
  overallFeaturePct: number;
  totalAssertions: number;
  totalTerminalAssertions: number;
  overallAssertionPct: number;
  totalWaivedAssertions: number;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * Milestone statuses are derived, never stored except sealing (reference §4.5): the first unsealed
 * milestone by order is active; it is executing once a feature started and validating once all its
 * features are done; every later one is pending.
 */
export function deriveMilestones(mission: Mission, milestones: Milestone[], features: Feature[], assertions: Assertion[]): MilestoneProgress[] {
  const sorted = [...milestones].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  let activeSeen = false;
  return sorted.map(milestone => {
    const own = features.filter(feature => feature.milestoneId === milestone.id);
    const checks = assertions.filter(assertion => assertion.milestoneId === milestone.id);
    const passed = checks.filter(a => a.result === `passed`).length;
    const waived = checks.filter(a => a.result === `waived`);
    let status: MilestoneStatus;
    if (milestone.sealedAt) status = `sealed`;
    else if (activeSeen) status = `pending`;
    else {
      activeSeen = true;
      status = activeStatus(mission.status, own);
    }
    const completed = own.filter(feature => feature.status === `done`).length;
    const terminal = checks.filter(a => isTerminalResult(a.result)).length;
    return {
      milestoneId: milestone.id, milestone, order: milestone.order,
      featureCount: own.length, completedFeatures: completed, featureCompletionPct: pct(completed, own.length),
      assertionCount: checks.length, passedAssertions: passed, waivedAssertions: waived.length, terminalAssertions: terminal,
      assertionCompletionPct: pct(terminal, checks.length), waivedAssertionIds: waived.map(a => a.id), status,
    };
  });
}

function activeStatus(missionStatus: MissionStatus, features: Feature[]): MilestoneStatus {
  if (features.some(feature => feature.status !== `pending`))
    return features.length > 0 && features.every(feature => feature.status === `done`) ? `validating` : `executing`;
  if (missionStatus === `executing` || missionStatus === `validating` || missionStatus === `failed`) return missionStatus;
  return `pending`;
}

/** The status a person should see: completed once every milestone is sealed, else the active phase. */
export function effectiveMissionStatus(mission: Mission, progress: MilestoneProgress[]): MissionStatus {
  if ([`draft`, `rejected`, `completed`, `failed`].includes(mission.status)) return mission.status;
  if (progress.length > 0 && progress.every(p => p.status === `sealed`)) return `completed`;
  const active = progress.find(p => p.status !== `sealed`);
  if (active && active.status !== `pending` && active.status !== `sealed`) return active.status as MissionStatus;
  return mission.status;
}

export function summarise(features: Feature[], assertions: Assertion[]): ProgressSummary {
  const done = features.filter(feature => feature.status === `done`).length;
  const terminal = assertions.filter(a => isTerminalResult(a.result)).length;
  return {
    totalFeatures: features.length, totalCompletedFeatures: done, overallFeaturePct: pct(done, features.length),
    totalAssertions: assertions.length, totalTerminalAssertions: terminal, overallAssertionPct: pct(terminal, assertions.length),
    totalWaivedAssertions: assertions.filter(a => a.result === `waived`).length,
  };
}
