import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import type {Change} from '../../lib/store/types.ts';
import {Workspace} from '../../lib/workspace.ts';
import {makeGitRepo, openTestStore, TEST_ENV, type GitRepo} from '../helpers/gitRepo.ts';
import {readFiles} from '../helpers/stateDump.ts';

/** Every file under `.maestro/` but the mirror's own dot-files, by path. */
function mirrorFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {withFileTypes: true})) {
      const child = relative === `` ? entry.name : `${relative}/${entry.name}`;
      if (entry.name.startsWith(`.`)) continue;
      if (entry.isDirectory()) walk(child);
      else files[child] = fs.readFileSync(path.join(dir, child), `utf8`);
    }
  };
  walk(``);
  return files;
}

describe(`Mirror (.maestro/)`, () => {
  let repo: GitRepo;
  let workspace: Workspace;
  let mirrorDir: string;
  const transact = (changes: Change[], space = workspace) => space.transact(`test write`, async () => ({changes, result: null}));
  /** Commits through the store alone, leaving the mirror as it was. */
  const commitOnly = (changes: Change[]) => workspace.store.transact({message: `behind the mirror`, agent: `a`, session: `s`}, async () => ({changes, result: null}));
  const mirrored = (file: string) => path.join(mirrorDir, file);
  beforeEach(async () => {
    repo = makeGitRepo();
    workspace = new Workspace({cwd: repo.dir, env: TEST_ENV});
    mirrorDir = path.join(repo.dir, `.maestro`);
    await transact([{path: `missions/m1/mission.json`, content: `{"title": "One"}\n`}, {path: `a.json`, content: `{"n": 1}\n`}]);
  });
  afterEach(() => repo.cleanup());

  it(`mirrors every file of the tip after each transaction and records the commit it shows`, async () => {
    await transact([{path: `missions/m1/features/f1.json`, content: `{"status": "pending"}\n`}, {path: `a.json`, content: `{"n": 2}\n`}]);

    const tip = (await workspace.store.tip())!;
    assert.deepEqual(mirrorFiles(mirrorDir), await readFiles(await workspace.store.snapshot()));
    assert.equal(workspace.mirror.stampedCommit(), tip.commit);
    assert.deepEqual(await workspace.mirror.handEdits(), []);
  });

  it(`removes a deleted state file and its emptied directories from the mirror`, async () => {
    await transact([{path: `missions/m1/mission.json`, content: null}]);

    assert.equal(fs.existsSync(mirrored(`missions`)), false);
    assert.deepEqual(mirrorFiles(mirrorDir), {'a.json': `{"n": 1}\n`});
  });

  it(`rebuilds a mirror left stale by git update-ref to an older commit`, async () => {
    const older = (await workspace.store.tip())!;
    await transact([{path: `a.json`, content: `{"n": 2}\n`}, {path: `b/new.json`, content: `{}\n`}]);
    repo.git([`update-ref`, `refs/maestro/main`, older.commit]);

    const kept = await workspace.mirror.sync();

    assert.deepEqual(kept, []);
    assert.equal(workspace.mirror.stampedCommit(), older.commit);
    assert.deepEqual(mirrorFiles(mirrorDir), {'a.json': `{"n": 1}\n`, 'missions/m1/mission.json': `{"title": "One"}\n`});
  });

  it(`rebuilds a mirror left stale by a write from another process that did not sync it`, async () => {
    await openTestStore(repo.dir).transact({message: `elsewhere`, agent: `b`, session: `t`}, async () => ({changes: [{path: `c.json`, content: `{}\n`}, {path: `a.json`, content: null}], result: null}));
    const staleStamp = workspace.mirror.stampedCommit();

    const kept = await new Workspace({cwd: repo.dir, env: TEST_ENV}).mirror.sync();

    const tip = (await workspace.store.tip())!;
    assert.deepEqual(kept, []);
    assert.notEqual(staleStamp, tip.commit);
    assert.equal(workspace.mirror.stampedCommit(), tip.commit);
    assert.deepEqual(mirrorFiles(mirrorDir), await readFiles(await workspace.store.snapshot()));
  });

  it(`reports a file edited by hand as modified and never overwrites it`, async () => {
    fs.writeFileSync(mirrored(`a.json`), `{"n": 1, "by": "hand"}\n`);

    const edits = await workspace.mirror.handEdits();
    await commitOnly([{path: `a.json`, content: `{"n": 3}\n`}, {path: `other.json`, content: `{}\n`}]);
    const kept = await workspace.mirror.sync();

    assert.deepEqual(edits, [{path: `a.json`, kind: `modified`}]);
    assert.deepEqual(kept, [`a.json`]);
    assert.equal(fs.readFileSync(mirrored(`a.json`), `utf8`), `{"n": 1, "by": "hand"}\n`);
    assert.equal(fs.readFileSync(mirrored(`other.json`), `utf8`), `{}\n`);
    assert.deepEqual(await workspace.mirror.handEdits(), [{path: `a.json`, kind: `modified`}]);
  });

  it(`reports a same-size edit made right after a sync as modified`, async () => {
    fs.writeFileSync(mirrored(`a.json`), `{"n": 9}\n`);

    const edits = await workspace.mirror.handEdits();

    assert.deepEqual(edits, [{path: `a.json`, kind: `modified`}]);
  });

  it(`does not report a file rewritten by hand with the content it already had`, async () => {
    const before = fs.statSync(mirrored(`a.json`)).mtimeMs;
    fs.writeFileSync(mirrored(`a.json`), `{"n": 1}\n`);
    fs.utimesSync(mirrored(`a.json`), new Date(), new Date(before + 5000));

    const edits = await workspace.mirror.handEdits();

    assert.deepEqual(edits, []);
  });

  it(`reports files added and deleted by hand, and never config.yaml`, async () => {
    fs.writeFileSync(mirrored(`added.json`), `{}\n`);
    fs.mkdirSync(mirrored(`notes`));
    fs.writeFileSync(mirrored(`notes/todo.md`), `- x\n`);
    fs.rmSync(mirrored(`missions/m1/mission.json`));
    fs.writeFileSync(mirrored(`config.yaml`), `agent: me\n`);

    const edits = await workspace.mirror.handEdits();

    assert.deepEqual(edits, [{path: `added.json`, kind: `added`}, {path: `missions/m1/mission.json`, kind: `deleted`}, {path: `notes/todo.md`, kind: `added`}]);
  });

  it(`keeps config.yaml through syncs and out of the state`, async () => {
    fs.writeFileSync(mirrored(`config.yaml`), `agent: me\n`);

    await transact([{path: `a.json`, content: null}]);
    repo.git([`update-ref`, `refs/maestro/main`, `${(await workspace.store.tip())!.commit}^`]);
    await workspace.mirror.sync();

    assert.equal(fs.readFileSync(mirrored(`config.yaml`), `utf8`), `agent: me\n`);
    assert.equal(repo.tryGit([`cat-file`, `-e`, `refs/maestro/main:config.yaml`]).status, 128);
    assert.deepEqual(await workspace.mirror.handEdits(), []);
  });

  it(`stops reporting a file deleted by hand once the state deletes it too`, async () => {
    fs.rmSync(mirrored(`a.json`));

    await commitOnly([{path: `a.json`, content: null}]);
    await workspace.mirror.sync();

    assert.deepEqual(await workspace.mirror.handEdits(), []);
  });

  it(`stops reporting a file edited by hand once the state takes the same content`, async () => {
    fs.writeFileSync(mirrored(`a.json`), `{"n": 2, "agreed": true}\n`);

    await commitOnly([{path: `a.json`, content: `{"n": 2, "agreed": true}\n`}]);
    await workspace.mirror.sync();

    assert.deepEqual(await workspace.mirror.handEdits(), []);
  });

  it(`updates a file touched by hand but unchanged when the state changes it`, async () => {
    fs.utimesSync(mirrored(`a.json`), new Date(), new Date(Date.now() + 5000));

    await commitOnly([{path: `a.json`, content: `{"n": 4}\n`}]);
    const kept = await workspace.mirror.sync();

    assert.deepEqual(kept, []);
    assert.equal(fs.readFileSync(mirrored(`a.json`), `utf8`), `{"n": 4}\n`);
  });

  it(`keeps a file added by hand when the state creates that path and then deletes it`, async () => {
    fs.writeFileSync(mirrored(`mine.json`), `{"mine": true}\n`);

    await commitOnly([{path: `mine.json`, content: `{"theirs": true}\n`}]);
    const keptOnCreate = await workspace.mirror.sync();
    await commitOnly([{path: `mine.json`, content: null}]);
    const keptOnDelete = await workspace.mirror.sync();

    assert.deepEqual([keptOnCreate, keptOnDelete], [[`mine.json`], [`mine.json`]]);
    assert.equal(fs.readFileSync(mirrored(`mine.json`), `utf8`), `{"mine": true}\n`);
    assert.deepEqual(await workspace.mirror.handEdits(), [{path: `mine.json`, kind: `added`}]);
  });
  it(`keeps mirror, journal and state in step over many small writes, deletions and re-additions`, async () => {
    const names = Array.from({length: 12}, (_, i) => `missions/m1/features/f${i}.json`);
    for (let round = 0; round < 120; round++) {
      const name = names[(round * 7) % names.length]!;
      await transact([{path: name, content: round % 5 === 4 ? null : `{"round": ${round}}\n`}]);
    }

    const state = await readFiles(await workspace.store.snapshot());
    const journal = fs.readFileSync(path.join(mirrorDir, `.mirror-index`), `utf8`).trim().split(`\n`);
    assert.deepEqual(mirrorFiles(mirrorDir), state);
    assert.deepEqual(await workspace.mirror.handEdits(), []);
    assert.ok(journal.length <= 2 * Object.keys(state).length + 64, `the journal was compacted (${journal.length} lines)`);
    const stamp = fs.readFileSync(path.join(mirrorDir, `.mirror`), `utf8`).split(`\n`)[0]!.split(` `);
    assert.equal(stamp[2], String(Object.keys(state).length));
    assert.equal(stamp[3], String(fs.readFileSync(path.join(mirrorDir, `.mirror-index`), `utf8`).split(`\n`).length), `the stamp counts the journal's lines`);
  });
});
