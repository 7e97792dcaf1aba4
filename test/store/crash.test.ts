import * as assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import {hostname} from 'node:os';
import * as path from 'node:path';
import {after, afterEach, before, beforeEach, describe, it} from 'node:test';
import {StoreBusyError} from '../../lib/errors.ts';
import {withRefLock} from '../../lib/store/refLock.ts';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {firstLine, startWorker} from '../helpers/spawnWorker.ts';
import {readFiles} from '../helpers/stateDump.ts';

const KILLS = 20;
const REF = `refs/maestro/main`;

const meta = {message: `next write`, agent: `test`, session: `test`};

/** The pid of a process that has exited (pids are not reused this quickly). */
function deadPid(): number {
  const child = spawnSync(process.execPath, [`-e`, `process.stdout.write(String(process.pid))`], {encoding: `utf8`});
  return Number(child.stdout);
}

describe(`Store after a writer is killed with SIGKILL`, () => {
  let repo: GitRepo;
  let lockPath: string;
  let locksBroken = 0;
  before(() => {
    repo = makeGitRepo();
    lockPath = path.join(repo.dir, `.git`, `${REF}.lock`);
  });
  afterEach(() => fs.rmSync(lockPath, {force: true}));
  after(() => repo.cleanup());

  /** Takes and releases the ref lock as the next writer would, giving up after 2 s instead of 10. */
  async function takeLock(): Promise<void> {
    const store = openTestStore(repo.dir);
    await withRefLock({fs, commondir: store.deps.repo.commondir, ref: REF, who: store.identity, now: () => new Date(), timeoutMs: 2000}, async () => ({result: null, ref: null}));
  }

  for (let round = 0; round < KILLS; round++) {
    it(`keeps a complete state and takes the next write after kill ${round + 1} of ${KILLS}`, async t => {
      const worker = startWorker([repo.dir, `loop`, `k${round}`]);
      await firstLine(worker);
      await new Promise(resolve => setTimeout(resolve, 50 + Math.random() * 350));

      worker.kill(`SIGKILL`);
      const exit = await worker.exited;

      assert.equal(exit.signal, `SIGKILL`);
      const tip = repo.git([`rev-parse`, `--verify`, REF]).trim();
      assert.equal(repo.git([`cat-file`, `-t`, tip]).trim(), `commit`);
      assert.deepEqual(repo.fsck(), {status: 0, problems: []});
      const files = await readFiles(await openTestStore(repo.dir).snapshot());
      assert.deepEqual(Object.keys(files).sort(), repo.git([`ls-tree`, `-r`, `--name-only`, tip]).trim().split(`\n`));
      const loopFiles = Object.keys(files).filter(file => file.startsWith(`loop/`));
      assert.equal((JSON.parse(files[`counter.json`]!) as {n: number}).n, loopFiles.length);
      const lockLeft = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, `utf8`) : null;
      await assert.doesNotReject(takeLock(), `the lock the killed writer left, holding ${JSON.stringify(lockLeft)}, is not broken`);
      const next = await openTestStore(repo.dir).transact(meta, async snapshot => ({changes: [{path: `after-kill.json`, content: `${round}\n`}], result: await snapshot.readText(`counter.json`)}));
      assert.equal(next.committed, true);
      assert.equal(next.result, files[`counter.json`]);
      assert.equal(repo.git([`rev-parse`, `${REF}^`]).trim(), tip);
      assert.equal(fs.existsSync(lockPath), false);
      if (lockLeft !== null) locksBroken++;
      t.diagnostic(`lock left by the killed writer: ${JSON.stringify(lockLeft)}; locks broken so far: ${locksBroken}`);
    });
  }

  it(`has caught writers holding the lock, so the rounds above exercised breaking it`, () => {
    assert.ok(locksBroken > 0, `none of the ${KILLS} kills left a lock`);
  });
});

describe(`the ref lock protocol`, () => {
  let repo: GitRepo;
  let lockPath: string;
  beforeEach(async () => {
    repo = makeGitRepo();
    lockPath = path.join(repo.dir, `.git`, `${REF}.lock`);
    await openTestStore(repo.dir).transact(meta, async () => ({changes: [{path: `a.json`, content: `1\n`}], result: null}));
  });
  afterEach(() => repo.cleanup());

  it(`breaks a lock whose maestro owner is dead on this host and commits`, async () => {
    const before = repo.git([`rev-parse`, REF]).trim();
    fs.writeFileSync(lockPath, `maestro-lock pid ${deadPid()} host ${hostname()}\n`);

    const outcome = await openTestStore(repo.dir).transact(meta, async () => ({changes: [{path: `a.json`, content: `2\n`}], result: null}));

    assert.equal(outcome.committed, true);
    assert.equal(repo.git([`rev-parse`, `${REF}^`]).trim(), before);
    assert.equal(repo.git([`show`, `${REF}:a.json`]), `2\n`);
    assert.equal(fs.existsSync(lockPath), false);
    assert.equal(fs.existsSync(`${lockPath}.break`), false);
  });

  for (const [kind, content] of [[`native git's (empty)`, ``], [`native git's (an object id)`, `${`1`.repeat(40)}\n`]] as const) {
    it(`never breaks a lock without a maestro owner line, ${kind}, and reports it with the rm command`, async () => {
      const before = repo.git([`rev-parse`, REF]).trim();
      fs.writeFileSync(lockPath, content);
      const store = openTestStore(repo.dir);

      const attempt = withRefLock({fs, commondir: store.deps.repo.commondir, ref: REF, who: store.identity, now: () => new Date(), timeoutMs: 300}, async () => ({result: null, ref: {next: before, message: `x`}}));

      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof StoreBusyError);
        assert.equal(error.exitCode, 1);
        assert.match(error.message, /^refs\/maestro\/main is locked by another process \(git\?\)/);
        assert.ok(error.hint?.includes(`rm '${lockPath}'`), error.hint);
        return true;
      });
      assert.equal(fs.readFileSync(lockPath, `utf8`), content);
      assert.equal(repo.git([`rev-parse`, REF]).trim(), before);
    });
  }

  it(`never breaks the lock of a running process, and says to wait for it`, async () => {
    fs.writeFileSync(lockPath, `maestro-lock pid ${process.pid} host ${hostname()}\n`);
    const store = openTestStore(repo.dir);

    const attempt = withRefLock({fs, commondir: store.deps.repo.commondir, ref: REF, who: store.identity, now: () => new Date(), timeoutMs: 300}, async () => ({result: null, ref: null}));

    await assert.rejects(attempt, (error: unknown) => {
      assert.ok(error instanceof StoreBusyError);
      assert.match(error.message, new RegExp(`locked by pid ${process.pid}, running`));
      assert.match(error.hint ?? ``, /wait for it to finish/);
      return true;
    });
    assert.equal(fs.existsSync(lockPath), true);
  });

  it(`never breaks a lock held on another host, whatever its pid`, async () => {
    fs.writeFileSync(lockPath, `maestro-lock pid ${deadPid()} host other-host.invalid\n`);
    const store = openTestStore(repo.dir);

    const attempt = withRefLock({fs, commondir: store.deps.repo.commondir, ref: REF, who: store.identity, now: () => new Date(), timeoutMs: 300}, async () => ({result: null, ref: null}));

    await assert.rejects(attempt, /on other-host\.invalid/);
    assert.equal(fs.existsSync(lockPath), true);
  });
});
