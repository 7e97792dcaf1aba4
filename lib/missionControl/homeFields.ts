import {STATE_REF} from '../store/types.ts';
import type {MissionFields} from './deriveMissionView.ts';
import type {MissionControlSnapshot} from './missionControlSnapshot.ts';

export interface HomeFacts {
  /** Whether `refs/maestro/main` exists. */
  initialised: boolean;
  worktree: string;
  missions: number;
}

/** The mission fields of home mode (no mission to show): the reference's placeholders, every count 0. */
export function homeFields(facts: HomeFacts): MissionFields {
  return {
    mode: `home`, missionId: `home`, missionTitle: headline(facts), missionStatus: `approved`, effectiveStatus: `approved`, elapsedMs: 0,
    featureProgress: {done: 0, total: 0, active: 0},
    statusProgress: {completed: 0, total: 0, inFlight: 0, blocked: 0, queued: 0, completionPct: 0},
    missionOverview: null, activeFeature: null, features: [], taskPreviews: [], milestones: [], gateBlocked: false, gateLabel: null,
    canPause: false, canResume: false, agentGrid: [], dispatchQueue: [], timelineMilestones: [], assertions: [], progressLog: [],
  };
}

/** What home mode tells a person: where they are and the next command to run (reference §11.3 `home`). */
export function homeDetails(facts: HomeFacts): Omit<NonNullable<MissionControlSnapshot['home']>, 'pendingHandoffs'> {
  const {initialised, missions} = facts;
  const first = initialised
    ? {label: `Create a mission`, command: `maestro mission create --file plan.json`, detail: `a plan of milestones and features (the README's quick start)`}
    : {label: `Initialise maestro`, command: `maestro init`, detail: `creates refs/maestro/main in this repository`};
  return {
    headline: headline(facts),
    summary: initialised ? `Create a mission; Mission Control follows it live as agents work.` : `Initialise this repository, then create your first mission.`,
    locationLabel: facts.worktree,
    checks: [
      {name: `state`, status: initialised ? `ok` : `fail`, detail: initialised ? `${STATE_REF} exists` : `no ${STATE_REF} yet`},
      {name: `missions`, status: missions > 0 ? `ok` : `warn`, detail: `${missions} mission${missions === 1 ? `` : `s`}`},
    ],
    actions: [first, {label: `Check the repository`, command: `maestro doctor`, detail: `git, state ref, lock, mirror, identity`}],
  };
}

function headline(facts: HomeFacts): string {
  return facts.initialised ? `No missions yet` : `maestro is not initialised here`;
}
