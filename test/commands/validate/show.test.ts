import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, maestroJson, missionRepos, parseJson, planJson} from '../../helpers/missions.ts';

describe(`maestro validate show`, () => {
  const repos = missionRepos();
  /** The README's plan plus a planning assertion, so the two milestones each have one. */
  const withTwoMilestones = async () => {
    const repo = await repos.initialised();
    const missionId = await createMission(repo, planJson(plan => { plan.features[0]!.fulfills = [`Auth flow reviewed by the team`]; }));
    return {repo, missionId};
  };

  it(`lists every assertion with its result, description and feature`, async () => {
    const {repo, missionId} = await withTwoMilestones();

    const result = await maestro(repo, [`validate`, `show`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.split(`\n`), [
      `2 assertion(s) (total: 2)`, ``,
      `auth-flow-reviewed-by-the-team  pending     Auth flow reviewed by the team            [auth-plan]`,
      `auth-login-works  pending     auth-login-works                          [auth-impl]`, ``,
    ]);
  });

  it(`shows the evidence and the waiver reason under an assertion`, async () => {
    const {repo, missionId} = await withTwoMilestones();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test: 42 passing`]);
    await maestroJson(repo, [`validate`, `update`, `auth-flow-reviewed-by-the-team`, `--mission`, missionId, `--result`, `waived`, `--reason`, `reviewed in the kickoff`]);

    const result = await maestro(repo, [`validate`, `show`, `--mission`, missionId]);

    assert.match(result.stdout, /\n {6}Waived: reviewed in the kickoff\n/);
    assert.match(result.stdout, /\n {6}Evidence: npm test: 42 passing\n/);
  });

  it(`keeps to one milestone with --milestone, and prints {assertions, total, filtered, assertionCount, milestoneId} with --json`, async () => {
    const {repo, missionId} = await withTwoMilestones();

    const text = await maestro(repo, [`validate`, `show`, `--mission`, missionId, `--milestone`, `implement`]);
    const view = parseJson(await maestro(repo, [`validate`, `show`, `--mission`, missionId, `--milestone`, `implement`, `--json`]));
    const all = parseJson(await maestro(repo, [`validate`, `show`, `--mission`, missionId, `--json`]));

    assert.match(text.stdout, /^1 assertion\(s\) for milestone implement \(total: 2\)\n/);
    assert.deepEqual(view.assertions.map((a: {id: string}) => a.id), [`auth-login-works`]);
    assert.deepEqual([view.total, view.filtered, view.assertionCount, view.milestoneId], [2, 1, 1, `implement`]);
    assert.equal(`milestoneId` in all, false);
  });

  it(`shows nothing, without failing, for a milestone that has no assertions or does not exist`, async () => {
    const {repo, missionId} = await repos.withMission();

    const plan = await maestro(repo, [`validate`, `show`, `--mission`, missionId, `--milestone`, `plan`]);
    const unknown = await maestro(repo, [`validate`, `show`, `--mission`, missionId, `--milestone`, `deploy`]);

    assert.equal(plan.code, 0);
    assert.equal(plan.stdout, `No assertions found for milestone plan\n`);
    assert.equal(unknown.stdout, `No assertions found for milestone deploy\n`);
  });

  it(`refuses an unknown mission with exit 2`, async () => {
    const {repo} = await repos.withMission();

    const result = await maestro(repo, [`validate`, `show`, `--mission`, `nope`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: mission nope not found; hint: list missions with \`maestro mission list\`\n`);
  });
});
