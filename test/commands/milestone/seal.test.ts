import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, maestroJson, missionRepos, parseJson, planJson, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro milestone seal`, () => {
  const repos = missionRepos();
  const pass = (repo: Parameters<typeof maestroJson>[0], missionId: string, assertion: string) =>
    maestroJson(repo, [`validate`, `update`, assertion, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test`]);

  it(`refuses while an assertion is pending, naming it, with exit 1, and writes nothing`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr, `maestro: cannot seal milestone implement: 1 assertion(s) not passed or waived: auth-login-works (pending); hint: pass or waive them with \`maestro validate update <assertion> --mission ${missionId} --result passed\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`names every blocking assertion with its result, and only those`, async () => {
    const repo = await repos.initialised();
    const missionId = await createMission(repo, planJson(plan => { plan.features[1]!.fulfills = [`login works`, `logout works`, `tokens expire`]; }));
    await pass(repo, missionId, `login-works`);
    await maestroJson(repo, [`validate`, `update`, `tokens-expire`, `--mission`, missionId, `--result`, `failed`]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId, `--json`]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    const error = JSON.parse(result.stderr).error;
    assert.equal(error.code, `E_GATE`);
    assert.equal(error.message, `cannot seal milestone implement: 2 assertion(s) not passed or waived: logout-works (pending), tokens-expire (failed)`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`seals once every assertion passed: records sealedAt and commits the command as typed`, async () => {
    const {repo, missionId} = await repos.withMission();
    await pass(repo, missionId, `auth-login-works`);

    const result = await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `[ok] Milestone sealed: implement\n  Title: Implementation\n  Status: sealed\n  All 1 assertion(s) are in terminal state\n`);
    const milestone = JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/milestones/implement.json`]));
    assert.match(milestone.sealedAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(milestone.sealedBy, `test-agent`);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim(), `maestro milestone seal implement --mission ${missionId}`);
  });

  it(`prints {mission, milestone, progress, sealed, ...} with --json`, async () => {
    const {repo, missionId} = await repos.withMission();
    await pass(repo, missionId, `auth-login-works`);

    const view = parseJson(await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId, `--json`]));

    assert.equal(view.sealed, true);
    assert.equal(view.alreadySealed, false);
    assert.deepEqual(view.blockingAssertionIds, []);
    assert.equal(view.progress.status, `sealed`);
    assert.deepEqual(view.mission.completedMilestoneIds, [`implement`]);
  });

  it(`says a second seal found the milestone already sealed, and makes no commit`, async () => {
    const {repo, missionId} = await repos.withMission();
    await pass(repo, missionId, `auth-login-works`);
    await maestroJson(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId]);
    const before = whatIsWritten(repo);

    const text = await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId]);
    const json = parseJson(await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId, `--json`]));

    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^\[ok\] Milestone implement was already sealed \(at \d{4}-.+\); nothing changed\n$/);
    assert.equal(json.alreadySealed, true);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`seals a milestone without assertions at once, and says Gate for a gate`, async () => {
    const repo = await repos.initialised();
    const missionId = await createMission(repo, planJson(plan => { plan.milestones[0]!.kind = `gate`; }));

    const result = await maestro(repo, [`milestone`, `seal`, `plan`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[ok\] Gate sealed: plan\n/);
    assert.match(result.stdout, /All 0 assertion\(s\) are in terminal state/);
  });

  it(`reports the executing -> validating step when the milestone had work in progress`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const view = parseJson(await maestro(repo, [`milestone`, `seal`, `plan`, `--mission`, missionId, `--json`]));
    const show = await maestroJson(repo, [`mission`, `show`, missionId]);

    assert.equal(view.autoTransitioned, true);
    assert.deepEqual(show.milestones.map((m: {status: string}) => m.status), [`sealed`, `pending`]);
  });

  it(`lists waived assertions and completes the mission once every milestone is sealed`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `approve`, missionId]);
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `waived`, `--reason`, `covered by e2e`]);
    await maestroJson(repo, [`milestone`, `seal`, `plan`, `--mission`, missionId]);

    const result = await maestro(repo, [`milestone`, `seal`, `implement`, `--mission`, missionId]);
    const show = await maestroJson(repo, [`mission`, `show`, missionId]);

    assert.match(result.stdout, /\n {2}Waived assertions: 1\n {4}- auth-login-works\n$/);
    assert.equal(show.effectiveMissionStatus, `completed`);
    assert.equal(show.mission.status, `approved`);
    assert.deepEqual(show.mission.completedMilestoneIds, [`plan`, `implement`]);
  });

  it(`refuses an unknown milestone with exit 2 and writes nothing`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`milestone`, `seal`, `deploy`, `--mission`, missionId]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: milestone deploy not found in mission ${missionId}; hint: available milestones: plan, implement\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
