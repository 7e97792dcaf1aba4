import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {GitRepo} from '../../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

const storedAssertion = (repo: GitRepo, missionId: string) =>
  JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/assertions/auth-login-works.json`]));

describe(`maestro validate update`, () => {
  const repos = missionRepos();
  const validate = (repo: GitRepo, missionId: string, assertion: string, ...rest: string[]) =>
    maestro(repo, [`validate`, `update`, assertion, `--mission`, missionId, ...rest]);

  it(`records a passed result with its evidence and commits the command as typed`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await validate(repo, missionId, `auth-login-works`, `--result`, `passed`, `--evidence`, `bun test`);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      `[ok] Assertion updated: auth-login-works`, `  Result: passed`, `  Description: auth-login-works`, `  Feature: auth-impl`, `  Milestone: implement`, `  Evidence: bun test`, ``,
    ].join(`\n`));
    const stored = storedAssertion(repo, missionId);
    assert.deepEqual([stored.result, stored.evidence, stored.updatedBy], [`passed`, `bun test`, `test-agent`]);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim(), `maestro validate update auth-login-works --mission ${missionId} --result passed --evidence 'bun test'`);
  });

  it(`accepts the original's <feature>-assertion-<n> alias and a unique prefix of the id`, async () => {
    const {repo, missionId} = await repos.withMission();

    const byAlias = parseJson(await validate(repo, missionId, `auth-impl-assertion-1`, `--result`, `failed`, `--json`));
    const byPrefix = parseJson(await validate(repo, missionId, `auth-login`, `--result`, `pending`, `--json`));

    assert.equal(byAlias.assertion.id, `auth-login-works`);
    assert.equal(byAlias.assertion.result, `failed`);
    assert.equal(byPrefix.assertion.result, `pending`);
    assert.equal(storedAssertion(repo, missionId).result, `pending`);
  });

  it(`keeps the evidence when --evidence is not given, and replaces it when it is`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `failed`, `--evidence`, `3 failing`]);

    const retried = parseJson(await validate(repo, missionId, `auth-login-works`, `--result`, `pending`, `--json`));
    const passed = parseJson(await validate(repo, missionId, `auth-login-works`, `--result`, `passed`, `--evidence`, `all green`, `--json`));

    assert.equal(retried.assertion.evidence, `3 failing`);
    assert.equal(passed.assertion.evidence, `all green`);
  });

  it(`allows passed -> passed to replace the evidence`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `unit tests`]);

    const result = await validate(repo, missionId, `auth-login-works`, `--result`, `passed`, `--evidence`, `unit and e2e tests`);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(storedAssertion(repo, missionId).evidence, `unit and e2e tests`);
  });

  it(`waives with a reason and stores it`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await validate(repo, missionId, `auth-login-works`, `--result`, `waived`, `--reason`, `covered by the e2e suite`);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\n {2}Waived Reason: covered by the e2e suite\n$/);
    assert.equal(storedAssertion(repo, missionId).waivedReason, `covered by the e2e suite`);
  });

  it(`refuses to waive without --reason with exit 2 and writes nothing`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const missing = await validate(repo, missionId, `auth-login-works`, `--result`, `waived`);
    const blank = await validate(repo, missionId, `auth-login-works`, `--result`, `waived`, `--reason`, `  `);

    assert.deepEqual([missing.code, blank.code], [2, 2]);
    assert.equal(missing.stderr, `maestro: a reason is required to waive an assertion; hint: add --reason "<why it is waived>"\n`);
    assert.equal(blank.stderr, missing.stderr);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses to change a passed assertion (passed is terminal) with exit 1 and writes nothing`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`]);
    const before = whatIsWritten(repo);

    const result = await validate(repo, missionId, `auth-login-works`, `--result`, `failed`);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr, `maestro: invalid assertion transition: passed -> failed; hint: passed is a terminal state - no transitions allowed; see the current state with \`maestro validate show --mission ${missionId}\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses failed -> passed with exit 1: a failed assertion is retried through pending`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `failed`]);
    const before = whatIsWritten(repo);

    const result = await validate(repo, missionId, `auth-login-works`, `--result`, `passed`, `--json`);

    assert.equal(result.code, 1);
    assert.equal(JSON.parse(result.stderr).error.code, `E_TRANSITION`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a missing or unknown --result and an unknown assertion with exit 2`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const missing = await validate(repo, missionId, `auth-login-works`, `--evidence`, `x`);
    const unknown = await validate(repo, missionId, `auth-login-works`, `--result`, `ok`);
    const nowhere = await validate(repo, missionId, `logout-works`, `--result`, `passed`);

    assert.deepEqual([missing.code, unknown.code, nowhere.code], [2, 2, 2]);
    assert.equal(missing.stderr, `maestro: --result is required; hint: maestro validate update <assertion> --mission <id> --result pending|passed|failed|blocked|waived\n`);
    assert.equal(unknown.stderr, `maestro: --result "ok" is not a result; hint: use one of: pending, passed, failed, blocked, waived\n`);
    assert.equal(nowhere.stderr, `maestro: assertion logout-works not found; hint: list assertions with \`maestro validate show --mission ${missionId}\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
