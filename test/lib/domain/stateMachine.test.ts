import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ASSERTION_RESULTS, ASSERTION_TRANSITIONS, isTerminalResult, type AssertionResult} from '../../../lib/domain/assertion.ts';
import {FEATURE_STATUSES, FEATURE_TRANSITIONS, type FeatureStatus} from '../../../lib/domain/feature.ts';
import {MISSION_STATUSES, MISSION_TRANSITIONS, type MissionStatus} from '../../../lib/domain/mission.ts';
import {checkTransition, type Transitions} from '../../../lib/domain/stateMachine.ts';
import {TransitionError} from '../../../lib/errors.ts';

// The allowed moves, written out from reference-missions.md §3.1, §3.3 and §3.4 (not read from the
// tables under test), so a change to a table fails here.
const MISSION_ALLOWED: Array<[MissionStatus, MissionStatus]> = [
  [`draft`, `approved`], [`draft`, `rejected`], [`approved`, `executing`], [`executing`, `validating`], [`executing`, `paused`],
  [`paused`, `executing`], [`validating`, `completed`], [`validating`, `failed`],
];
const FEATURE_ALLOWED: Array<[FeatureStatus, FeatureStatus]> = [
  [`pending`, `assigned`], [`pending`, `in-progress`], [`assigned`, `in-progress`], [`in-progress`, `review`],
  [`review`, `done`], [`review`, `blocked`], [`review`, `pending`], [`blocked`, `pending`],
];
const ASSERTION_ALLOWED: Array<[AssertionResult, AssertionResult]> = [
  [`pending`, `passed`], [`pending`, `failed`], [`pending`, `blocked`], [`pending`, `waived`],
  [`failed`, `pending`], [`blocked`, `pending`], [`blocked`, `waived`],
];

function refusal<S extends string>(what: string, table: Transitions<S>, from: S, to: S): TransitionError {
  try {
    checkTransition(what, table, from, to, `maestro show`);
  } catch (error) {
    assert.ok(error instanceof TransitionError, `expected a TransitionError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${what} ${from} -> ${to} was allowed`);
}

/** Every pair of states: the allowed ones pass, the others are refused, same-state always passes. */
function checkWholeTable<S extends string>(what: string, table: Transitions<S>, states: readonly S[], allowed: Array<[S, S]>): void {
  const isAllowed = (from: S, to: S) => from === to || allowed.some(([a, b]) => a === from && b === to);
  for (const from of states) {
    for (const to of states) {
      if (isAllowed(from, to)) assert.doesNotThrow(() => checkTransition(what, table, from, to, `maestro show`), `${from} -> ${to}`);
      else assert.equal(refusal(what, table, from, to).message, `invalid ${what} transition: ${from} -> ${to}`);
    }
  }
}

describe(`mission state machine`, () => {
  it(`allows exactly the reference's transitions`, () => {
    for (const [from, to] of MISSION_ALLOWED) assert.doesNotThrow(() => checkTransition(`mission`, MISSION_TRANSITIONS, from, to, `maestro show`));

    checkWholeTable(`mission`, MISSION_TRANSITIONS, MISSION_STATUSES, MISSION_ALLOWED);
  });

  it(`refuses approved -> draft naming the valid next states and the show command`, () => {
    const error = refusal(`mission`, MISSION_TRANSITIONS, `approved`, `draft`);

    assert.equal(error.exitCode, 1);
    assert.equal(error.message, `invalid mission transition: approved -> draft`);
    assert.equal(error.hint, `valid transitions from approved: executing; see the current state with \`maestro show\``);
  });

  it(`refuses leaving a terminal status, saying it is terminal`, () => {
    for (const terminal of [`rejected`, `completed`, `failed`] as const) {
      assert.match(refusal(`mission`, MISSION_TRANSITIONS, terminal, `executing`).hint ?? ``, new RegExp(`^${terminal} is a terminal state - no transitions allowed`));
    }
  });

  it(`refuses skipping ahead: draft -> executing, approved -> completed, executing -> completed`, () => {
    for (const [from, to] of [[`draft`, `executing`], [`approved`, `completed`], [`executing`, `completed`]] as const)
      assert.equal(refusal(`mission`, MISSION_TRANSITIONS, from, to).message, `invalid mission transition: ${from} -> ${to}`);
  });
});

describe(`feature state machine`, () => {
  it(`allows exactly the reference's transitions, retries included`, () => {
    for (const [from, to] of FEATURE_ALLOWED) assert.doesNotThrow(() => checkTransition(`feature`, FEATURE_TRANSITIONS, from, to, `maestro show`));

    checkWholeTable(`feature`, FEATURE_TRANSITIONS, FEATURE_STATUSES, FEATURE_ALLOWED);
  });

  it(`allows a same-status update (it only re-stamps)`, () => {
    for (const status of FEATURE_STATUSES) assert.doesNotThrow(() => checkTransition(`feature`, FEATURE_TRANSITIONS, status, status, `maestro show`));
  });

  it(`refuses done -> pending: done is terminal`, () => {
    const error = refusal(`feature`, FEATURE_TRANSITIONS, `done`, `pending`);

    assert.equal(error.message, `invalid feature transition: done -> pending`);
    assert.match(error.hint ?? ``, /^done is a terminal state - no transitions allowed/);
  });

  it(`refuses pending -> review, pending -> done and in-progress -> done`, () => {
    for (const [from, to] of [[`pending`, `review`], [`pending`, `done`], [`in-progress`, `done`]] as const)
      assert.match(refusal(`feature`, FEATURE_TRANSITIONS, from, to).hint ?? ``, new RegExp(`^valid transitions from ${from}: `));
  });
});

describe(`assertion state machine`, () => {
  it(`allows exactly the reference's transitions`, () => {
    for (const [from, to] of ASSERTION_ALLOWED) assert.doesNotThrow(() => checkTransition(`assertion`, ASSERTION_TRANSITIONS, from, to, `maestro show`));

    checkWholeTable(`assertion`, ASSERTION_TRANSITIONS, ASSERTION_RESULTS, ASSERTION_ALLOWED);
  });

  it(`refuses passed -> failed: passed is terminal`, () => {
    assert.match(refusal(`assertion`, ASSERTION_TRANSITIONS, `passed`, `failed`).hint ?? ``, /^passed is a terminal state/);
  });

  it(`refuses failed -> passed (a failed assertion goes back to pending first)`, () => {
    assert.equal(refusal(`assertion`, ASSERTION_TRANSITIONS, `failed`, `passed`).hint, `valid transitions from failed: pending; see the current state with \`maestro show\``);
  });

  it(`counts only passed and waived as terminal`, () => {
    assert.deepEqual(ASSERTION_RESULTS.filter(isTerminalResult), [`passed`, `waived`]);
  });
});
