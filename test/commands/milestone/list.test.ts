import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro milestone list`, () => {
  const repos = missionRepos();

  it(`lists milestones in order with kind, derived status, profile and progress`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`milestone`, `list`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      `Mission: Add authentication (${missionId})`, `Status: draft`, ``, `2 milestone(s):`, ``,
      `1. [WORK] plan  pending       Planning  (planning)`, `   Features: 0/1 (0%)`, `   Assertions: 0/0 (0%)`,
      `2. [WORK] implement  pending       Implementation  (implementation)`, `   Features: 0/1 (0%)`, `   Assertions: 0/1 (0%)`, ``,
    ].join(`\n`));
  });

  it(`prints {mission, milestones} with --json, statuses derived from the features`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const view = parseJson(await maestro(repo, [`milestone`, `list`, `--mission`, missionId, `--json`]));

    assert.equal(view.mission.id, missionId);
    assert.deepEqual(view.milestones.map((m: {milestoneId: string; status: string}) => `${m.milestoneId}:${m.status}`), [`plan:executing`, `implement:pending`]);
    assert.equal(view.milestones[1].assertionCount, 1);
    assert.equal(view.milestones[0].order, undefined);
  });

  it(`refuses an unknown mission with exit 2`, async () => {
    const {repo} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`milestone`, `list`, `--mission`, `nope`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: mission nope not found; hint: list missions with \`maestro mission list\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a missing --mission with exit 2 and one line`, async () => {
    const {repo} = await repos.withMission();

    const result = await maestro(repo, [`milestone`, `list`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr.split(`\n`).length, 2);
    assert.match(result.stderr, /\(run `maestro milestone list --help`\)\n$/);
  });
});

describe(`maestro milestone status`, () => {
  const repos = missionRepos();

  it(`shows one milestone's kind, profile, order, derived status and progress`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`milestone`, `status`, `implement`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      `Milestone: implement`, `  Title: Implementation`, `  Kind: work`, `  Profile: implementation`, `  Order: 2`, `  Status: pending`, ``,
      `  Features: 0/1 completed (0%)`, `  Assertions: 0/1 terminal (0%)`, `    - Passed: 0`, `    - Waived: 0`, ``,
    ].join(`\n`));
  });

  it(`prints {mission, milestone, progress} with --json and lists waived assertions`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `waived`, `--reason`, `checked by hand`]);

    const view = parseJson(await maestro(repo, [`milestone`, `status`, `implement`, `--mission`, missionId, `--json`]));
    const text = await maestro(repo, [`milestone`, `status`, `implement`, `--mission`, missionId]);

    assert.equal(view.milestone.id, `implement`);
    assert.equal(view.mission.id, missionId);
    assert.deepEqual(view.progress.waivedAssertionIds, [`auth-login-works`]);
    assert.equal(view.progress.terminalAssertions, 1);
    assert.match(text.stdout, /\n {2}Waived assertions:\n {4}- auth-login-works\n$/);
  });

  it(`refuses an unknown milestone with exit 2, naming the available ones`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`milestone`, `status`, `deploy`, `--mission`, missionId]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: milestone deploy not found in mission ${missionId}; hint: available milestones: plan, implement\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
