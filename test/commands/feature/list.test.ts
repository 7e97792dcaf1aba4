import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, maestroJson, missionRepos, parseJson, planJson, whatIsWritten} from '../../helpers/missions.ts';

const ids = (features: Array<{id: string}>) => features.map(f => f.id);

describe(`maestro feature list`, () => {
  const repos = missionRepos();

  it(`lists the features in plan order with status, title and milestone`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `list`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.split(`\n`), [
      `2 feature(s) (total: 2)`, ``,
      `auth-plan  pending       Plan the auth flow                        [plan]`,
      `auth-impl  pending       Implement the auth flow                   [implement]`, ``,
    ]);
  });

  it(`filters by --status and --milestone, counting the filtered and the total`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const started = parseJson(await maestro(repo, [`feature`, `list`, `--mission`, missionId, `--status`, `in-progress`, `--json`]));
    const implement = parseJson(await maestro(repo, [`feature`, `list`, `--mission`, missionId, `--milestone`, `implement`, `--json`]));
    const none = await maestro(repo, [`feature`, `list`, `--mission`, missionId, `--status`, `done`]);

    assert.deepEqual([ids(started.features), started.filtered, started.total], [[`auth-plan`], 1, 2]);
    assert.deepEqual([ids(implement.features), implement.filtered, implement.total], [[`auth-impl`], 1, 2]);
    assert.equal(none.stdout, `No features found\n`);
  });

  it(`refuses an unknown --status with exit 2, listing the statuses`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`feature`, `list`, `--mission`, missionId, `--status`, `in_progress`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --status "in_progress" is not a feature status; hint: use one of: pending, assigned, in-progress, review, done, blocked\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses an unknown mission with exit 2`, async () => {
    const {repo} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `list`, `--mission`, `nope`, `--json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(JSON.parse(result.stderr).error.code, `E_NOT_FOUND`);
  });
});

describe(`maestro feature show`, () => {
  const repos = missionRepos();

  it(`shows a feature with its steps, dependencies and assertions`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `show`, `auth-impl`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Feature: auth-impl\n {2}Title: Implement the auth flow\n {2}Status: pending\n {2}Milestone: implement\n {2}Worker type: codex\n/);
    assert.match(result.stdout, /\nVerification steps:\n {2}1\. Run build\n {2}2\. Run targeted tests\n {2}3\. Verify the login flow manually\n/);
    assert.match(result.stdout, /\nDepends on:\n {2}- auth-plan \(pending\)\n/);
    assert.match(result.stdout, /\nAssertions:\n {2}- auth-login-works \(pending\): auth-login-works\n/);
  });

  it(`prints {feature, dependencies, dependents, assertions, ready} with --json`, async () => {
    const {repo, missionId} = await repos.withMission();

    const plan = parseJson(await maestro(repo, [`feature`, `show`, `auth-plan`, `--mission`, missionId, `--json`]));
    const impl = parseJson(await maestro(repo, [`feature`, `show`, `auth-impl`, `--mission`, missionId, `--json`]));

    assert.deepEqual([plan.feature.id, plan.dependents, plan.ready], [`auth-plan`, [`auth-impl`], true]);
    assert.deepEqual([impl.dependencies, impl.ready, ids(impl.assertions)], [[{id: `auth-plan`, status: `pending`}], false, [`auth-login-works`]]);
  });

  it(`refuses an unknown feature with exit 2 and the list command as hint`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `show`, `auth-imp`, `--mission`, missionId]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: feature auth-imp not found in mission ${missionId}; hint: list features with \`maestro feature list --mission ${missionId}\`\n`);
  });
});

describe(`maestro feature next`, () => {
  const repos = missionRepos();
  const twoWorkers = () => planJson(plan => {
    plan.features.push({...plan.features[0]!, id: `auth-docs`, workerType: `gemini`, title: `Document the auth flow`});
  });

  it(`lists the pending features whose dependencies are done, and how many wait`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `next`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `1 feature(s) ready to start:\n  auth-plan  codex         Plan the auth flow\n1 pending feature(s) wait for their dependencies\n`);
  });

  it(`offers a feature once its dependencies are done, and no longer offers started ones`, async () => {
    const {repo, missionId} = await repos.withMission();
    for (const status of [`in-progress`, `review`, `done`]) await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status]);

    const view = parseJson(await maestro(repo, [`feature`, `next`, `--mission`, missionId, `--json`]));

    assert.deepEqual([view.missionId, ids(view.ready), view.waiting], [missionId, [`auth-impl`], 0]);
  });

  it(`keeps to one worker type with --worker`, async () => {
    const repo = await repos.initialised();
    const missionId = await createMission(repo, twoWorkers());

    const gemini = parseJson(await maestro(repo, [`feature`, `next`, `--mission`, missionId, `--worker`, `gemini`, `--json`]));
    const claude = await maestro(repo, [`feature`, `next`, `--mission`, missionId, `--worker`, `claude-code`]);

    assert.deepEqual(ids(gemini.ready), [`auth-docs`]);
    assert.equal(claude.stdout, `No feature is ready to start\n`);
  });
});
