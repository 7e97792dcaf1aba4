import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {nativeScannerSkip} from '../helpers/nativeScanner.ts';

// The shipped bundle, run as a user runs it: real process, exit codes, stdout and stderr.
const bin = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`, `dist`, `maestro.cjs`);
const pkg = JSON.parse(fs.readFileSync(path.join(bin, `..`, `..`, `package.json`), `utf8`)) as {version: string};

function maestro(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: `utf8`, env: {...gitEnv(), MAESTRO_AGENT: `e2e`, ...env}});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe(`the maestro bundle`, () => {
  let repo: GitRepo;
  before(() => { repo = makeGitRepo(); });
  after(() => repo.cleanup());

  it(`prints its version`, () => {
    const result = maestro(repo.dir, [`--version`]);

    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), pkg.version);
  });

  it(`lists every command in --help`, () => {
    const result = maestro(repo.dir, [`--help`]);

    assert.equal(result.code, 0);
    for (const command of [`init`, `status`, `log`, `doctor`, `state put`]) assert.match(result.stdout, new RegExp(`maestro ${command}`));
  });

  it(`runs init, a write, status and log, and native git agrees`, () => {
    assert.equal(maestro(repo.dir, [`init`]).code, 0);
    assert.equal(maestro(repo.dir, [`state`, `put`, `notes/a.json`, `{"a":1}`]).code, 0);

    const status = maestro(repo.dir, [`status`, `--json`]);
    const log = maestro(repo.dir, [`log`]);

    assert.equal(status.code, 0, status.stderr);
    assert.equal(JSON.parse(status.stdout).tip.commit, repo.git([`rev-parse`, `refs/maestro/main`]).trim());
    assert.match(log.stdout, /e2e +maestro state put notes\/a\.json '\{"a":1\}'\n.*e2e +maestro init\n$/);
    assert.equal(repo.tryGit([`fsck`, `--strict`]).status, 0);
  });

  it(`turns an unknown command into one line with exit 2`, () => {
    const result = maestro(repo.dir, [`frobnicate`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr.trim().split(`\n`).length, 1);
    assert.match(result.stderr, /^maestro: unknown command "frobnicate" \(run `maestro --help` for the list\)$/m);
  });

  it(`reports a missing option value as bad usage, exit 2, no stack trace`, () => {
    const result = maestro(repo.dir, [`log`, `-n`]);

    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stderr, /\bat .*\(.*:\d+:\d+\)/);
  });

  it(`refuses a bare repository with one line and exit 2`, () => {
    const bare = makeGitRepo({initArgs: [`--bare`]});

    const result = maestro(bare.dir, [`status`]);

    bare.cleanup();
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: .* is a bare git repository; maestro needs a working tree; hint: /);
  });

  it(`finds hand edits in a mirror of 1,000 files with the scan the dispatcher starts, and leaves no temporary file`, async () => {
    const big = makeGitRepo();
    try {
      assert.equal(maestro(big.dir, [`init`]).code, 0);
      const {Workspace} = await import('../../lib/workspace.ts');
      await new Workspace({cwd: big.dir, env: {MAESTRO_NO_GC: `1`}}).transact(`seed`, async () => ({changes: Array.from({length: 1000}, (_, i) => ({path: `notes/n${i}.json`, content: `{"n": ${i}}\n`})), result: null}));
      assert.equal(maestro(big.dir, [`status`]).code, 0);
      fs.appendFileSync(path.join(big.dir, `.maestro`, `notes`, `n3.json`), ` `);

      const status = maestro(path.join(big.dir, `.maestro`, `notes`), [`status`, `--json`]);
      const refused = maestro(big.dir, [`status`, `--no-such-flag`]);

      assert.equal(status.code, 0, status.stderr);
      assert.deepEqual(JSON.parse(status.stdout).handEdits, [{path: `notes/n3.json`, kind: `modified`}]);
      assert.equal(refused.code, 2);
      assert.deepEqual(fs.readdirSync(path.join(big.dir, `.maestro`)).filter(name => name.endsWith(`.tmp`)), []);
    } finally {
      big.cleanup();
    }
  });

  it(`loads the native mirror scanner built beside it in dist/`, {skip: nativeScannerSkip()}, () => {
    assert.equal(maestro(repo.dir, [`init`]).code, 0);

    const result = maestro(repo.dir, [`doctor`, `--json`]);

    const scan = JSON.parse(result.stdout).checks.find((check: {name: string}) => check.name === `scan`);
    assert.equal(scan.detail, `status lists what changed in a large .maestro/ with the native scanner`);
  });

  it(`says so in one line when the current directory was removed, for status too`, () => {
    const gone = path.join(repo.dir, `gone`);
    const inGone = (args: string) => spawnSync(`bash`, [`-c`, `mkdir -p "$1" && cd "$1" && rmdir "$1" && "$2" "$3" ${args}`, `-`, gone, process.execPath, bin], {encoding: `utf8`, env: {...gitEnv(), MAESTRO_AGENT: `e2e`}});

    const status = inGone(`status`);
    const log = inGone(`log --json`);

    assert.equal(status.status, 2);
    assert.equal(status.stderr, `maestro: the current directory no longer exists; hint: cd into the repository again\n`);
    assert.equal(log.status, 2);
    assert.deepEqual(JSON.parse(log.stderr), {error: {code: `E_REPOSITORY`, message: `the current directory no longer exists`, hint: `cd into the repository again`}});
  });

  it(`does not colour output when piped`, () => {
    const result = maestro(repo.dir, [`frobnicate`], {FORCE_COLOR: `1`});

    assert.doesNotMatch(result.stderr, /\u001b\[/);
  });
});
