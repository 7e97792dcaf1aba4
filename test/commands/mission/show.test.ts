import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, maestroJson, missionRepos, parseJson} from '../../helpers/missions.ts';

describe(`maestro mission show`, () => {
  const repos = missionRepos();

  it(`shows the mission, its derived progress per milestone and its features`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `show`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split(`\n`);
    assert.deepEqual(lines.slice(0, 3), [`Mission: ${missionId}`, `  Title: Add authentication`, `  Status: draft`]);
    assert.ok(lines.includes(`Description: Ship the first authentication slice`));
    assert.ok(lines.includes(`Progress: [plan: pending] [implement: pending]`));
    assert.ok(lines.includes(`2. implement  pending       Implementation`));
    assert.deepEqual(lines.slice(-4), [`Features (2):`, `  - auth-plan`, `  - auth-impl`, ``]);
  });

  it(`accepts any unique prefix of the id`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `show`, missionId.slice(0, 12)]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Mission: ${missionId}\n`));
  });

  it(`prints {mission, effectiveMissionStatus, milestones, summary} with --json`, async () => {
    const {repo, missionId} = await repos.withMission();

    const view = parseJson(await maestro(repo, [`mission`, `show`, missionId, `--json`]));

    assert.equal(view.mission.id, missionId);
    assert.equal(view.effectiveMissionStatus, `draft`);
    assert.deepEqual(view.milestones.map((m: {milestoneId: string; status: string; order: number}) => [m.milestoneId, m.status, m.order]), [[`plan`, `pending`, 0], [`implement`, `pending`, 1]]);
    assert.deepEqual(view.summary, {totalFeatures: 2, totalCompletedFeatures: 0, overallFeaturePct: 0, totalAssertions: 1, totalTerminalAssertions: 0, overallAssertionPct: 0, totalWaivedAssertions: 0});
  });

  it(`shows the effective status beside the stored one once work started`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `approve`, missionId]);
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    await maestroJson(repo, [`mission`, `update`, missionId, `--status`, `paused`]);

    const result = await maestro(repo, [`mission`, `show`, missionId]);

    assert.match(result.stdout, /\n {2}Status: executing\n/);
    assert.match(result.stdout, /\n {2}Stored status: paused\n/);
    assert.match(result.stdout, /\nProgress: \[plan: executing 0\/1\] \[implement: pending\]\n/);
  });

  it(`refuses an unknown id with exit 2 and the list command as hint`, async () => {
    const {repo} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `show`, `2020-01-01-nope`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr, `maestro: mission 2020-01-01-nope not found; hint: list missions with \`maestro mission list\`\n`);
  });

  it(`refuses an ambiguous prefix with exit 2 naming the candidates`, async () => {
    const {repo, missionId} = await repos.withMission();
    const other = await createMission(repo);

    let common = 0;
    while (missionId[common] === other[common]) common++;

    const result = await maestro(repo, [`mission`, `show`, missionId.slice(0, common)]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr.split(`\n`).length, 2);
    assert.match(result.stderr, new RegExp(`^maestro: mission "${missionId.slice(0, common)}" is ambiguous: it matches `));
    assert.ok(result.stderr.includes(missionId) && result.stderr.includes(other));
  });

  it(`reports an unknown id as one JSON error with --json`, async () => {
    const {repo} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `show`, `nope`, `--json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(JSON.parse(result.stderr).error.code, `E_NOT_FOUND`);
  });
});
