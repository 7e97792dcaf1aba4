import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import * as z from 'zod/mini';
import {CorruptStateError, InputError} from '../../lib/errors.ts';
import type {Store} from '../../lib/store/store.ts';
import type {Change, CommitMeta} from '../../lib/store/types.ts';
import {blobId, hasLooseObject} from '../helpers/objects.ts';

export interface StoreFixture {
  store: Store;
  cleanup(): void;
}

const Feature = z.object({title: z.string(), status: z.enum([`pending`, `done`])});

const meta = (message = `maestro test write`): CommitMeta => ({message, agent: `agent-1`, session: `session-1`});

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function write(store: Store, changes: Change[], message?: string) {
  return store.transact(meta(message), async () => ({changes, result: null}));
}

/** The tree id at `dir` of the current tip (`` for the root). */
async function treeIdAt(store: Store, dir: string): Promise<string | undefined> {
  const tip = await store.tip();
  return (await store.reader.entry(tip!.tree, dir))?.oid;
}

/**
 * What every store must do, on memfs as on disk (git-bug's RepoTest): run by store.memfs.test.ts and
 * store.disk.test.ts with a factory that makes a fresh, empty repository for each test.
 */
export function storeContract(name: string, makeStore: () => StoreFixture): void {
  describe(`Store (${name})`, () => {
    let fixture: StoreFixture;
    let store: Store;
    beforeEach(() => {
      fixture = makeStore();
      store = fixture.store;
    });
    afterEach(() => fixture.cleanup());

    it(`has a null tip and an empty snapshot before the first write`, async () => {
      const tip = await store.tip();
      const snapshot = await store.snapshot();

      assert.equal(tip, null);
      assert.deepEqual(await snapshot.list(``), []);
      assert.equal(await snapshot.readText(`missions/m1/mission.json`), null);
      assert.deepEqual(await snapshot.readAll(`missions`, Feature), new Map());
    });

    it(`commits the files a transaction writes and reads them back`, async () => {
      const feature = {title: `Login`, status: `pending`};

      const outcome = await store.transact(meta(), async () => ({changes: [{path: `feature.json`, content: json(feature)}, {path: `notes.md`, content: `# notes\n`}], result: 42}));

      assert.equal(outcome.committed, true);
      assert.equal(outcome.result, 42);
      assert.deepEqual(await store.tip(), outcome.tip);
      const snapshot = await store.snapshot();
      assert.deepEqual(await snapshot.read(`feature.json`, Feature), feature);
      assert.equal(await snapshot.readText(`notes.md`), `# notes\n`);
    });

    it(`reads and writes files at nested paths`, async () => {
      await write(store, [{path: `missions/m1/features/f1.json`, content: json({title: `A`, status: `done`})}]);

      const snapshot = await store.snapshot();

      assert.deepEqual(await snapshot.read(`missions/m1/features/f1.json`, Feature), {title: `A`, status: `done`});
      assert.deepEqual(await snapshot.list(`missions`), [`m1`]);
      assert.deepEqual(await snapshot.list(`missions/m1`), [`features`]);
      assert.equal(await snapshot.readText(`missions/m1/features`), null);
      assert.equal(await snapshot.readText(`missions/m1/features/f1.json/x`), null);
    });

    it(`lists a directory's files and subdirectories sorted by name`, async () => {
      await write(store, [`c.json`, `a.json`, `b/x.json`, `B.json`, `a.md`].map(name => ({path: `dir/${name}`, content: `{}\n`})));

      const names = await (await store.snapshot()).list(`dir`);

      assert.deepEqual(names, [`B.json`, `a.json`, `a.md`, `b`, `c.json`]);
    });

    it(`gives each transaction body the snapshot of the current tip`, async () => {
      const increment = () => store.transact(meta(`increment`), async snapshot => {
        const n = Number(await snapshot.readText(`counter`) ?? `0`) + 1;
        return {changes: [{path: `counter`, content: `${n}\n`}], result: n};
      });

      const results = [(await increment()).result, (await increment()).result, (await increment()).result];

      assert.deepEqual(results, [1, 2, 3]);
      assert.equal(await (await store.snapshot()).readText(`counter`), `3\n`);
    });

    it(`keeps an older snapshot reading the state it was taken at`, async () => {
      await write(store, [{path: `a.json`, content: `1\n`}]);
      const before = await store.snapshot();

      await write(store, [{path: `a.json`, content: `2\n`}, {path: `b.json`, content: `3\n`}]);

      assert.equal(await before.readText(`a.json`), `1\n`);
      assert.equal(await before.readText(`b.json`), null);
      assert.equal(await (await store.snapshotAt(before.tip!.commit)).readText(`a.json`), `1\n`);
      assert.equal(await (await store.snapshot()).readText(`a.json`), `2\n`);
    });

    it(`validates every *.json entity of a directory with readAll and skips other files`, async () => {
      await write(store, [
        {path: `features/f2.json`, content: json({title: `Two`, status: `done`})},
        {path: `features/f1.json`, content: json({title: `One`, status: `pending`})},
        {path: `features/README.md`, content: `not an entity\n`},
      ]);

      const all = await (await store.snapshot()).readAll(`features`, Feature);

      assert.deepEqual([...all.entries()], [[`f1`, {title: `One`, status: `pending`}], [`f2`, {title: `Two`, status: `done`}]]);
    });

    it(`throws CorruptStateError naming the path when a blob fails its schema`, async () => {
      await write(store, [
        {path: `features/f1.json`, content: json({title: `One`, status: `pending`})},
        {path: `features/f2.json`, content: json({title: `Two`, status: `archived`})},
      ]);
      const snapshot = await store.snapshot();

      await assert.rejects(snapshot.readAll(`features`, Feature), (error: unknown) => {
        assert.ok(error instanceof CorruptStateError);
        assert.match(error.message, /^features\/f2\.json: status/);
        return true;
      });
      await assert.rejects(snapshot.read(`features/f2.json`, Feature), /features\/f2\.json/);
    });

    it(`reads a large directory the same from its validated cache, and still reports a blob that fails`, async () => {
      const many = Array.from({length: 80}, (_, i) => ({path: `features/f${String(i).padStart(2, `0`)}.json`, content: json({title: `F${i}`, status: `pending`})}));
      await write(store, many);
      const first = await (await store.snapshot()).readAll(`features`, Feature);

      const again = await (await store.snapshot()).readAll(`features`, Feature);
      await write(store, [{path: `features/f07.json`, content: json({title: `F7`, status: `done`})}]);
      const changed = await (await store.snapshot()).readAll(`features`, Feature);
      await write(store, [{path: `features/f08.json`, content: json({title: `F8`, status: `archived`})}]);

      assert.equal(first.size, 80);
      assert.deepEqual([...again], [...first]);
      assert.deepEqual(changed.get(`f07`), {title: `F7`, status: `done`});
      await assert.rejects((await store.snapshot()).readAll(`features`, Feature), /^CorruptStateError: features\/f08\.json: status|features\/f08\.json: status/);
    });

    it(`keeps a large directory's parsed cache right through additions and deletions, in name order`, async () => {
      await write(store, Array.from({length: 70}, (_, i) => ({path: `features/f${String(i + 10)}.json`, content: json({title: `F${i}`, status: `pending`})})));
      await (await store.snapshot()).readAll(`features`, Feature);

      await write(store, [{path: `features/f00.json`, content: json({title: `new first`, status: `pending`})}, {path: `features/f15.json`, content: null}]);
      await write(store, [{path: `features/f99.json`, content: json({title: `new last`, status: `done`})}]);
      const all = await (await store.snapshot()).readAll(`features`, Feature);

      const names = [...all.keys()];
      assert.equal(all.size, 71);
      assert.deepEqual([names[0], names.at(-1), all.has(`f15`)], [`f00`, `f99`, false]);
      assert.deepEqual(names, [...names].sort());
      assert.deepEqual(all.get(`f00`), {title: `new first`, status: `pending`});
    });

    it(`projects a large directory like readAll does, through writes, additions, deletions and a long delta chain`, async () => {
      const title = (entity: {title: string}) => entity.title;
      const expected = async () => new Map([...await (await store.snapshot()).readAll(`features`, Feature)].map(([name, entity]) => [name, entity.title]));
      await write(store, Array.from({length: 70}, (_, i) => ({path: `features/f${String(i + 10)}.json`, content: json({title: `F${i}`, status: `pending`})})));
      assert.deepEqual(await (await store.snapshot()).readProjected(`features`, Feature, `title-v1`, title), await expected());

      await write(store, [{path: `features/f00.json`, content: json({title: `new first`, status: `pending`})}, {path: `features/f15.json`, content: null}]);
      const afterOne = await (await store.snapshot()).readProjected(`features`, Feature, `title-v1`, title);
      for (let i = 0; i < 12; i++) await write(store, [{path: `features/f20.json`, content: json({title: `F20 take ${i}`, status: `done`})}]);
      const afterMany = await (await store.snapshot()).readProjected(`features`, Feature, `title-v1`, title);
      const again = await (await store.snapshot()).readProjected(`features`, Feature, `title-v1`, title);

      assert.deepEqual([afterOne.get(`f00`), afterOne.has(`f15`), [...afterOne.keys()][0]], [`new first`, false, `f00`]);
      assert.deepEqual([...afterMany], [...await expected()]);
      assert.deepEqual([...again], [...afterMany]);
      assert.equal(afterMany.get(`f20`), `F20 take 11`);
    });

    it(`validates a projected entity a write changed against the whole schema`, async () => {
      await write(store, Array.from({length: 70}, (_, i) => ({path: `features/f${String(i + 10)}.json`, content: json({title: `F${i}`, status: `pending`})})));
      await (await store.snapshot()).readProjected(`features`, Feature, `title-v1`, entity => entity.title);

      await write(store, [{path: `features/f12.json`, content: json({title: `F2`, status: `archived`})}]);

      await assert.rejects((await store.snapshot()).readProjected(`features`, Feature, `title-v1`, entity => entity.title), /features\/f12\.json: status/);
    });

    it(`removes a directory when its last file is deleted`, async () => {
      await write(store, [{path: `a/b/c.json`, content: `{}\n`}, {path: `a/d.json`, content: `{}\n`}]);

      await write(store, [{path: `a/b/c.json`, content: null}]);

      const snapshot = await store.snapshot();
      assert.deepEqual(await snapshot.list(`a`), [`d.json`]);
      assert.deepEqual(await snapshot.list(`a/b`), []);
      assert.equal(await store.reader.entry(snapshot.tip!.tree, `a/b`), null);
    });

    it(`leaves an empty root tree when every file is deleted`, async () => {
      await write(store, [{path: `a/b.json`, content: `{}\n`}]);

      const outcome = await write(store, [{path: `a/b.json`, content: null}]);

      assert.equal(outcome.committed, true);
      assert.equal(outcome.tip!.tree, `4b825dc642cb6eb9a060e54bf8d69288fbee4904`);
      assert.deepEqual(await (await store.snapshot()).list(``), []);
    });

    it(`makes no commit when the changes leave the tree as it was`, async () => {
      const first = await write(store, [{path: `a.json`, content: `1\n`}]);

      const same = await write(store, [{path: `a.json`, content: `1\n`}, {path: `absent.json`, content: null}]);
      const none = await store.transact(meta(), async () => ({changes: [], result: `kept`}));

      assert.equal(same.committed, false);
      assert.equal(same.tip!.commit, first.tip!.commit);
      assert.deepEqual({committed: none.committed, result: none.result, commit: none.tip!.commit}, {committed: false, result: `kept`, commit: first.tip!.commit});
      assert.equal((await store.tip())!.commit, first.tip!.commit);
    });

    it(`leaves the tip unchanged and releases the lock when the body throws`, async () => {
      const first = await write(store, [{path: `a.json`, content: `1\n`}]);
      const lockPath = path.join(store.deps.repo.commondir, `refs/maestro/main.lock`);

      await assert.rejects(store.transact(meta(), async () => {
        throw new Error(`domain rule refused`);
      }), /domain rule refused/);

      assert.equal((await store.tip())!.commit, first.tip!.commit);
      assert.equal(store.deps.fs.existsSync(lockPath), false);
      assert.equal((await write(store, [{path: `a.json`, content: `2\n`}])).committed, true);
    });

    it(`records the command as the subject and the agent and session as trailers`, async () => {
      const first = await write(store, [{path: `a.json`, content: `1\n`}], `feature create "Login"`);

      const second = await store.transact({...meta(`feature update\n  f1`), trailers: [[`Maestro-Warning`, `two\nlines`]]}, async () => ({changes: [{path: `a.json`, content: `2\n`}], result: null}));

      const commit = await store.reader.commit(second.tip!.commit);
      assert.equal(commit.message, `feature update f1\n\nMaestro-Agent: agent-1\nMaestro-Session: session-1\nMaestro-Warning: two lines\n`);
      assert.deepEqual(commit.parents, [first.tip!.commit]);
      assert.deepEqual((await store.reader.commit(first.tip!.commit)).parents, []);
      assert.equal(second.tip!.subject, `feature update f1`);
      assert.deepEqual(second.tip!.trailers, {'Maestro-Agent': `agent-1`, 'Maestro-Session': `session-1`, 'Maestro-Warning': `two lines`});
      assert.equal(commit.author.email, `test@maestro.invalid`);
    });

    it(`rewrites only the trees on changed paths and keeps every other subtree's id`, async () => {
      await write(store, [{path: `m/a/x.json`, content: `1\n`}, {path: `m/b/y.json`, content: `1\n`}, {path: `n/z.json`, content: `1\n`}]);
      const before = {root: await treeIdAt(store, ``), m: await treeIdAt(store, `m`), a: await treeIdAt(store, `m/a`), b: await treeIdAt(store, `m/b`), n: await treeIdAt(store, `n`)};

      await write(store, [{path: `m/a/x.json`, content: `2\n`}]);

      const after = {root: await treeIdAt(store, ``), m: await treeIdAt(store, `m`), a: await treeIdAt(store, `m/a`), b: await treeIdAt(store, `m/b`), n: await treeIdAt(store, `n`)};
      assert.notEqual(after.root, before.root);
      assert.notEqual(after.m, before.m);
      assert.notEqual(after.a, before.a);
      assert.equal(after.b, before.b);
      assert.equal(after.n, before.n);
    });

    for (const bad of [`../x`, `a//b`, `.git/x`, `a/.git/x`, `/abs`, `a/./b`, `a/`, ``]) {
      it(`refuses the path ${JSON.stringify(bad)} with InputError before writing anything`, async () => {
        const first = await write(store, [{path: `a.json`, content: `1\n`}]);
        const sibling = `sibling content ${bad}\n`;

        const attempt = write(store, [{path: `ok.json`, content: sibling}, {path: bad, content: `{}\n`}]);

        await assert.rejects(attempt, InputError);
        assert.equal((await store.tip())!.commit, first.tip!.commit);
        assert.equal(hasLooseObject(store.deps.fs, store.deps.repo.commondir, blobId(sibling)), false);
      });
    }

    it(`refuses to write a file where a directory is, and under a file`, async () => {
      const first = await write(store, [{path: `a/b.json`, content: `{}\n`}, {path: `f.json`, content: `{}\n`}]);

      const refusals = [];
      for (const changes of [
        [{path: `a`, content: `{}\n`}],
        [{path: `a`, content: null}],
        [{path: `f.json/c.json`, content: `{}\n`}],
        [{path: `new`, content: `{}\n`}, {path: `new/x.json`, content: `{}\n`}],
      ]) refusals.push(await write(store, changes).then(() => null, (error: unknown) => error));

      assert.ok(refusals.every(error => error instanceof InputError), String(refusals));
      assert.deepEqual(refusals.map(error => (error as Error).message), [
        `cannot write a: it is a directory in the state`,
        `cannot write a: it is a directory in the state`,
        `cannot write under f.json: it is a file in the state`,
        `cannot write under new: it is a file in the state`,
      ]);
      assert.equal((await store.tip())!.commit, first.tip!.commit);
      assert.deepEqual(await (await store.snapshot()).list(``), [`a`, `f.json`]);
    });
  });
}
