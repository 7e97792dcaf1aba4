import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {README_PLAN_TEXT} from '../../scripts/fixtures/readmePlan.mjs';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

// lib/directOutput.ts through the shipped bundle and real pipes: a pipe or a file is written with
// writeSync, and that must keep what process.stdout gave (the whole output, in order, and a quiet
// exit when the reader leaves early).
const bin = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`, `dist`, `maestro.cjs`);
const env = {...gitEnv(), MAESTRO_AGENT: `e2e`};
const hasPython = spawnSync(`python3`, [`--version`]).status === 0;

/** Runs maestro with a stderr whose reader is already gone, so that every write to it fails with EPIPE. */
function withStderrClosed(cwd: string, args: string[]) {
  const script = `
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
sys.exit(subprocess.call(sys.argv[1:], stderr=w, stdout=subprocess.DEVNULL))
`;
  return spawnSync(`python3`, [`-c`, script, process.execPath, bin, ...args], {cwd, env, encoding: `utf8`});
}

describe(`maestro's standard output on real pipes`, () => {
  let repo: GitRepo;
  /** About 110 KB of output (one argument may hold 128 KB), well over a pipe's 64 KB. */
  const big = JSON.stringify({items: Array.from({length: 3000}, (_, i) => `item ${i} of the output`)});
  before(() => {
    repo = makeGitRepo();
    for (const args of [[`init`], [`state`, `put`, `notes/big.json`, big]]) {
      const result = spawnSync(process.execPath, [bin, ...args], {cwd: repo.dir, env, encoding: `utf8`});
      assert.equal(result.status, 0, result.error?.message ?? result.stderr);
    }
  });
  after(() => repo.cleanup());

  it(`exits 0 without a word when the reader closes the pipe early`, () => {
    const result = spawnSync(`bash`, [`-c`, `set -o pipefail; "$1" "$2" state show notes/big.json | head -c 10`, `-`, process.execPath, bin], {cwd: repo.dir, env, encoding: `utf8`});

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.length, 10);
    assert.equal(result.stderr, ``);
  });

  it(`does its work and keeps its exit code when the reader of stderr is gone`, {skip: hasPython ? false : `python3 is needed to close the reader first`}, () => {
    const planFile = path.join(repo.dir, `plan.json`);
    fs.writeFileSync(planFile, README_PLAN_TEXT);
    assert.equal(spawnSync(process.execPath, [bin, `mission`, `create`, `--file`, planFile, `--json`], {cwd: repo.dir, env}).status, 0);
    const mission = JSON.parse(spawnSync(process.execPath, [bin, `mission`, `list`, `--json`], {cwd: repo.dir, env, encoding: `utf8`}).stdout).missions[0].id;
    assert.equal(spawnSync(process.execPath, [bin, `mission`, `approve`, mission], {cwd: repo.dir, env}).status, 0);

    // auth-impl depends on auth-plan, which is pending: starting it warns on stderr, then commits.
    const started = withStderrClosed(repo.dir, [`feature`, `update`, `auth-impl`, `--mission`, mission, `--status`, `in-progress`]);
    const refused = withStderrClosed(repo.dir, [`status`, `--no-such-flag`]);

    assert.equal(started.status, 0, started.stderr);
    const feature = JSON.parse(spawnSync(process.execPath, [bin, `feature`, `show`, `auth-impl`, `--mission`, mission, `--json`], {cwd: repo.dir, env, encoding: `utf8`}).stdout);
    assert.equal(feature.feature?.status ?? feature.status, `in-progress`);
    assert.equal(refused.status, 2);
  });

  it(`delivers all of it, in order, through a non-blocking pipe that fills up`, {skip: hasPython ? false : `python3 is needed to make the pipe non-blocking`}, () => {
    const expected = spawnSync(process.execPath, [bin, `state`, `show`, `notes/big.json`], {cwd: repo.dir, env, encoding: `utf8`, maxBuffer: 16 * 1024 * 1024});
    assert.equal(expected.status, 0, expected.stderr);
    // The parent makes the pipe non-blocking, waits until maestro has filled it, then reads it all.
    const script = `
import fcntl, os, subprocess, sys, termios, time, array
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
def waiting():
    buf = array.array('i', [0]); fcntl.ioctl(r, termios.FIONREAD, buf); return buf[0]
deadline = time.time() + 60
while waiting() < 65536 and child.poll() is None and time.time() < deadline: time.sleep(0.01)
full = waiting() >= 65536
data = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk: break
    data += chunk
sys.stderr.write('full %d exit %d\\n' % (full, child.wait()))
sys.stdout.buffer.write(data)
`;
    const result = spawnSync(`python3`, [`-c`, script, process.execPath, bin, `state`, `show`, `notes/big.json`], {cwd: repo.dir, env, encoding: `utf8`, maxBuffer: 16 * 1024 * 1024});

    assert.equal(result.stderr, `full 1 exit 0\n`);
    assert.equal(result.stdout, expected.stdout);
  });
});
