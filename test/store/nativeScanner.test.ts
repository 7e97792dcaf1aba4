import * as assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {parseScanRecords} from '../../lib/store/mirrorScan.ts';
import {nativeScanner} from '../../lib/store/nativeScanner.ts';
import type {GitFs} from '../../lib/store/types.ts';
import {Workspace} from '../../lib/workspace.ts';
import {makeGitRepo, TEST_ENV, type GitRepo} from '../helpers/gitRepo.ts';
import {nativeScannerSkip} from '../helpers/nativeScanner.ts';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe(`parseScanRecords`, () => {
  it(`reads find's paths and the native scanner's directory counts, relative to the mirror`, () => {
    const changes = parseScanRecords(`.\0./a b/c\nd.json\0./x\0#3 1 ./x\0#2 0 .\0`);

    assert.deepEqual(changes?.paths, [``, `a b/c\nd.json`, `x`]);
    assert.deepEqual([...changes!.counts], [[`x`, {files: 3, dirs: 1}], [``, {files: 2, dirs: 0}]]);
  });

  it(`gives null for a scan that failed, and nothing for one that found nothing`, () => {
    assert.equal(parseScanRecords(null), null);
    assert.deepEqual(parseScanRecords(``), {paths: [], counts: new Map()});
  });
});

// lib/store/native/ctimeScan.c, as built into dist/ by scripts/build.mjs.
describe(`the native mirror scanner`, {skip: nativeScannerSkip()}, () => {
  let dir: string;
  const scan = (reference = `.ref`) => {
    const scanner = nativeScanner({})!;
    const handle = scanner.start(dir, reference);
    return handle === null ? null : scanner.finish(handle);
  };
  const find = () => {
    const result = spawnSync(`find`, [`.`, `-cnewer`, `.ref`, `-print0`], {cwd: dir, encoding: `utf8`});
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };
  const paths = (records: string) => records.split(`\0`).filter(record => record !== `` && !record.startsWith(`#`)).sort();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-scan-`));
    for (const sub of [`a`, `a/deep`, `b`, `quiet`]) fs.mkdirSync(path.join(dir, sub), {recursive: true});
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, `a`, `f${i}.json`), `{}\n`);
    for (const name of [`a/deep/x.json`, `b/keep.json`, `b/gone.json`, `quiet/q.json`, `top.json`]) fs.writeFileSync(path.join(dir, name), `{}\n`);
    // The reference is taken after a pause and followed by one, so that the clock's coarse ticks
    // cannot put an untouched file on the wrong side of it.
    await sleep(50);
    fs.writeFileSync(path.join(dir, `.ref`), ``);
    await sleep(50);
    fs.appendFileSync(path.join(dir, `a`, `f7.json`), ` `);
    fs.rmSync(path.join(dir, `b`, `gone.json`));
    fs.writeFileSync(path.join(dir, `a`, `new name\nwith é.json`), `{}\n`);
    fs.writeFileSync(path.join(dir, `a`, `.hidden`), ``);
    fs.writeFileSync(path.join(dir, `a`, `f1.json.123.tmp`), ``);
    fs.mkdirSync(path.join(dir, `a`, `made`));
    fs.chmodSync(path.join(dir, `quiet`, `q.json`), 0o600);
  });
  after(() => fs.rmSync(dir, {recursive: true, force: true}));

  it(`lists exactly the paths find -cnewer lists`, () => {
    const records = scan();

    assert.ok(records !== null);
    assert.deepEqual(paths(records), paths(find()));
    assert.ok(paths(records).includes(`./a/f7.json`) && paths(records).includes(`./quiet/q.json`) && !paths(records).includes(`./a/f8.json`), records);
  });

  it(`counts each changed directory's entries but for dot names and temporary files`, () => {
    const {counts} = parseScanRecords(scan())!;

    // a: 50 files + the new one (not .hidden, not the .tmp), and the directories deep and made.
    assert.deepEqual(counts.get(`a`), {files: 51, dirs: 2});
    assert.deepEqual(counts.get(`b`), {files: 1, dirs: 0});
    assert.equal(counts.has(`quiet`), false, `a directory whose names did not change is not counted`);
    assert.equal(counts.has(`a/deep`), false);
  });

  it(`gives null when the directory or the reference is missing, as find fails`, () => {
    assert.equal(scan(`.no-such-reference`), null);
    const scanner = nativeScanner({})!;
    const handle = scanner.start(path.join(dir, `no-such-dir`), `.ref`);
    assert.equal(handle === null ? null : scanner.finish(handle), null);
  });

  it(`is turned off by MAESTRO_NATIVE_SCAN=0`, () => {
    assert.equal(nativeScanner({MAESTRO_NATIVE_SCAN: `0`}), null);
  });
});

describe(`status after a write to a large mirror`, {skip: nativeScannerSkip()}, () => {
  let repo: GitRepo;
  before(() => { repo = makeGitRepo(); });
  after(() => repo.cleanup());

  /** The directories a quick scan reads with readdirSync, right after a write into features/. */
  const readsAfterWrite = async (env: Record<string, string | undefined>, n: number): Promise<string[]> => {
    const reads: string[] = [];
    const countingFs = {...fs, readdirSync: ((dir: fs.PathLike, options?: unknown) => {
      reads.push(path.relative(path.join(repo.dir, `.maestro`), String(dir)));
      return (fs.readdirSync as (dir: fs.PathLike, options?: unknown) => unknown)(dir, options);
    }) as typeof fs.readdirSync} as GitFs;
    const workspace = new Workspace({cwd: repo.dir, env, fs: countingFs});
    await workspace.transact(`write ${n}`, async () => ({changes: [{path: `features/f1.json`, content: `{"n": ${n}}\n`}], result: null}));
    reads.length = 0;
    assert.deepEqual(await workspace.mirror.handEditsSince(workspace.mirror.startScan()), []);
    return reads;
  };

  it(`does not read again the directory the write renamed into: the native scanner counted it`, async () => {
    const seed = new Workspace({cwd: repo.dir, env: TEST_ENV});
    await seed.transact(`seed`, async () => ({changes: Array.from({length: 1000}, (_, i) => ({path: `features/f${i}.json`, content: `{"n": ${i}}\n`})), result: null}));
    await seed.mirror.handEditsSince(seed.mirror.startScan()); // the first scan checks everything and leaves the reference

    assert.equal((await readsAfterWrite({...TEST_ENV, MAESTRO_NATIVE_SCAN: `0`}, 1)).includes(`features`), true, `with find, the directory is read to count it`);
    assert.equal((await readsAfterWrite(TEST_ENV, 2)).includes(`features`), false);
  });
});
