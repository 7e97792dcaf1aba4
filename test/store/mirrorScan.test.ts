import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {HandEdit} from '../../lib/store/mirror.ts';
import {prefetchScan, SCAN_FILE} from '../../lib/store/mirrorScan.ts';
import type {Change} from '../../lib/store/types.ts';
import {Workspace} from '../../lib/workspace.ts';
import {makeGitRepo, TEST_ENV, type GitRepo} from '../helpers/gitRepo.ts';
import {nativeScannerSkip} from '../helpers/nativeScanner.ts';

// lib/store/mirrorScan.ts: on a mirror of 1,000 files or more, `status` checks only what the native
// scanner, or else `find`, lists as changed since the previous scan. The same cases run with each;
// every one compares that answer with the full scan's.
for (const scanner of [`native`, `find`] as const) {
  describe(`the quick hand-edit scan of a large mirror, listed by ${scanner}`, {skip: scanner === `native` ? nativeScannerSkip() : false}, () => {
    const env = {...TEST_ENV, ...(scanner === `find` ? {MAESTRO_NATIVE_SCAN: `0`} : {})};
    let repo: GitRepo;
    let workspace: Workspace;
    let mirrorDir: string;
    const feature = (i: number) => `missions/m1/features/f${String(i).padStart(4, `0`)}.json`;
    const mirrored = (file: string) => path.join(mirrorDir, file);
    const sortEdits = (edits: HandEdit[]) => [...edits].sort((a, b) => (a.path < b.path ? -1 : 1));
    /** The quick scan's answer, after checking that a scan really started and that the full scan agrees. */
    const quick = async (): Promise<HandEdit[]> => {
      const hasReference = fs.existsSync(path.join(mirrorDir, SCAN_FILE));
      const scan = workspace.mirror.startScan();
      assert.ok(scan, `a mirror of 1,000 files starts a quick scan`);
      assert.equal(scan.scanner, hasReference ? scanner : null, `the first scan, with no reference, checks every file`);
      const edits = await workspace.mirror.handEditsSince(scan);
      assert.deepEqual(sortEdits(edits), sortEdits(await workspace.mirror.handEdits()), `the quick scan agrees with the full scan`);
      return edits;
    };
    const transact = (changes: Change[]) => workspace.transact(`test write`, async () => ({changes, result: null}));

    before(async () => {
      repo = makeGitRepo();
      workspace = new Workspace({cwd: repo.dir, env});
      mirrorDir = path.join(repo.dir, `.maestro`);
      await transact([
        {path: `missions/m1/mission.json`, content: `{"title": "One"}\n`},
        ...Array.from({length: 1000}, (_, i) => ({path: feature(i), content: `{"n": ${i}}\n`})),
        {path: `missions/m1/notes/a.json`, content: `{"a": 1}\n`},
      ]);
    });
    after(() => repo.cleanup());

    it(`starts nothing on a small mirror, where a stat per file costs less`, async () => {
      const small = makeGitRepo();
      try {
        const space = new Workspace({cwd: small.dir, env});
        await space.transact(`small`, async () => ({changes: [{path: `a.json`, content: `{}\n`}], result: null}));
        assert.equal(space.mirror.startScan(), null);
      } finally {
        small.cleanup();
      }
    });

    it(`finds nothing on a clean mirror and records its reference`, async () => {
      assert.deepEqual(await quick(), []);
      assert.deepEqual(await quick(), []);
      assert.ok(fs.existsSync(path.join(mirrorDir, SCAN_FILE)));
      assert.deepEqual(fs.readdirSync(mirrorDir).filter(name => name.endsWith(`.tmp`)), []);
    });

    it(`finds a file deleted alone in the directory a write just renamed into`, async () => {
      await transact([{path: feature(900), content: `{"n": "rewritten"}\n`}]);
      fs.rmSync(mirrored(feature(901)));

      const edits = await quick();

      assert.deepEqual(edits, [{path: feature(901), kind: `deleted`}]);
      await workspace.mirror.restore([feature(901)]);
    });

    it(`finds an edit in place, even one whose mtime was put back`, async () => {
      fs.appendFileSync(mirrored(feature(10)), ` `);
      const file = mirrored(feature(11));
      const {mtime, atime} = fs.statSync(file);
      fs.writeFileSync(file, fs.readFileSync(file, `utf8`).replace(`1`, `7`));
      fs.utimesSync(file, atime, mtime);

      assert.deepEqual(await quick(), [{path: feature(10), kind: `modified`}, {path: feature(11), kind: `modified`}]);
    });

    it(`finds files deleted and added, and a new directory's files`, async () => {
      fs.rmSync(mirrored(feature(20)));
      fs.writeFileSync(mirrored(`missions/m1/features/new.json`), `{}\n`);
      fs.mkdirSync(mirrored(`missions/m1/extra/deep`), {recursive: true});
      fs.writeFileSync(mirrored(`missions/m1/extra/deep/x.json`), `{}\n`);

      const edits = await quick();

      assert.deepEqual(edits.filter(edit => edit.kind !== `modified`), [
        {path: `missions/m1/extra/deep/x.json`, kind: `added`},
        {path: feature(20), kind: `deleted`},
        {path: `missions/m1/features/new.json`, kind: `added`},
      ]);
    });

    it(`finds a file renamed by hand and a directory removed by hand`, async () => {
      fs.renameSync(mirrored(feature(30)), mirrored(`missions/m1/features/renamed.json`));
      fs.rmSync(mirrored(`missions/m1/notes`), {recursive: true});

      const edits = await quick();

      for (const expected of [{path: feature(30), kind: `deleted`}, {path: `missions/m1/features/renamed.json`, kind: `added`}, {path: `missions/m1/notes/a.json`, kind: `deleted`}])
        assert.ok(edits.some(edit => edit.path === expected.path && edit.kind === expected.kind), `${expected.kind} ${expected.path} in ${JSON.stringify(edits)}`);
    });

    it(`finds a file removed where an empty directory was added, which leaves the count as it was`, async () => {
      fs.rmSync(mirrored(feature(31)));
      fs.mkdirSync(mirrored(`missions/m1/features/empty`));

      const edits = await quick();

      assert.ok(edits.some(edit => edit.path === feature(31) && edit.kind === `deleted`), JSON.stringify(edits));
    });

    it(`still reports earlier edits once the reference has moved past them`, async () => {
      const before = await quick();
      // The reference is the previous scan's start less 2 s: wait until it is past every edit above.
      await new Promise(resolve => setTimeout(resolve, 2100));
      await quick();

      assert.deepEqual(await quick(), before);
    });

    it(`forgets edits that were put back, and takes the mirror's own writes for what they are`, async () => {
      await workspace.mirror.restore((await workspace.mirror.handEdits()).map(edit => edit.path));
      await transact([{path: feature(40), content: `{"n": "written"}\n`}, {path: feature(41), content: null}, {path: `missions/m1/features/added.json`, content: `{}\n`}]);

      assert.match(fs.readFileSync(path.join(mirrorDir, `.mirror`), `utf8`), /\nc \d+ missions\/m1\/features\n/, `the stamp counts the directory the sync wrote into`);
      assert.deepEqual(await quick(), []);
      fs.rmSync(mirrored(feature(42)));
      assert.deepEqual(await quick(), [{path: feature(42), kind: `deleted`}]);
      await workspace.mirror.restore([feature(42)]);
    });

    it(`finds a file deleted beside an empty directory made by hand long before`, async () => {
      fs.mkdirSync(mirrored(`missions/m1/features/old-empty`), {recursive: true});
      assert.deepEqual(await quick(), [], `an empty directory is no edit`);
      await new Promise(resolve => setTimeout(resolve, 2100));
      assert.deepEqual(await quick(), []);

      fs.rmSync(mirrored(feature(64)));

      assert.deepEqual(await quick(), [{path: feature(64), kind: `deleted`}]);
      await workspace.mirror.restore([feature(64)]);
    });

    it(`scans in full when the reference is in the future (a clock set back)`, async () => {
      fs.appendFileSync(mirrored(feature(50)), ` `);
      const future = new Date(Date.now() + 3_600_000);
      fs.utimesSync(path.join(mirrorDir, SCAN_FILE), future, future);
      const scan = workspace.mirror.startScan()!;

      assert.equal(await scan.changes(), null);
      assert.deepEqual(await workspace.mirror.handEditsSince(scan), [{path: feature(50), kind: `modified`}]);
      assert.ok(fs.statSync(path.join(mirrorDir, SCAN_FILE)).mtimeMs < Date.now(), `the next reference is taken from the file system's clock`);
    });

    it(`takes the scan the dispatcher started from a subdirectory, and drops one started for another mirror`, async () => {
      fs.mkdirSync(path.join(repo.dir, `src`, `deep`), {recursive: true});
      prefetchScan(path.join(repo.dir, `src`, `deep`), process.platform, env);
      const taken = workspace.mirror.startScan();
      assert.ok(taken);
      assert.equal(taken.scanner, scanner);
      assert.equal(path.dirname(taken.next), mirrorDir);
      assert.deepEqual(await workspace.mirror.handEditsSince(taken), await workspace.mirror.handEdits());

      const other = makeGitRepo();
      try {
        fs.mkdirSync(path.join(other.dir, `.maestro`));
        fs.writeFileSync(path.join(other.dir, `.maestro`, SCAN_FILE), ``);
        prefetchScan(other.dir, process.platform, env);
        workspace.mirror.dropScan(workspace.mirror.startScan());
        assert.deepEqual(fs.readdirSync(path.join(other.dir, `.maestro`)), [SCAN_FILE], `the other mirror's scan file is removed`);
      } finally {
        other.cleanup();
      }
    });

    it(`removes the unfinished reference of a status killed a while ago, not a recent one`, async () => {
      const killed = path.join(mirrorDir, `${SCAN_FILE}.999999.tmp`);
      const recent = path.join(mirrorDir, `${SCAN_FILE}.999998.tmp`);
      fs.writeFileSync(killed, ``);
      fs.writeFileSync(recent, ``);
      const longAgo = new Date(Date.now() - 3_600_000);
      fs.utimesSync(killed, longAgo, longAgo);

      await quick();

      assert.equal(fs.existsSync(killed), false);
      assert.equal(fs.existsSync(recent), true);
      fs.rmSync(recent);
    });

    it(`leaves the previous reference when a scan is dropped`, async () => {
      const reference = fs.readFileSync(path.join(mirrorDir, SCAN_FILE), `utf8`);
      const scan = workspace.mirror.startScan();
      workspace.mirror.dropScan(scan);
      await scan!.changes();

      assert.equal(fs.readFileSync(path.join(mirrorDir, SCAN_FILE), `utf8`), reference);
      assert.deepEqual(fs.readdirSync(mirrorDir).filter(name => name.endsWith(`.tmp`)), []);
    });
  });
}
