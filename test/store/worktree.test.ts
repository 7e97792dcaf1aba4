import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {findRepository} from '../../lib/store/findRepository.ts';
import type {Store} from '../../lib/store/store.ts';
import {Workspace} from '../../lib/workspace.ts';
import {makeGitRepo, openTestStore, TEST_ENV, type GitRepo} from '../helpers/gitRepo.ts';

const REF = `refs/maestro/main`;

async function write(store: Store, file: string, content: string) {
  return store.transact({message: `write ${file}`, agent: `agent-1`, session: `session-1`}, async () => ({changes: [{path: file, content}], result: null}));
}

describe(`Store in a linked worktree`, () => {
  let repo: GitRepo;
  let outside: string;
  let linked: string;
  let deep: string;
  before(() => {
    repo = makeGitRepo();
    fs.writeFileSync(path.join(repo.dir, `README.md`), `code\n`);
    repo.git([`add`, `README.md`]);
    repo.git([`commit`, `--quiet`, `-m`, `code`]);
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-test-wt-`)));
    linked = path.join(outside, `linked`);
    repo.git([`worktree`, `add`, `--quiet`, `-b`, `feature`, linked]);
    deep = path.join(linked, `src`, `deep`);
    fs.mkdirSync(deep, {recursive: true});
  });
  after(() => {
    repo.cleanup();
    fs.rmSync(outside, {recursive: true, force: true});
  });

  it(`resolves the linked worktree, its own git dir and the main common dir from any subdirectory`, () => {
    const fromTop = findRepository(fs, linked);

    const fromDeep = findRepository(fs, deep);

    assert.deepEqual(fromTop, {worktree: linked, gitdir: path.join(repo.dir, `.git/worktrees/linked`), commondir: path.join(repo.dir, `.git`)});
    assert.deepEqual(fromDeep, fromTop);
  });

  it(`shows a write made from the linked worktree to the main worktree, and the other way round`, async () => {
    const fromLinked = await write(openTestStore(deep), `from-linked.json`, `{"by": "linked"}\n`);

    const fromMain = await write(openTestStore(repo.dir), `from-main.json`, `{"by": "main"}\n`);

    assert.equal(fromLinked.committed && fromMain.committed, true);
    assert.deepEqual(await openTestStore(linked).tip(), fromMain.tip);
    const linkedView = await openTestStore(deep).snapshot();
    assert.equal(await linkedView.readText(`from-main.json`), `{"by": "main"}\n`);
    assert.equal(await (await openTestStore(repo.dir).snapshot()).readText(`from-linked.json`), `{"by": "linked"}\n`);
    assert.equal(repo.git([`rev-parse`, `${fromMain.tip!.commit}^`]).trim(), fromLinked.tip!.commit);
    assert.equal(repo.git([`rev-parse`, REF], {cwd: linked}).trim(), fromMain.tip!.commit);
    assert.equal(repo.git([`show`, `${REF}:from-linked.json`], {cwd: linked}), `{"by": "linked"}\n`);
  });

  it(`puts objects, the ref, its reflog and the cache in the main .git, not in .git/worktrees/<name>`, async () => {
    const outcome = await write(openTestStore(linked), `where.json`, `{}\n`);

    const commit = outcome.tip!.commit;
    const common = path.join(repo.dir, `.git`);
    const own = path.join(common, `worktrees/linked`);
    assert.equal(fs.readFileSync(path.join(common, REF), `utf8`), `${commit}\n`);
    assert.equal(fs.existsSync(path.join(common, `objects`, commit.slice(0, 2), commit.slice(2))), true);
    assert.match(fs.readFileSync(path.join(common, `logs`, REF), `utf8`), new RegExp(` ${commit} .*\tmaestro: write where\\.json\n$`));
    assert.equal(fs.existsSync(path.join(common, `maestro/cache`)), true);
    assert.deepEqual(fs.readdirSync(own).filter(name => [`refs`, `objects`, `maestro`, `packed-refs`].includes(name)), []);
    assert.deepEqual(fs.readdirSync(path.join(own, `logs`)), [`HEAD`]);
    assert.equal(repo.git([`rev-parse`, `HEAD`], {cwd: linked}).trim(), repo.git([`rev-parse`, `main`]).trim());
  });

  it(`materializes .maestro/ in each worktree separately, each at its top directory`, async () => {
    const env = {...TEST_ENV};
    const linkedSpace = new Workspace({cwd: deep, env});
    const mainSpace = new Workspace({cwd: repo.dir, env});

    await linkedSpace.transact(`write mirrored.json`, async () => ({changes: [{path: `mirrored/one.json`, content: `{"n": 1}\n`}], result: null}));

    const linkedMirror = path.join(linked, `.maestro`);
    const mainMirror = path.join(repo.dir, `.maestro`);
    assert.equal(fs.readFileSync(path.join(linkedMirror, `mirrored/one.json`), `utf8`), `{"n": 1}\n`);
    assert.equal(fs.existsSync(path.join(deep, `.maestro`)), false);
    assert.equal(fs.existsSync(mainMirror), false);
    await mainSpace.mirror.sync();
    assert.equal(fs.readFileSync(path.join(mainMirror, `mirrored/one.json`), `utf8`), `{"n": 1}\n`);

    await mainSpace.transact(`write mirrored two`, async () => ({changes: [{path: `mirrored/two.json`, content: `{"n": 2}\n`}], result: null}));

    assert.equal(fs.existsSync(path.join(mainMirror, `mirrored/two.json`)), true);
    assert.equal(fs.existsSync(path.join(linkedMirror, `mirrored/two.json`)), false);
    assert.notEqual(linkedSpace.mirror.stampedCommit(), mainSpace.mirror.stampedCommit());
    await linkedSpace.mirror.sync();
    assert.equal(fs.readFileSync(path.join(linkedMirror, `mirrored/two.json`), `utf8`), `{"n": 2}\n`);
    assert.equal(linkedSpace.mirror.stampedCommit(), (await mainSpace.store.tip())!.commit);
  });
});
