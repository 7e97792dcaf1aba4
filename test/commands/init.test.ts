import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

describe(`maestro init`, () => {
  const repos: GitRepo[] = [];
  const fresh = () => { const repo = makeGitRepo(); repos.push(repo); return repo; };
  after(() => repos.forEach(repo => repo.cleanup()));

  it(`creates the state ref, the local config, the exclude line and the mirror`, async () => {
    const repo = fresh();

    const result = await runCli([`init`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Initialized maestro/);
    assert.equal(repo.git([`cat-file`, `-p`, `refs/maestro/main:maestro.json`]), `{\n  "format": 1\n}\n`);
    assert.match(repo.git([`log`, `--format=%s%n%b`, `refs/maestro/main`]), /^maestro init\nMaestro-Agent: test-agent\nMaestro-Session: test-session/);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `config.yaml`)));
    assert.equal(fs.readFileSync(path.join(repo.dir, `.maestro`, `maestro.json`), `utf8`), `{\n  "format": 1\n}\n`);
    assert.match(fs.readFileSync(path.join(repo.dir, `.git`, `info`, `exclude`), `utf8`), /^\/\.maestro\/$/m);
    assert.equal(repo.git([`status`, `--porcelain`]), ``);
  });

  it(`is idempotent: a second run creates nothing and makes no commit`, async () => {
    const repo = fresh();
    await runCli([`init`], {cwd: repo.dir});
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);

    const result = await runCli([`init`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    const view = JSON.parse(result.stdout);
    assert.deepEqual(view.created, []);
    assert.equal(view.skipped.length, 3);
    assert.equal(view.scope, `project`);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip);
    assert.equal(fs.readFileSync(path.join(repo.dir, `.git`, `info`, `exclude`), `utf8`).match(/\.maestro/g)?.length, 1);
  });

  it(`works from a subdirectory and initialises the repository's top`, async () => {
    const repo = fresh();
    fs.mkdirSync(path.join(repo.dir, `src`, `deep`), {recursive: true});

    const result = await runCli([`init`], {cwd: path.join(repo.dir, `src`, `deep`)});

    assert.equal(result.code, 0, result.stderr);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `config.yaml`)));
    assert.ok(!fs.existsSync(path.join(repo.dir, `src`, `deep`, `.maestro`)));
  });

  it(`refuses outside a git repository with one line and exit 2`, async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(`/tmp`), `maestro-nogit-`));

    const result = await runCli([`init`], {cwd: dir});

    fs.rmSync(dir, {recursive: true, force: true});
    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.match(result.stderr, /^maestro: not inside a git repository .*; hint: run `git init` first/);
    assert.equal(result.stderr.trim().split(`\n`).length, 1);
  });

  it(`with --json reports a refusal as one JSON line on stderr`, async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(`/tmp`), `maestro-nogit-`));

    const result = await runCli([`init`, `--json`], {cwd: dir});

    fs.rmSync(dir, {recursive: true, force: true});
    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(JSON.parse(result.stderr).error.code, `E_REPOSITORY`);
  });
});
