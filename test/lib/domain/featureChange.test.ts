import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {applyFeatureChange} from '../../../lib/domain/feature.ts';
import {aFeature} from '../../helpers/missions.ts';

describe(`applyFeatureChange`, () => {
  it(`logs a move back to pending with a reason as a retry, and stamps who and when`, () => {
    const feature = aFeature(`f`, `m1`, {status: `review`});

    const next = applyFeatureChange(feature, {status: `pending`, retryReason: `tests fail`}, `2026-11-25T10:00:00.000Z`, `codex`);

    assert.equal(next.status, `pending`);
    assert.deepEqual(next.retryLog, [{reason: `tests fail`, timestamp: `2026-11-25T10:00:00.000Z`, previousStatus: `review`, agent: `codex`}]);
    assert.deepEqual([next.updatedAt, next.updatedBy], [`2026-11-25T10:00:00.000Z`, `codex`]);
  });

  it(`logs no retry when the status does not change, and attaches a report alone`, () => {
    const feature = aFeature(`f`, `m1`, {status: `pending`});
    const report = {salientSummary: `done`, whatWasImplemented: ``, whatWasLeftUndone: ``, verification: {commandsRun: [], interactiveChecks: []}, tests: {added: []}, discoveredIssues: []};

    const next = applyFeatureChange(feature, {status: `pending`, retryReason: `again`, report}, `2026-11-25T10:00:00.000Z`, `codex`);

    assert.equal(next.retryLog, undefined);
    assert.deepEqual(next.report, report);
  });
});
