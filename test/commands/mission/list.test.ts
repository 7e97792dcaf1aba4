import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, maestroJson, missionRepos, parseJson, planJson, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro mission list`, () => {
  const repos = missionRepos();
  /** Three missions, oldest first: "First" (draft), "Second" (approved), "Third" (draft). */
  const threeMissions = async () => {
    const repo = await repos.initialised();
    const ids: string[] = [];
    for (const title of [`First`, `Second`, `Third`]) ids.push(await createMission(repo, planJson(plan => { plan.title = title; })));
    await maestroJson(repo, [`mission`, `approve`, ids[1]!]);
    return {repo, ids};
  };

  it(`lists missions newest first with their stored status`, async () => {
    const {repo, ids} = await threeMissions();

    const result = await maestro(repo, [`mission`, `list`]);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.split(`\n`), [
      `3 mission(s)`, ``,
      `${ids[2]}  draft         Third`, `${ids[1]}  approved      Second`, `${ids[0]}  draft         First`, ``,
    ]);
  });

  it(`prints {missions, total} with --json`, async () => {
    const {repo, ids} = await threeMissions();

    const view = parseJson(await maestro(repo, [`mission`, `list`, `--json`]));

    assert.equal(view.total, 3);
    assert.deepEqual(view.missions.map((m: {id: string}) => m.id), [...ids].reverse());
    assert.equal(view.missions[0].title, `Third`);
  });

  it(`filters by stored status with --status`, async () => {
    const {repo, ids} = await threeMissions();

    const approved = parseJson(await maestro(repo, [`mission`, `list`, `--status`, `approved`, `--json`]));
    const completed = await maestro(repo, [`mission`, `list`, `--status`, `completed`]);

    assert.deepEqual(approved.missions.map((m: {id: string}) => m.id), [ids[1]]);
    assert.equal(completed.stdout, `No missions found\n`);
  });

  it(`keeps the newest ones with --limit`, async () => {
    const {repo, ids} = await threeMissions();

    const view = parseJson(await maestro(repo, [`mission`, `list`, `--limit`, `2`, `--json`]));

    assert.deepEqual(view.missions.map((m: {id: string}) => m.id), [ids[2], ids[1]]);
  });

  it(`shows the newest 10 of more in human output and says how to see the rest`, async () => {
    const repo = await repos.initialised();
    for (let i = 0; i < 11; i++) await createMission(repo);

    const text = await maestro(repo, [`mission`, `list`]);
    const json = parseJson(await maestro(repo, [`mission`, `list`, `--json`]));

    assert.match(text.stdout, /^10 newest mission\(s\) shown \(total: 11\)\n/);
    assert.match(text.stdout, /\nOutput truncated to the newest 10 missions\.\nUse 'maestro mission list --limit N' to see more\.\n$/);
    assert.equal(json.missions.length, 11);
  });

  it(`says so when there is no mission`, async () => {
    const repo = await repos.initialised();

    const result = await maestro(repo, [`mission`, `list`]);

    assert.equal(result.code, 0);
    assert.equal(result.stdout, `No missions found\n`);
  });

  for (const limit of [`0`, `abc`, `1.5`, `--limit=-1`]) {
    it(`refuses --limit ${limit} with exit 2 and one line`, async () => {
      const repo = await repos.initialised();
      const before = whatIsWritten(repo);

      const result = await maestro(repo, [`mission`, `list`, ...(limit.startsWith(`--`) ? [limit] : [`--limit`, limit])]);

      assert.equal(result.code, 2);
      assert.equal(result.stdout, ``);
      assert.equal(result.stderr, `maestro: mission list limit must be a positive integer; hint: maestro mission list --limit 10\n`);
      assert.deepEqual(whatIsWritten(repo), before);
    });
  }
});
