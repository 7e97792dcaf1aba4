import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {missionControlSource} from '../../lib/missionControl/missionControlSource.ts';
import {watchStateRef} from '../../lib/missionControl/watchStateRef.ts';
import {Workspace} from '../../lib/workspace.ts';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {createMission, maestro, missionRepos} from '../helpers/missions.ts';
import {ENV, ok} from './fixtures.ts';

const repos = missionRepos();
const stops: Array<() => void> = [];
after(() => stops.forEach(stop => stop()));

/** Watches the repository; `next()` resolves at the next change, or rejects after `ms`. */
function watching(repo: GitRepo) {
  let waiter: (() => void) | null = null;
  let count = 0;
  const stop = watchStateRef(new Workspace({cwd: repo.dir, env: ENV}), () => {
    count++;
    waiter?.();
  });
  stops.push(stop);
  return {
    stop,
    count: () => count,
    next: (ms = 3000) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change seen in ${ms} ms`)), ms);
      waiter = () => { clearTimeout(timer); waiter = null; resolve(); };
    }),
  };
}

describe(`watching refs/maestro/main`, () => {
  it(`reports a state write made after the watch began`, async () => {
    const {repo} = await repos.withMission();
    const watch = watching(repo);

    const seen = watch.next();
    await ok(repo, [`state`, `put`, `notes/a.json`, `{"a":1}`]);

    await seen;
    assert.ok(watch.count() >= 1);
  });

  it(`reports the first state of a repository that had none, and switches from home to the mission`, async () => {
    const repo = makeGitRepo();
    after(() => repo.cleanup());
    const source = missionControlSource(new Workspace({cwd: repo.dir, env: ENV}), {});
    const watch = watching(repo);
    const before = await source.load();

    const seen = watch.next();
    await ok(repo, [`init`]);
    await seen;
    const initialised = await source.load();
    const again = watch.next();
    await createMission(repo);
    await again;
    const withMission = await source.load();

    assert.deepEqual([before.mode, before.home?.headline], [`home`, `maestro is not initialised here`]);
    assert.deepEqual([initialised.mode, initialised.home?.headline], [`home`, `No missions yet`]);
    assert.deepEqual([withMission.mode, withMission.missionTitle], [`mission`, `Add authentication`]);
  });

  it(`keeps reporting after git pack-refs moves the ref into packed-refs and its directory goes`, async () => {
    const {repo} = await repos.withMission();
    const watch = watching(repo);

    const packed = watch.next();
    repo.git([`pack-refs`, `--all`, `--prune`]);
    await packed;
    // Some git versions also remove the emptied directory: the watch must wait for it again.
    fs.rmSync(path.join(repo.dir, `.git`, `refs`, `maestro`), {recursive: true, force: true});
    await sleep(100);
    const written = watch.next();
    await ok(repo, [`state`, `put`, `notes/b.json`, `{"b":1}`]);

    await written;
    assert.equal(fs.existsSync(path.join(repo.dir, `.git`, `refs`, `maestro`, `main`)), true);
  });

  it(`reports a checkpoint saved without a state change`, async () => {
    const {repo, missionId} = await repos.withMission();
    const watch = watching(repo);

    const seen = watch.next();
    await ok(repo, [`checkpoint`, `save`, `--mission`, missionId]);

    await seen;
    assert.ok(watch.count() >= 1);
  });

  it(`reports nothing once stopped`, async () => {
    const {repo} = await repos.withMission();
    const watch = watching(repo);
    watch.stop();

    await maestro(repo, [`state`, `put`, `notes/c.json`, `{"c":1}`]);
    await sleep(300);

    assert.equal(watch.count(), 0);
  });
});
