import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

type Check = {name: string; status: string; fix: string | null};

describe(`maestro doctor`, () => {
  const repos: GitRepo[] = [];
  const initialised = async () => {
    const repo = makeGitRepo();
    repos.push(repo);
    await runCli([`init`], {cwd: repo.dir});
    return repo;
  };
  const check = (stdout: string, name: string): Check => JSON.parse(stdout).checks.find((c: Check) => c.name === name);
  after(() => repos.forEach(repo => repo.cleanup()));

  it(`passes every check on a fresh repository`, async () => {
    const repo = await initialised();

    const result = await runCli([`doctor`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stdout);
    const view = JSON.parse(result.stdout);
    assert.equal(view.ok, true);
    assert.deepEqual(view.checks.filter((c: Check) => c.status === `fail`), []);
    assert.equal(check(result.stdout, `fsck`).status, `ok`);
  });

  it(`fails before init and names the command that fixes it`, async () => {
    const repo = makeGitRepo();
    repos.push(repo);

    const result = await runCli([`doctor`], {cwd: repo.dir});

    assert.equal(result.code, 1);
    assert.match(result.stdout, /^fail +state +refs\/maestro\/main does not exist +\(fix: run `maestro init`\)$/m);
  });

  it(`finds a lock left by a dead maestro process and removes it with --fix`, async () => {
    const repo = await initialised();
    const lock = path.join(repo.dir, `.git`, `refs`, `maestro`, `main.lock`);
    fs.writeFileSync(lock, `maestro-lock pid 999999 host ${(await import(`node:os`)).hostname()}\n`);

    const found = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});

    assert.equal(found.code, 1);
    assert.equal(check(found.stdout, `lock`).status, `fail`);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.equal(check(fixed.stdout, `lock`).status, `fixed`);
    assert.ok(!fs.existsSync(lock));
  });

  it(`finds a stale mirror and brings it up to date with --fix`, async () => {
    const repo = await initialised();
    await runCli([`state`, `put`, `notes/a.json`, `{"a":1}`], {cwd: repo.dir});
    fs.writeFileSync(path.join(repo.dir, `.maestro`, `.mirror`), `${`0`.repeat(40)} ${`0`.repeat(40)}\n`);

    const found = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});

    assert.equal(check(found.stdout, `mirror`).status, `fail`);
    assert.equal(check(fixed.stdout, `mirror`).status, `fixed`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `.maestro`, `.mirror`), `utf8`).split(` `)[0], repo.git([`rev-parse`, `refs/maestro/main`]).trim());
  });

  it(`warns when a remote does not carry the state on a plain git fetch`, async () => {
    const repo = await initialised();
    repo.git([`remote`, `add`, `origin`, `/nonexistent/remote.git`]);

    const result = await runCli([`doctor`, `--json`], {cwd: repo.dir});

    const remotes = check(result.stdout, `remotes`);
    assert.equal(remotes.status, `warn`);
    assert.match(remotes.fix ?? ``, /git config --add remote\.origin\.fetch '\+refs\/maestro\/\*:refs\/remotes\/origin\/maestro\/\*'/);
  });
});
