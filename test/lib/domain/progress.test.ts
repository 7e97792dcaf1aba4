import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Feature} from '../../../lib/domain/feature.ts';
import type {MissionStatus} from '../../../lib/domain/mission.ts';
import {deriveMilestones, effectiveMissionStatus, summarise} from '../../../lib/domain/progress.ts';
import {aFeature, aMilestone, aMission, anAssertion} from '../../helpers/missions.ts';

const SEALED = {sealedAt: `2026-11-25T11:00:00.000Z`};
const milestones = (sealed: string[] = []) =>
  [aMilestone(`build`, 1), aMilestone(`plan`, 0), aMilestone(`ship`, 2)].map(m => (sealed.includes(m.id) ? {...m, ...SEALED} : m));
const features = (statuses: Partial<Record<string, Feature['status']>> = {}) => [
  aFeature(`p1`, `plan`, {status: statuses.p1 ?? `pending`}),
  aFeature(`p2`, `plan`, {status: statuses.p2 ?? `pending`}),
  aFeature(`b1`, `build`, {status: statuses.b1 ?? `pending`}),
  aFeature(`s1`, `ship`, {status: statuses.s1 ?? `pending`}),
];

function statuses(missionStatus: MissionStatus, featureStatuses: Partial<Record<string, Feature['status']>> = {}, sealed: string[] = []) {
  const progress = deriveMilestones(aMission({status: missionStatus}), milestones(sealed), features(featureStatuses), []);
  return {milestones: progress.map(p => `${p.milestoneId}:${p.status}`), effective: effectiveMissionStatus(aMission({status: missionStatus}), progress)};
}

describe(`deriveMilestones`, () => {
  it(`orders milestones by order and leaves every one pending before work starts`, () => {
    assert.deepEqual(statuses(`approved`).milestones, [`plan:pending`, `build:pending`, `ship:pending`]);
  });

  it(`makes the first unsealed milestone executing once one of its features started; later ones stay pending`, () => {
    assert.deepEqual(statuses(`executing`, {p1: `in-progress`}).milestones, [`plan:executing`, `build:pending`, `ship:pending`]);
  });

  it(`makes it validating once all its features are done`, () => {
    assert.deepEqual(statuses(`executing`, {p1: `done`, p2: `done`}).milestones, [`plan:validating`, `build:pending`, `ship:pending`]);
  });

  it(`ignores work started in a later milestone: only the active one moves`, () => {
    assert.deepEqual(statuses(`executing`, {b1: `in-progress`}).milestones, [`plan:executing`, `build:pending`, `ship:pending`]);
  });

  it(`moves the active phase to the next milestone once the first is sealed, even with its features not done`, () => {
    assert.deepEqual(statuses(`executing`, {p1: `in-progress`}, [`plan`]).milestones, [`plan:sealed`, `build:executing`, `ship:pending`]);
  });

  it(`takes the mission's executing, validating or failed status for an active milestone with nothing started`, () => {
    assert.deepEqual(statuses(`executing`).milestones[0], `plan:executing`);
    assert.deepEqual(statuses(`validating`).milestones[0], `plan:validating`);
    assert.deepEqual(statuses(`failed`).milestones[0], `plan:failed`);
    assert.deepEqual(statuses(`paused`).milestones[0], `plan:pending`);
  });

  it(`shows a draft mission's active milestone as executing when a feature started anyway`, () => {
    assert.deepEqual(statuses(`draft`, {p1: `in-progress`}).milestones[0], `plan:executing`);
  });

  it(`counts done features and passed plus waived assertions, with rounded percentages`, () => {
    const progress = deriveMilestones(aMission({status: `executing`}), milestones(), features({p1: `done`}), [
      anAssertion(`a1`, `plan`, {result: `passed`}), anAssertion(`a2`, `plan`, {result: `waived`, waivedReason: `manual`}), anAssertion(`a3`, `plan`, {result: `failed`}),
    ]);

    const plan = progress.find(p => p.milestoneId === `plan`)!;
    assert.deepEqual({...plan, milestone: undefined}, {
      milestoneId: `plan`, milestone: undefined, order: 0, featureCount: 2, completedFeatures: 1, featureCompletionPct: 50,
      assertionCount: 3, passedAssertions: 1, waivedAssertions: 1, terminalAssertions: 2, assertionCompletionPct: 67,
      waivedAssertionIds: [`a2`], status: `executing`,
    });
    assert.equal(progress.find(p => p.milestoneId === `ship`)!.assertionCompletionPct, 0);
  });
});

describe(`effectiveMissionStatus`, () => {
  it(`returns draft, rejected, completed and failed unchanged`, () => {
    for (const status of [`draft`, `rejected`, `completed`, `failed`] as const)
      assert.equal(statuses(status, {p1: `done`, p2: `done`}, [`plan`, `build`, `ship`]).effective, status);
  });

  it(`is completed once every milestone is sealed, while the stored status is still executing`, () => {
    assert.equal(statuses(`executing`, {}, [`plan`, `build`, `ship`]).effective, `completed`);
  });

  it(`is executing for an approved mission with started work`, () => {
    assert.equal(statuses(`approved`, {p1: `in-progress`}).effective, `executing`);
  });

  it(`is validating for an executing mission whose active milestone has all features done`, () => {
    assert.equal(statuses(`executing`, {p1: `done`, p2: `done`}).effective, `validating`);
  });

  it(`shows a paused mission with started work as executing (the original's quirk, kept)`, () => {
    assert.equal(statuses(`paused`, {p1: `in-progress`}).effective, `executing`);
  });

  it(`falls back to the stored status while the active milestone is pending`, () => {
    assert.equal(statuses(`approved`).effective, `approved`);
    assert.equal(statuses(`paused`).effective, `paused`);
  });

  it(`keeps the stored status of a mission without milestones`, () => {
    assert.equal(effectiveMissionStatus(aMission({status: `executing`}), []), `executing`);
  });
});

describe(`summarise`, () => {
  it(`totals features and assertions across milestones, 0% of nothing being 0`, () => {
    const summary = summarise(features({p1: `done`, b1: `done`, s1: `done`}), [anAssertion(`a1`, `plan`, {result: `waived`, waivedReason: `r`}), anAssertion(`a2`, `build`)]);

    assert.deepEqual(summary, {
      totalFeatures: 4, totalCompletedFeatures: 3, overallFeaturePct: 75,
      totalAssertions: 2, totalTerminalAssertions: 1, overallAssertionPct: 50, totalWaivedAssertions: 1,
    });
    assert.equal(summarise([], []).overallFeaturePct, 0);
  });
});
