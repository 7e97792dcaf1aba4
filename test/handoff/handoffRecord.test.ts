import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isFor, markClaimed, markCompleted, newHandoff, readHandoff, type Handoff} from '../../lib/domain/handoff.ts';
import type {UkiContent} from '../../lib/domain/ukiContent.ts';
import {GateError, TransitionError} from '../../lib/errors.ts';

const AT = `2026-11-25T10:00:00.000Z`;
const LATER = `2026-11-25T11:00:00.000Z`;
const CONTENT: UkiContent = {
  mode: `execute`, currentState: `execute_in_progress`, sessionCore: `core`, causalDrivers: [], divergences: [], maestroRefs: {}, decisions: [], signalDelta: [],
  touchedFiles: [], completedWork: [], validation: [], artifacts: [`file_a_ts`], readMore: [`file_a_ts`], boundaryState: [], risks: [],
  nextAction: `next`, cs: {work: 0.9}, summary: `Summary`,
};

function aHandoff(with_: Partial<Handoff> = {}): Handoff {
  return {...newHandoff({id: `2026-11-25-0abc123`, at: AT, agent: `claude-code`, session: `s1`, content: CONTENT}), ...with_};
}

describe(`newHandoff`, () => {
  it(`is pending, renders its UKI and keeps the original's field names beside the flat ones`, () => {
    const handoff = newHandoff({id: `h1`, at: AT, agent: `claude-code`, session: `s1`, to: `codex`, content: CONTENT, missionId: `m-1`, featureId: `auth-impl`});

    assert.deepEqual({...handoff, content: undefined}, {
      id: `h1`, version: `5.4`, status: `pending`, agent: `claude-code`, session: `s1`, sessionId: `s1`, to: `codex`, createdAt: AT, timestamp: AT,
      mode: `execute`, summary: `Summary`, nextAction: `next`, missionId: `m-1`, featureId: `auth-impl`, content: undefined,
      uki: `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-core|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|MAESTRO_REFS-NONE|DECISIONS-NONE|SIGNAL_DELTA-NONE|TOUCHED_FILES-NONE|COMPLETED_WORK-NONE|VALIDATION-NONE|ARTIFACTS-file_a_ts|READ_MORE-file_a_ts|BOUNDARY_STATE-NONE|RISKS-NONE|NEXT_ACTION-next|CS-work_0.9|SUMMARY-Summary`,
    });
  });
});

describe(`readHandoff`, () => {
  it(`re-renders the UKI string from content, never trusting the stored one`, () => {
    const stored = {...aHandoff(), uki: `\u001b[31mspoofed`};

    const read = readHandoff(stored);

    assert.ok(`handoff` in read);
    assert.equal(read.handoff.uki, aHandoff().uki);
  });

  it(`reads a record of the original with only a v5.3 string, keeping its version`, () => {
    const v53 = `SESSION_CORE-legacy|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|KEY_DECISIONS-keep|DECISION_BASIS-NONE|SIGNAL_DELTA-NONE|VALIDATION_STATE-NONE|EXECUTION_STATE-half|BOUNDARY_STATE-NONE|NEXT_ACTION-go|ARTIFACTS-file_src_lib_uki_format_ts|STANCE_COLLAPSE-x|CS-work_0.5|SUMMARY-Old`;

    const read = readHandoff({id: `2026-04-09-001`, version: `5.3`, timestamp: AT, status: `pending`, agent: `codex`, sessionId: `none`, uki: v53});

    assert.ok(`handoff` in read);
    assert.equal(read.handoff.version, `5.3`);
    assert.deepEqual([read.handoff.createdAt, read.handoff.session, read.handoff.mode, read.handoff.summary], [AT, `none`, `execute`, `Old`]);
    assert.match(read.handoff.uki, /^MODE-execute\|.*\|READ_MORE-file_src_lib_uki_format_ts\|/);
  });

  it(`refuses a record whose content has an unknown mode, or no content at all`, () => {
    const badMode = readHandoff({...aHandoff(), content: {...CONTENT, mode: `review`}});
    const none = readHandoff({id: `h-demo`, status: `pending`, agent: `codex`, createdAt: AT});

    assert.ok(`problem` in badMode && /^content\.mode/.test(badMode.problem));
    assert.ok(`problem` in none && /content/.test(none.problem));
  });

  it(`keeps fields it does not know, as the original`, () => {
    const read = readHandoff({...aHandoff(), futureField: 42});

    assert.ok(`handoff` in read && (read.handoff as Record<string, unknown>).futureField === 42);
  });
});

describe(`the handoff state machine`, () => {
  it(`claims a pending handoff for one agent, with who and when under both names`, () => {
    const {handoff, changed} = markClaimed(aHandoff(), `codex`, LATER);

    assert.equal(changed, true);
    assert.deepEqual([handoff.status, handoff.claimedBy, handoff.claimedAt, handoff.pickedUpBy, handoff.pickedUpAt], [`picked-up`, `codex`, LATER, `codex`, LATER]);
  });

  it(`refuses a second claimer, naming the winner, and lets the winner claim again without change`, () => {
    const claimed = markClaimed(aHandoff(), `codex`, LATER).handoff;

    assert.throws(() => markClaimed(claimed, `gemini`, LATER), (error: unknown) => error instanceof GateError && error.message === `handoff 2026-11-25-0abc123 was already claimed by codex at ${LATER}`);
    assert.deepEqual(markClaimed(claimed, `codex`, AT), {handoff: claimed, changed: false});
  });

  it(`refuses a claim by an agent the handoff is not meant for`, () => {
    assert.throws(() => markClaimed(aHandoff({to: `codex`}), `gemini`, LATER), (error: unknown) => error instanceof GateError && /is for codex; gemini cannot claim it/.test(error.message));
    assert.deepEqual([isFor(aHandoff({to: `codex`}), `codex`), isFor(aHandoff({to: `codex`}), `gemini`), isFor(aHandoff(), `gemini`)], [true, false, true]);
  });

  it(`completes a picked-up handoff, refuses a pending one and leaves a completed one alone`, () => {
    const claimed = markClaimed(aHandoff(), `codex`, LATER).handoff;

    const {handoff} = markCompleted(claimed, `codex`, LATER, `shipped`);

    assert.deepEqual([handoff.status, handoff.completedAt, handoff.completedBy, handoff.report, handoff.claimedBy], [`completed`, LATER, `codex`, `shipped`, `codex`]);
    assert.throws(() => markCompleted(aHandoff(), `codex`, LATER), TransitionError);
    assert.equal(markCompleted(handoff, `codex`, AT).changed, false);
  });
});
