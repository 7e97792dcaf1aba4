import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import type {Store} from '../../lib/store/store.ts';
import type {Change} from '../../lib/store/types.ts';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {dumpState, readFiles} from '../helpers/stateDump.ts';

const REF = `refs/maestro/main`;

async function write(store: Store, message: string, changes: Change[]) {
  return store.transact({message, agent: `agent-1`, session: `session-1`}, async () => ({changes, result: null}));
}

/** A short history touching nested paths, deletions and names that test git's tree order. */
async function writeHistory(store: Store): Promise<string[]> {
  const commits: string[] = [];
  const steps: Array<[string, Change[]]> = [
    [`init`, [{path: `missions/m1/mission.json`, content: `{"title": "One"}\n`}, {path: `memory/compiled.md`, content: `# memory\n`}]],
    [`feature create a`, [{path: `missions/m1/features/a.json`, content: `{"status": "pending"}\n`}, {path: `missions/m1/features/a-b.json`, content: `{}\n`}]],
    [`feature create a0`, [{path: `missions/m1/features/a0.json`, content: `{}\n`}, {path: `missions/m1/features/a/notes.md`, content: `x\n`}]],
    [`feature update a`, [{path: `missions/m1/features/a.json`, content: `{"status": "done"}\n`}]],
    [`handoff delete`, [{path: `memory/compiled.md`, content: null}, {path: `handoffs/h1.json`, content: `{}\n`}]],
  ];
  for (const [message, changes] of steps) commits.push((await write(store, message, changes)).tip!.commit);
  return commits;
}

describe(`Store read by native git`, () => {
  let repo: GitRepo;
  let store: Store;
  beforeEach(() => {
    repo = makeGitRepo();
    store = openTestStore(repo.dir);
  });
  afterEach(() => repo.cleanup());

  it(`passes git fsck --strict and shows the same files and history in git log, show and cat-file`, async () => {
    const commits = await writeHistory(store);

    const fsck = repo.fsck();
    const log = repo.git([`log`, `--format=%H %s`, REF]).trim().split(`\n`);
    const gitPaths = repo.git([`ls-tree`, `-r`, `--name-only`, REF]).trim().split(`\n`);

    assert.deepEqual(fsck, {status: 0, problems: []});
    assert.deepEqual(log, [...commits].reverse().map((commit, i) => `${commit} ${[`handoff delete`, `feature update a`, `feature create a0`, `feature create a`, `init`][i]}`));
    const files = await readFiles(await store.snapshot());
    assert.deepEqual(gitPaths, Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) assert.equal(repo.git([`show`, `${REF}:${file}`]), text);
    const tip = (await store.tip())!;
    const catFile = repo.git([`cat-file`, `-p`, tip.commit]);
    assert.match(catFile, new RegExp(`^tree ${tip.tree}\nparent ${commits[3]}\nauthor Maestro Test <test@maestro.invalid> \\d+ [+-]\\d{4}\ncommitter Maestro Test`));
    assert.match(catFile, /\n\nhandoff delete\n\nMaestro-Agent: agent-1\nMaestro-Session: session-1\n$/);
    assert.equal(repo.git([`log`, `-1`, `--format=%(trailers:key=Maestro-Agent,valueonly)`, REF]).trim(), `agent-1`);
  });

  it(`writes a large directory patched in place, stored uncompressed, that git reads and fsck accepts`, async () => {
    const names = Array.from({length: 600}, (_, i) => `missions/m1/features/f${String(i).padStart(4, `0`)}.json`);
    await write(store, `many`, names.map(name => ({path: name, content: `{"n": 0}\n`})));

    await write(store, `one`, [{path: names[300]!, content: `{"n": 1}\n`}]);

    assert.equal(repo.git([`show`, `${REF}:${names[300]}`]), `{"n": 1}\n`);
    assert.equal(repo.git([`ls-tree`, `--name-only`, `${REF}:missions/m1/features`]).trim().split(`\n`).length, 600);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });

  it(`appends one reflog entry per write that git reflog lists`, async () => {
    const commits = await writeHistory(store);

    const reflog = repo.git([`reflog`, `show`, `--format=%H %gs`, REF]).trim().split(`\n`);

    assert.deepEqual(reflog, [...commits].reverse().map(commit => `${commit} maestro: ${repo.git([`log`, `-1`, `--format=%s`, commit]).trim()}`));
  });

  it(`writes trees whose ids equal what git mktree makes of the same entries`, async () => {
    await writeHistory(store);
    const tip = (await store.tip())!;

    const trees = repo.git([`ls-tree`, `-r`, `-t`, `--format=%(objectname) %(objecttype)`, REF]).trim().split(`\n`)
      .filter(line => line.endsWith(` tree`)).map(line => line.split(` `)[0]!);

    for (const tree of [tip.tree, ...trees]) {
      const entries = await store.reader.tree(tree);
      const input = entries.map(entry => entry.mode === `40000` ? `040000 tree ${entry.oid}\t${entry.name}` : `${entry.mode} blob ${entry.oid}\t${entry.name}`).reverse().join(`\n`);
      assert.equal(repo.git([`mktree`], {input: `${input}\n`}).trim(), tree);
    }
    const features = repo.git([`ls-tree`, `--name-only`, `${REF}:missions/m1/features`]).trim().split(`\n`);
    assert.deepEqual(features, [`a-b.json`, `a.json`, `a`, `a0.json`]);
  });

  it(`orders non-ASCII names by their UTF-8 bytes, as git does`, async () => {
    const names = [`\u{1F600}.json`, `\uFF21.json`, `\u00E9.json`, `e.json`, `E.json`];

    const outcome = await write(store, `unicode names`, names.map(name => ({path: `u/${name}`, content: `{}\n`})));

    const listed = repo.git([`-c`, `core.quotePath=false`, `ls-tree`, `--name-only`, `${REF}:u`]).trim().split(`\n`);
    assert.deepEqual(listed, [`E.json`, `e.json`, `\u00E9.json`, `\uFF21.json`, `\u{1F600}.json`]);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
    const dir = (await store.reader.entry(outcome.tip!.tree, `u`))!.oid;
    const input = (await store.reader.tree(dir)).map(entry => `${entry.mode} blob ${entry.oid}\t${entry.name}`).join(`\n`);
    assert.equal(repo.git([`mktree`], {input: `${input}\n`}).trim(), dir);
  });

  it(`writes blobs whose ids equal git hash-object`, async () => {
    const content = `{"title": "Ünïcode ✓"}\n`;

    await write(store, `write`, [{path: `x.json`, content}]);

    assert.equal(repo.git([`rev-parse`, `${REF}:x.json`]).trim(), repo.git([`hash-object`, `--stdin`], {input: content}).trim());
  });

  it(`leaves HEAD, the index and the working tree of the code branch untouched`, async () => {
    fs.writeFileSync(path.join(repo.dir, `code.txt`), `v1\n`);
    repo.git([`add`, `code.txt`]);
    repo.git([`commit`, `--quiet`, `-m`, `code`]);
    fs.writeFileSync(path.join(repo.dir, `code.txt`), `v2\n`);
    repo.git([`add`, `code.txt`]);
    fs.writeFileSync(path.join(repo.dir, `untracked.txt`), `u\n`);
    const before = {head: repo.git([`symbolic-ref`, `HEAD`]), commit: repo.git([`rev-parse`, `HEAD`]), index: fs.readFileSync(path.join(repo.dir, `.git/index`)), status: repo.git([`status`, `--porcelain`])};

    await writeHistory(store);

    const after = {head: repo.git([`symbolic-ref`, `HEAD`]), commit: repo.git([`rev-parse`, `HEAD`]), index: fs.readFileSync(path.join(repo.dir, `.git/index`)), status: repo.git([`status`, `--porcelain`])};
    assert.deepEqual(after, before);
    assert.equal(before.status, `M  code.txt\n?? untracked.txt\n`);
    assert.deepEqual(repo.git([`for-each-ref`, `--format=%(refname)`]).trim().split(`\n`), [`refs/heads/main`, REF]);
  });
});

