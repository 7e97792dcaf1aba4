import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bigPlan} from '../../../scripts/fixtures/bigPlan.mjs';
import {maestro, missionRepos, parseJson} from '../../helpers/missions.ts';

// Slow (several seconds: 4,000 state files and their mirror): the benchmark's plan, 50 milestones of
// 40 chained features. Run it alone with `npm test -- slow`.
describe(`maestro mission create with a 2,000-feature plan (slow)`, {timeout: 60_000}, () => {
  const repos = missionRepos();

  it(`creates the mission in one commit and lists its 2,000 features`, async () => {
    const repo = await repos.initialised();
    const plan = bigPlan({milestones: 50, featuresPerMilestone: 40});

    const created = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--json`], {stdin: JSON.stringify(plan)});
    const missionId = parseJson(created).mission.id;
    const list = parseJson(await maestro(repo, [`feature`, `list`, `--mission`, missionId, `--json`]));
    const next = parseJson(await maestro(repo, [`feature`, `next`, `--mission`, missionId, `--json`]));

    assert.equal(created.code, 0, created.stderr);
    assert.equal(repo.git([`rev-list`, `--count`, `refs/maestro/main`]).trim(), `2`);
    assert.equal(list.total, 2_000);
    assert.deepEqual(list.features.map((f: {id: string}) => f.id), plan.features.map(f => f.id));
    assert.equal(repo.git([`ls-tree`, `--name-only`, `refs/maestro/main:missions/${missionId}/assertions`]).trim().split(`\n`).length, 2_000);
    assert.equal(next.ready.length, 50);
    assert.equal(next.waiting, 1_950);
  });
});

describe(`bigPlan`, () => {
  it(`chains the features of each milestone, each with two steps and one assertion`, () => {
    const plan = bigPlan({milestones: 2, featuresPerMilestone: 3});

    assert.deepEqual(plan.milestones.map(m => [m.id, m.order]), [[`ms-1`, 0], [`ms-2`, 1]]);
    assert.deepEqual(plan.features.map(f => [f.id, f.dependsOn ?? []]), [
      [`ms-1-f-1`, []], [`ms-1-f-2`, [`ms-1-f-1`]], [`ms-1-f-3`, [`ms-1-f-2`]],
      [`ms-2-f-1`, []], [`ms-2-f-2`, [`ms-2-f-1`]], [`ms-2-f-3`, [`ms-2-f-2`]],
    ]);
    assert.ok(plan.features.every(f => f.verificationSteps.length === 2 && f.fulfills.length === 1));
  });
});
