import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {withRefLock} from '../../lib/store/refLock.ts';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {firstLine, runWorker, startWorker} from '../helpers/spawnWorker.ts';
import {readFiles} from '../helpers/stateDump.ts';

const REF = `refs/maestro/main`;

/**
 * The crash test kills writers at random moments; this one kills a writer just before each of the
 * file-system mutations of one transaction in turn (storeWorker.ts `pause` mode), so every crash window
 * of the lock protocol is hit on every run.
 */
describe(`Store.transact killed before each of its file-system steps`, () => {
  let repo: GitRepo;
  let steps: number;
  before(async () => {
    repo = makeGitRepo();
    const done = await runWorker([repo.dir, `pause`, `count`, `1000000`]);
    steps = Number(/^done (\d+)$/m.exec(done.stdout)?.[1]);
  });
  after(() => repo.cleanup());

  it(`runs a transaction of at least a dozen steps to the end when not paused`, () => {
    assert.ok(steps >= 12, `steps: ${steps}`);
  });

  it(`leaves the old or the new state, complete, and a lock the next writer can take, at every step`, async () => {
    const failures: string[] = [];
    const lockPath = path.join(repo.dir, `.git`, `${REF}.lock`);

    let step = 1;
    for (; step < 200; step++) {
      const before = repo.git([`rev-parse`, REF]).trim();
      const worker = startWorker([repo.dir, `pause`, `s${step}`, String(step)]);
      const paused = await firstLine(worker);
      worker.kill(`SIGKILL`);
      await worker.exited;
      if (paused.startsWith(`done`)) break;

      const tip = repo.git([`rev-parse`, REF]).trim();
      if (tip !== before && repo.git([`rev-parse`, `${tip}^`]).trim() !== before) failures.push(`${paused}: the ref moved to ${tip}, not a child of ${before}`);
      const fsck = repo.fsck();
      if (fsck.status !== 0 || fsck.problems.length > 0) failures.push(`${paused}: git fsck: ${fsck.problems.join(` | `)}`);
      const files = await readFiles(await openTestStore(repo.dir).snapshot());
      const written = Object.keys(files).filter(file => file.startsWith(`pause/`)).length;
      if ((JSON.parse(files[`counter.json`]!) as {n: number}).n !== written) failures.push(`${paused}: counter.json disagrees with the ${written} files`);
      const lockContent = fs.existsSync(lockPath) ? JSON.stringify(fs.readFileSync(lockPath, `utf8`)) : null;
      const store = openTestStore(repo.dir);
      try {
        await withRefLock({fs, commondir: store.deps.repo.commondir, ref: REF, who: store.identity, now: () => new Date(), timeoutMs: 2000}, async () => ({result: null, ref: null}));
        const next = await store.transact({message: `after step ${step}`, agent: `test`, session: `test`}, async () => ({changes: [{path: `after/${step}.json`, content: `{}\n`}], result: null}));
        if (!next.committed) failures.push(`${paused}: the next transaction made no commit`);
      } catch (error) {
        failures.push(`${paused}: the next writer failed with the lock holding ${lockContent}: ${(error as Error).message}`);
        fs.rmSync(lockPath, {force: true});
      }
    }

    // Later transactions take fewer steps than the first (directories exist by then): what matters is
    // that the loop reached the transaction's end, having killed it before every step on the way.
    assert.ok(step >= 12 && step < 200, `stopped after ${step} steps`);
    assert.deepEqual(failures, []);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });
});
