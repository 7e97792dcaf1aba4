import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {README_PLAN_TEXT} from '../helpers/missions.ts';

// The original README's quick start, step by step, as a new user runs it: the shipped bundle
// (`npm test` builds it first) in a fresh repository with one code commit. Each README command is
// one `it`, run in order, so a new step is one more `it` in its place. Steps that change the state
// go through `mutate`, which also records the commit subject the state history must show.
const bin = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`, `dist`, `maestro.cjs`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe(`the README quick start, with the built bundle`, () => {
  let repo: GitRepo;
  let missionId = ``;
  /** The subject of every state commit so far, oldest first: the command as typed. */
  const subjects: string[] = [];

  const maestro = (args: string[]): Run => {
    const result = spawnSync(process.execPath, [bin, ...args], {cwd: repo.dir, encoding: `utf8`, env: {...gitEnv(), MAESTRO_AGENT: `codex`, MAESTRO_SESSION: `quickstart`}});
    return {code: result.status, stdout: result.stdout, stderr: result.stderr};
  };
  /** Runs a command that must change the state, and remembers its commit subject. */
  const mutate = (args: string[]): Run => {
    const result = maestro(args);
    assert.equal(result.code, 0, `maestro ${args.join(` `)}: ${result.stderr}`);
    subjects.push([`maestro`, ...args.map(arg => (/\s/.test(arg) ? `'${arg}'` : arg))].join(` `));
    return result;
  };
  /** Runs a command that must only read. */
  const read = (args: string[]): Run => {
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);
    const result = maestro(args);
    assert.equal(result.code, 0, `maestro ${args.join(` `)}: ${result.stderr}`);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip, `maestro ${args.join(` `)} moved the state ref`);
    return result;
  };

  before(() => {
    repo = makeGitRepo();
    fs.writeFileSync(path.join(repo.dir, `README.md`), `# auth service\n`);
    repo.git([`add`, `README.md`]);
    repo.git([`commit`, `--quiet`, `-m`, `Initial commit`]);
  });
  after(() => repo.cleanup());

  it(`1. maestro init`, () => {
    const result = mutate([`init`]);

    assert.match(result.stdout, /^\[ok\] Initialized maestro in /);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `config.yaml`)));
  });

  it(`2. writes plan.json as the README shows it`, () => {
    fs.writeFileSync(path.join(repo.dir, `plan.json`), README_PLAN_TEXT);

    assert.equal(JSON.parse(fs.readFileSync(path.join(repo.dir, `plan.json`), `utf8`)).features.length, 2);
  });

  it(`3. maestro mission create --file plan.json`, () => {
    const result = mutate([`mission`, `create`, `--file`, `plan.json`]);

    missionId = /^\[ok\] Mission created: (\S+)$/m.exec(result.stdout)?.[1] ?? ``;
    assert.match(missionId, /^\d{4}-\d{2}-\d{2}-[0-9a-z]+$/);
    assert.match(result.stdout, /Status: draft/);
  });

  it(`3. maestro mission list`, () => {
    const result = read([`mission`, `list`]);

    assert.match(result.stdout, new RegExp(`^${missionId}  draft +Add authentication$`, `m`));
  });

  it(`3. maestro mission approve <mission-id>`, () => {
    const result = mutate([`mission`, `approve`, missionId]);

    assert.match(result.stdout, new RegExp(`^\\[ok\\] Mission approved: ${missionId}$`, `m`));
  });

  it(`4. maestro feature list --mission <mission-id>`, () => {
    const result = read([`feature`, `list`, `--mission`, missionId]);

    assert.match(result.stdout, /^2 feature\(s\) \(total: 2\)$/m);
    assert.match(result.stdout, /^auth-plan +pending .*\[plan\]$/m);
    assert.match(result.stdout, /^auth-impl +pending .*\[implement\]$/m);
  });

  it(`6. maestro feature update auth-impl --mission <mission-id> --status in-progress`, () => {
    const result = mutate([`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`]);

    assert.match(result.stdout, /Status: in-progress\n {2}Title: Implement the auth flow\n {2}Mission: auto-started to executing\n/);
    assert.match(result.stderr, /^maestro: warning: feature auth-impl depends on auth-plan, not done yet$/m);
  });

  it(`6. maestro feature update auth-impl --mission <mission-id> --status review`, () => {
    const result = mutate([`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `review`]);

    assert.match(result.stdout, /Status: review/);
  });

  it(`6. maestro validate show --mission <mission-id>`, () => {
    const result = read([`validate`, `show`, `--mission`, missionId]);

    assert.match(result.stdout, /^auth-login-works +pending +auth-login-works +\[auth-impl\]$/m);
  });

  it(`6. maestro validate update auth-login-works --mission <mission-id> --result passed --evidence "bun test"`, () => {
    const result = mutate([`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `bun test`]);

    assert.match(result.stdout, /^\[ok\] Assertion updated: auth-login-works\n {2}Result: passed\n/);
  });

  it(`6. maestro milestone seal implement --mission <mission-id>`, () => {
    const result = mutate([`milestone`, `seal`, `implement`, `--mission`, missionId]);

    assert.match(result.stdout, /^\[ok\] Milestone sealed: implement\n/);
    assert.match(JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/milestones/implement.json`])).sealedAt, /^\d{4}-/);
  });

  it(`leaves a history native git reads: one commit per change, the command as its subject, fsck clean`, () => {
    const log = repo.git([`log`, `--format=%s`, `refs/maestro/main`]).trim().split(`\n`).reverse();
    const fsck = spawnSync(`git`, [`fsck`, `--strict`, `--no-dangling`], {cwd: repo.dir, env: gitEnv(), encoding: `utf8`});

    assert.deepEqual(log, subjects);
    assert.match(repo.git([`log`, `-1`, `--format=%b`, `refs/maestro/main`]), /^Maestro-Agent: codex$/m);
    assert.equal(fsck.status, 0, fsck.stdout + fsck.stderr);
    assert.equal(repo.git([`status`, `--porcelain`, `--untracked-files=no`]), ``);
  });
});
