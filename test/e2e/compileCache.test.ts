import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {bin, ensureBundle} from '../helpers/bundle.ts';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

// lib/loadBundle.ts: the shipped dispatcher keeps V8's compiled code of each command's bundle.
describe(`the compile cache of the shipped bundle`, () => {
  let repo: GitRepo;
  let cacheHome: string;
  const cacheDir = () => path.join(cacheHome, `maestro`, `v8`);
  const cached = (bundle: string) => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter(name => name.startsWith(`${bundle}-`)) : []);
  const maestro = (cwd: string, args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: `utf8`, env: {...gitEnv(), MAESTRO_AGENT: `e2e`, XDG_CACHE_HOME: cacheHome, ...env}});
    return {code: result.status, stdout: result.stdout, stderr: result.stderr};
  };

  before(() => {
    ensureBundle();
    repo = makeGitRepo();
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-cache-`));
  });
  after(() => {
    repo.cleanup();
    fs.rmSync(cacheHome, {recursive: true, force: true});
  });

  it(`writes nothing for a run that fails`, () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-nogit-`));
    try {
      assert.notEqual(maestro(outside, [`status`]).code, 0);
      assert.deepEqual(cached(`cmd-status`), []);
    } finally {
      fs.rmSync(outside, {recursive: true, force: true});
    }
  });

  it(`keeps the code of the first eight successful runs, then starts every run from it unchanged`, () => {
    assert.equal(maestro(repo.dir, [`init`]).code, 0);
    const first = maestro(repo.dir, [`status`]);
    assert.equal(first.code, 0);
    const [file] = cached(`cmd-status`);
    assert.ok(file, `no cache for cmd-status in ${cacheDir()}`);
    assert.match(file, new RegExp(`-${process.version.replace(/\./g, `\\.`)}-${process.arch}$`));
    assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700);
    const saves = () => fs.readFileSync(path.join(cacheDir(), file)).subarray(0, 4).toString(`latin1`);
    assert.equal(saves(), `mc1\x01`);

    for (let run = 2; run <= 8; run++) assert.equal(maestro(repo.dir, [`status`]).code, 0);
    // Each run counted on from the one before: V8 accepted every cache (a rejected one starts again at 1).
    assert.equal(saves(), `mc1\x08`);
    const kept = fs.readFileSync(path.join(cacheDir(), file));
    const ninth = maestro(repo.dir, [`status`]);

    assert.equal(ninth.code, 0);
    assert.equal(ninth.stdout.replace(/\d+s ago/, ``), first.stdout.replace(/\d+s ago/, ``));
    assert.deepEqual(fs.readFileSync(path.join(cacheDir(), file)), kept);
    assert.deepEqual(cached(`cmd-status`), [file]);
  });

  it(`replaces a damaged cache and still runs`, () => {
    const [file] = cached(`cmd-status`);
    assert.ok(file);
    fs.writeFileSync(path.join(cacheDir(), file), `not V8 code`);

    const result = maestro(repo.dir, [`status`, `--json`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as {initialized: boolean}).initialized, true);
    assert.equal(fs.readFileSync(path.join(cacheDir(), file)).subarray(0, 4).toString(`latin1`), `mc1\x01`);
  });

  it(`replaces the cache of an older build of the same bundle`, () => {
    // A copy of dist/, so that touching a bundle cannot disturb other tests.
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-dist-`));
    try {
      fs.cpSync(path.dirname(bin), dist, {recursive: true});
      const copy = path.join(dist, path.basename(bin));
      const run = () => spawnSync(process.execPath, [copy, `log`], {cwd: repo.dir, encoding: `utf8`, env: {...gitEnv(), XDG_CACHE_HOME: cacheHome}}).status;
      assert.equal(run(), 0);
      const [old] = cached(`cmd-log`);
      assert.ok(old);
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(dist, `cmd-log.cjs`), later, later);

      assert.equal(run(), 0);

      const now = cached(`cmd-log`);
      assert.equal(now.length, 1, now.join(`, `));
      assert.notEqual(now[0], old);
      // Another node's cache of the same bundle is kept: two nodes in turn must not remove each other's.
      const otherNode = now[0]!.replace(process.version, `v0.0.1`);
      fs.writeFileSync(path.join(cacheDir(), otherNode), `mc1\x01`);
      fs.utimesSync(path.join(dist, `cmd-log.cjs`), new Date(Date.now() + 120_000), new Date(Date.now() + 120_000));
      assert.equal(run(), 0);
      assert.ok(cached(`cmd-log`).includes(otherNode), cached(`cmd-log`).join(`, `));
      assert.equal(cached(`cmd-log`).length, 2);
      assert.ok(cached(`cmd-status`).length === 1, `another bundle's cache is kept`);
    } finally {
      fs.rmSync(dist, {recursive: true, force: true});
    }
  });

  it(`keeps one cache per install, so two installs do not replace each other's`, () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-dist-`));
    try {
      fs.cpSync(path.dirname(bin), dist, {recursive: true});
      const status = (entry: string) => spawnSync(process.execPath, [entry, `status`], {cwd: repo.dir, encoding: `utf8`, env: {...gitEnv(), XDG_CACHE_HOME: cacheHome}}).status;
      assert.equal(status(bin), 0);
      assert.equal(status(path.join(dist, path.basename(bin))), 0);
      const both = cached(`cmd-status`);

      assert.equal(status(bin), 0);

      assert.equal(both.length, 2, both.join(`, `));
      assert.deepEqual(cached(`cmd-status`), both);
    } finally {
      fs.rmSync(dist, {recursive: true, force: true});
    }
  });

  it(`writes nothing with MAESTRO_COMPILE_CACHE=0`, () => {
    assert.equal(maestro(repo.dir, [`doctor`], {MAESTRO_COMPILE_CACHE: `0`}).code, 0);
    assert.deepEqual(cached(`cmd-doctor`), []);
  });
});
