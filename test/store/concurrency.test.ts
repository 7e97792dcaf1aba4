import * as assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {runWorker, type WorkerExit} from '../helpers/spawnWorker.ts';
import {readFiles} from '../helpers/stateDump.ts';

const WORKERS = 8;
const PER_WORKER = 25;

describe(`Store.transact from ${WORKERS} processes at once`, () => {
  let repo: GitRepo;
  let baseCommits: number;
  let exits: WorkerExit[];
  before(async () => {
    repo = makeGitRepo();
    await openTestStore(repo.dir).transact({message: `init`, agent: `test`, session: `test`}, async () => ({changes: [{path: `counter.json`, content: `{"n":0}\n`}], result: null}));
    baseCommits = Number(repo.git([`rev-list`, `--count`, `refs/maestro/main`]));

    exits = await Promise.all(Array.from({length: WORKERS}, (_, i) => runWorker([repo.dir, `append`, `w${i}`, String(PER_WORKER)])));
  });
  after(() => repo.cleanup());

  it(`lets every worker finish with exit 0`, () => {
    assert.deepEqual(exits.map(exit => ({code: exit.code, stderr: exit.stderr})), exits.map(() => ({code: 0, stderr: ``})));
  });

  it(`makes exactly one commit per transaction, in one linear history`, () => {
    const count = Number(repo.git([`rev-list`, `--count`, `refs/maestro/main`]));
    const merges = repo.git([`rev-list`, `--merges`, `refs/maestro/main`]);
    const reflog = repo.git([`reflog`, `show`, `--format=%H`, `refs/maestro/main`]).trim().split(`\n`);

    assert.equal(count - baseCommits, WORKERS * PER_WORKER);
    assert.equal(merges, ``);
    assert.equal(reflog.length, count);
  });

  it(`loses no read-modify-write: the counter equals the number of transactions`, async () => {
    const snapshot = await openTestStore(repo.dir).snapshot();

    const counter = JSON.parse((await snapshot.readText(`counter.json`))!) as {n: number};

    assert.equal(counter.n, WORKERS * PER_WORKER);
  });

  it(`keeps every file each worker wrote`, async () => {
    const expected = Array.from({length: WORKERS}, (_, i) => Array.from({length: PER_WORKER}, (_, n) => `w${i}-${n}.json`)).flat().sort();

    const files = await readFiles(await openTestStore(repo.dir).snapshot());

    assert.deepEqual((await (await openTestStore(repo.dir).snapshot()).list(`writes`)), expected);
    for (const name of expected) {
      const [id, n] = name.slice(0, -5).split(`-`);
      assert.deepEqual(JSON.parse(files[`writes/${name}`]!), {id, n: Number(n)});
    }
  });

  it(`leaves a repository git fsck --strict finds clean, with no lock behind`, () => {
    const fsck = repo.fsck();

    assert.deepEqual(fsck, {status: 0, problems: []});
    assert.equal(repo.tryGit([`rev-parse`, `--verify`, `--quiet`, `refs/maestro/main.lock`]).status, 1);
    assert.equal(repo.git([`status`, `--porcelain`, `--ignored`]), ``);
  });
});

describe(`one transition raced by ${WORKERS} processes`, () => {
  let repo: GitRepo;
  let exits: WorkerExit[];
  before(async () => {
    repo = makeGitRepo();
    await openTestStore(repo.dir).transact({message: `init`, agent: `test`, session: `test`}, async () => ({changes: [{path: `entity.json`, content: `{"status":"pending"}\n`}], result: null}));

    exits = await Promise.all(Array.from({length: WORKERS}, (_, i) => runWorker([repo.dir, `transition`, `w${i}`])));
  });
  after(() => repo.cleanup());

  it(`lets exactly one worker win and refuses the seven others with exit 1 and one stderr line`, () => {
    const winners = exits.filter(exit => exit.code === 0);
    const losers = exits.filter(exit => exit.code === 1);

    assert.equal(winners.length, 1);
    assert.equal(losers.length, WORKERS - 1);
    assert.equal(winners[0]!.stderr, ``);
    for (const loser of losers) assert.match(loser.stderr, /^maestro: entity\.json is in-progress \(by w\d\), not pending\n$/);
  });

  it(`stores the entity as taken by the winner, in exactly one new commit`, async () => {
    const winner = `w${exits.findIndex(exit => exit.code === 0)}`;

    const entity = JSON.parse((await (await openTestStore(repo.dir).snapshot()).readText(`entity.json`))!) as unknown;

    assert.deepEqual(entity, {status: `in-progress`, by: winner});
    assert.equal(repo.git([`rev-list`, `--count`, `refs/maestro/main`]).trim(), `2`);
    assert.match(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]), new RegExp(`^entity start by ${winner}\n$`));
    for (const loser of exits.filter(exit => exit.code === 1)) assert.ok(loser.stderr.includes(`(by ${winner})`));
  });
});
