import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro mission update`, () => {
  const repos = missionRepos();
  const approved = async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `approve`, missionId]);
    return {repo, missionId};
  };

  it(`walks a mission through executing, paused, validating and completed`, async () => {
    const {repo, missionId} = await approved();

    const statuses = [];
    for (const status of [`executing`, `paused`, `executing`, `validating`, `completed`])
      statuses.push((await maestroJson(repo, [`mission`, `update`, missionId, `--status`, status])).status);

    assert.deepEqual(statuses, [`executing`, `paused`, `executing`, `validating`, `completed`]);
    const mission = JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/mission.json`]));
    assert.equal(mission.status, `completed`);
    assert.ok(mission.completedAt);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim(), `maestro mission update ${missionId} --status completed --json`);
  });

  it(`changes the title and the description without touching the status`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`mission`, `update`, missionId, `--title`, `Auth v2`, `--description`, `Second slice`]);
    const mission = await maestroJson(repo, [`mission`, `show`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `[ok] Mission updated: ${missionId}\n  Status: draft\n  Title: Auth v2\n`);
    assert.equal(mission.mission.title, `Auth v2`);
    assert.equal(mission.mission.description, `Second slice`);
  });

  it(`prints the mission with --json`, async () => {
    const {repo, missionId} = await approved();

    const mission = parseJson(await maestro(repo, [`mission`, `update`, missionId, `--status`, `executing`, `--json`]));

    assert.equal(mission.id, missionId);
    assert.equal(mission.status, `executing`);
  });

  for (const [from, to] of [[`draft`, `completed`], [`approved`, `paused`], [`draft`, `executing`]] as const) {
    it(`refuses ${from} -> ${to} with exit 1 and leaves the ref and .maestro/ unchanged`, async () => {
      const {repo, missionId} = from === `draft` ? await repos.withMission() : await approved();
      const before = whatIsWritten(repo);

      const result = await maestro(repo, [`mission`, `update`, missionId, `--status`, to]);

      assert.equal(result.code, 1);
      assert.equal(result.stdout, ``);
      assert.equal(result.stderr.split(`\n`).length, 2);
      assert.match(result.stderr, new RegExp(`^maestro: invalid mission transition: ${from} -> ${to}; hint: valid transitions from ${from}: `));
      assert.deepEqual(whatIsWritten(repo), before);
    });
  }

  it(`refuses an unknown status with exit 2, listing the statuses`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `update`, missionId, `--status`, `bogus`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --status "bogus" is not a mission status; hint: use one of: draft, approved, rejected, executing, paused, validating, completed, failed\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses an update with nothing to change with exit 2`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `update`, missionId]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: no update specified; hint: use --status <status>, --title <title> or --description <text>\n$/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses an empty title with exit 2`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `update`, missionId, `--title`, `  `]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --title must not be empty\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