describe(`Store after git gc and git pack-refs`, () => {
  let repo: GitRepo;
  beforeEach(() => {
    repo = makeGitRepo();
  });
  afterEach(() => repo.cleanup());

  it(`reads the same state and history after packing, in this store and in a fresh one`, async () => {
    const store = openTestStore(repo.dir);
    await writeHistory(store);
    const before = await dumpState(store);

    repo.git([`gc`, `--quiet`, `--prune=now`]);
    repo.git([`pack-refs`, `--all`]);

    assert.equal(fs.existsSync(path.join(repo.dir, `.git`, REF)), false);
    assert.match(fs.readFileSync(path.join(repo.dir, `.git/packed-refs`), `utf8`), new RegExp(`^${before.tip} ${REF}$`, `m`));
    assert.match(repo.git([`count-objects`, `-v`]), /^count: 0$/m);
    assert.deepEqual(await dumpState(store), before);
    assert.deepEqual(await dumpState(openTestStore(repo.dir)), before);
    fs.rmSync(path.join(repo.dir, `.git/maestro/cache`), {recursive: true, force: true});
    assert.deepEqual(await dumpState(openTestStore(repo.dir)), before);
  });

  it(`keeps writing after gc, with the ref only in packed-refs, and git agrees`, async () => {
    const store = openTestStore(repo.dir);
    await writeHistory(store);
    repo.git([`gc`, `--quiet`, `--prune=now`]);
    repo.git([`pack-refs`, `--all`]);
    const packedTip = repo.git([`rev-parse`, REF]).trim();

    const next = await write(store, `after gc`, [{path: `missions/m1/features/a.json`, content: `{"status": "pending"}\n`}, {path: `late.json`, content: `{}\n`}]);
    const fresh = await write(openTestStore(repo.dir), `fresh process`, [{path: `later.json`, content: `{}\n`}]);

    assert.equal(next.committed, true);
    assert.equal(repo.git([`rev-parse`, `${fresh.tip!.commit}^^`]).trim(), packedTip);
    assert.equal(repo.git([`rev-parse`, REF]).trim(), fresh.tip!.commit);
    assert.equal(repo.git([`show`, `${REF}:missions/m1/features/a.json`]), `{"status": "pending"}\n`);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
    const files = await readFiles(await openTestStore(repo.dir).snapshot());
    assert.deepEqual(Object.keys(files).sort(), repo.git([`ls-tree`, `-r`, `--name-only`, REF]).trim().split(`\n`));
    assert.equal(repo.git([`rev-list`, `--count`, REF]).trim(), `7`);
  });

  it(`reads a history that git gc packed between two writes`, async () => {
    const store = openTestStore(repo.dir);
    await write(store, `one`, [{path: `a.json`, content: `1\n`}]);
    repo.git([`gc`, `--quiet`, `--prune=now`]);
    await write(store, `two`, [{path: `b.json`, content: `2\n`}]);
    repo.git([`pack-refs`, `--all`]);
    fs.rmSync(path.join(repo.dir, `.git/maestro/cache`), {recursive: true, force: true});

    const state = await dumpState(openTestStore(repo.dir));

    assert.deepEqual(state.files, {'a.json': `1\n`, 'b.json': `2\n`});
    assert.deepEqual(state.history.map(entry => entry.message.split(`\n`)[0]), [`two`, `one`]);
  });
});
