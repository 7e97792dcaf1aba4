import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro mission approve`, () => {
  const repos = missionRepos();

  it(`moves a draft mission to approved, stamps approvedAt and commits the command as typed`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `approve`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^\\[ok\\] Mission approved: ${missionId}\n {2}Title: Add authentication\n {2}Approved at: \\d{4}-\\d{2}-\\d{2}T`));
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/mission.json`]));
    assert.equal(stored.status, `approved`);
    assert.ok(stored.approvedAt);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim(), `maestro mission approve ${missionId}`);
  });

  it(`prints the mission itself with --json, and accepts an id prefix`, async () => {
    const {repo, missionId} = await repos.withMission();

    const mission = parseJson(await maestro(repo, [`mission`, `approve`, missionId.slice(0, 14), `--json`]));

    assert.equal(mission.id, missionId);
    assert.equal(mission.status, `approved`);
  });

  it(`refuses to approve a rejected mission with exit 1 and writes nothing`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `reject`, missionId]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `approve`, missionId]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr, `maestro: invalid mission transition: rejected -> approved; hint: rejected is a terminal state - no transitions allowed; see the current state with \`maestro mission show ${missionId}\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses an unknown mission with exit 2 and writes nothing`, async () => {
    const {repo} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `approve`, `1999-01-01-0000000`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: mission 1999-01-01-0000000 not found; hint: /);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});

describe(`maestro mission reject`, () => {
  const repos = missionRepos();

  it(`moves a draft mission to rejected and stamps rejectedAt (again on a repeat, as the original)`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `reject`, missionId]);
    const mission = parseJson(await maestro(repo, [`mission`, `reject`, missionId, `--json`]));

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^\\[ok\\] Mission rejected: ${missionId}\n {2}Title: Add authentication\n {2}Rejected at: `));
    assert.equal(mission.status, `rejected`);
    assert.ok(mission.rejectedAt);
  });

  it(`refuses to reject an approved mission with exit 1, naming the valid next status`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `approve`, missionId]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `reject`, missionId, `--json`]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.deepEqual(JSON.parse(result.stderr).error, {
      code: `E_TRANSITION`, message: `invalid mission transition: approved -> rejected`,
      hint: `valid transitions from approved: executing; see the current state with \`maestro mission show ${missionId}\``,
    });
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
