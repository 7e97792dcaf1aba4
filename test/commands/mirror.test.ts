import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos, whatIsWritten} from '../helpers/missions.ts';

const {withMission} = missionRepos();

async function edited() {
  const {repo, missionId} = await withMission();
  const relative = `missions/${missionId}/features/auth-plan.json`;
  const file = path.join(repo.dir, `.maestro`, relative);
  return {repo, missionId, relative, file, feature: JSON.parse(fs.readFileSync(file, `utf8`))};
}

describe(`maestro mirror commit`, () => {
  it(`commits a valid hand edit in canonical form and leaves no hand edit behind`, async () => {
    const {repo, relative, file, feature} = await edited();
    fs.writeFileSync(file, JSON.stringify({...feature, title: `Plan the auth flow by hand`}));

    const view = await maestroJson(repo, [`mirror`, `commit`, `.maestro/${relative}`]);

    assert.deepEqual(view.paths, [{path: relative, kind: `modified`}]);
    assert.equal(JSON.parse(repo.git([`show`, `refs/maestro/main:${relative}`])).title, `Plan the auth flow by hand`);
    assert.match(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]), /maestro mirror commit/);
    assert.deepEqual((await maestroJson(repo, [`status`])).handEdits, []);
  });

  it(`refuses an edit that is not a valid entity, with one line naming the file, and writes nothing`, async () => {
    const {repo, relative, file, feature} = await edited();
    fs.writeFileSync(file, JSON.stringify({...feature, status: `finished`}));
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mirror`, `commit`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(`^maestro: \\.maestro/${relative.replace(/\//g, `\\/`)}: status: .*hint: .*mirror discard.*\\n$`));
    assert.equal(whatIsWritten(repo).tip, before.tip);
  });

  it(`refuses an edit of a file the state changed after the mirror wrote it`, async () => {
    const {repo, missionId, relative, file, feature} = await edited();
    fs.writeFileSync(file, JSON.stringify({...feature, title: `stale edit`}));
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);

    const result = await maestro(repo, [`mirror`, `commit`, relative]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /the state changed .*auth-plan\.json after \.maestro\/ was written/);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip);
  });
});

describe(`maestro mirror discard`, () => {
  it(`puts an edited file back and removes a file added by hand, without touching the state`, async () => {
    const {repo, relative, file, feature} = await edited();
    const original = fs.readFileSync(file, `utf8`);
    fs.writeFileSync(file, JSON.stringify({...feature, title: `scratch`}));
    fs.writeFileSync(path.join(repo.dir, `.maestro`, `scribble.txt`), `notes\n`);
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);

    const view = await maestroJson(repo, [`mirror`, `discard`]);

    assert.equal(view.paths.length, 2);
    assert.equal(fs.readFileSync(file, `utf8`), original);
    assert.equal(fs.existsSync(path.join(repo.dir, `.maestro`, `scribble.txt`)), false);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip);
  });

  it(`refuses a path that has no hand edit`, async () => {
    const {repo, relative} = await edited();

    const result = await maestro(repo, [`mirror`, `discard`, relative]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /has no hand edit; hint: `maestro status` lists/);
  });
});
