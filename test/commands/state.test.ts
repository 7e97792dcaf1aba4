import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

describe(`maestro state put|show|ls`, () => {
  let repo: GitRepo;
  before(async () => {
    repo = makeGitRepo();
    await runCli([`init`], {cwd: repo.dir});
  });
  after(() => repo.cleanup());

  it(`writes JSON canonically as one commit that git shows`, async () => {
    const result = await runCli([`state`, `put`, `notes/a.json`, `{"z":1,"a":{"y":2,"b":3}}`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.equal(repo.git([`show`, `refs/maestro/main:notes/a.json`]), `{\n  "a": {\n    "b": 3,\n    "y": 2\n  },\n  "z": 1\n}\n`);
    assert.match(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]), /^maestro state put notes\/a\.json '\{"z":1,"a":\{"y":2,"b":3\}\}'$/m);
  });

  it(`reads content from stdin with --file -`, async () => {
    const result = await runCli([`state`, `put`, `notes/b.json`, `--file`, `-`], {cwd: repo.dir, stdin: `{"from":"stdin"}`});

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse((await runCli([`state`, `show`, `notes/b.json`, `--json`], {cwd: repo.dir})).stdout).content, {from: `stdin`});
  });

  it(`lists a directory`, async () => {
    const result = await runCli([`state`, `ls`, `notes`], {cwd: repo.dir});

    assert.equal(result.stdout, `a.json\nb.json\n`);
  });

  it(`refuses invalid JSON with exit 2 and leaves the ref where it was`, async () => {
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);

    const result = await runCli([`state`, `put`, `notes/c.json`, `{nope`], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: notes\/c\.json: the content is not valid JSON/);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip);
  });

  it(`refuses a path that escapes the state with exit 2`, async () => {
    const result = await runCli([`state`, `put`, `../evil.json`, `{}`], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not a valid state path/);
  });

  it(`says a missing file is not found`, async () => {
    const result = await runCli([`state`, `show`, `notes/none.json`], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: no file notes\/none\.json in the state; hint: list what there is with `maestro state ls notes`/);
  });
});
