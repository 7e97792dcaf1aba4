import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {decideIngest, type WorkerReply} from '../../lib/domain/reply.ts';
import {aFeature, anAssertion} from '../helpers/missions.ts';

const AT = `2026-11-25T10:00:00.000Z`;
const aReply = (with_: Partial<WorkerReply> = {}): WorkerReply =>
  ({missionId: `2026-11-25-0001abc`, featureId: `f`, outcome: `completed`, writtenAt: AT, writtenBy: `agent`, updatedAt: AT, ...with_});

describe(`decideIngest`, () => {
  it(`accepts completed for a feature in review whose assertions all passed or were waived: review -> done`, () => {
    const assertions = [anAssertion(`a`, `m`, {result: `passed`}), anAssertion(`b`, `m`, {result: `waived`}), anAssertion(`other`, `m`, {featureId: `g`})];

    const decision = decideIngest(aReply(), aFeature(`f`, `m`, {status: `review`}), assertions);

    assert.deepEqual(decision, {effectiveOutcome: `completed`, target: `done`, applies: true});
  });

  it(`downgrades completed to kicked-back when the feature is not in review, or an assertion is open`, () => {
    const inProgress = decideIngest(aReply(), aFeature(`f`, `m`, {status: `in-progress`}), []);
    const failing = decideIngest(aReply({notes: `looks done`}), aFeature(`f`, `m`, {status: `review`}), [anAssertion(`a`, `m`, {result: `failed`})]);

    assert.deepEqual(inProgress, {effectiveOutcome: `kicked-back`, downgradeReason: `feature f is in-progress, not in review`, target: `pending`, applies: false, retryReason: `feature f is in-progress, not in review`});
    assert.deepEqual(failing, {effectiveOutcome: `kicked-back`, downgradeReason: `assertion not passed: a`, target: `pending`, applies: true, retryReason: `looks done`});
  });

  it(`keeps a done feature done, and blocks a reviewed feature on abandoned`, () => {
    assert.deepEqual(decideIngest(aReply(), aFeature(`f`, `m`, {status: `done`}), []), {effectiveOutcome: `completed`, target: `done`, applies: false});
    assert.deepEqual(decideIngest(aReply({outcome: `abandoned`}), aFeature(`f`, `m`, {status: `review`}), []), {effectiveOutcome: `abandoned`, target: `blocked`, applies: true});
  });
});
