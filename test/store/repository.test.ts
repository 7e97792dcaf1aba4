import * as assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import * as z from 'zod/mini';
import {CorruptStateError, RepositoryError} from '../../lib/errors.ts';
import {findRepository} from '../../lib/store/findRepository.ts';
import {gitEnv, makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';

const Entity = z.object({status: z.string()});

function refusal(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof RepositoryError, String(error));
    assert.equal(error.exitCode, 2);
    assert.equal(error.code, `E_REPOSITORY`);
    assert.match(error.message, pattern);
    assert.ok(error.hint);
    return true;
  };
}

describe(`findRepository`, () => {
  const cleanups: Array<() => void> = [];
  const tempDir = () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-test-`)));
    cleanups.push(() => fs.rmSync(dir, {recursive: true, force: true}));
    return dir;
  };
  const repoWith = (initArgs: string[] = []) => {
    const repo = makeGitRepo({initArgs});
    cleanups.push(repo.cleanup);
    return repo;
  };
  afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

  it(`finds the top of the working tree and its .git from a subdirectory`, () => {
    const repo = repoWith();
    const sub = path.join(repo.dir, `a`, `b`);
    fs.mkdirSync(sub, {recursive: true});

    const found = findRepository(fs, sub);

    assert.deepEqual(found, {worktree: repo.dir, gitdir: path.join(repo.dir, `.git`), commondir: path.join(repo.dir, `.git`)});
  });

  it(`refuses a bare repository, from its top and from inside it, saying it is bare`, () => {
    const bare = repoWith([`--bare`]);

    assert.throws(() => findRepository(fs, bare.dir), refusal(/is a bare git repository/));
    assert.throws(() => findRepository(fs, path.join(bare.dir, `refs`, `heads`)), refusal(/is a bare git repository/));
  });

  it(`refuses a sha256 repository`, () => {
    const repo = repoWith([`--object-format=sha256`]);

    assert.throws(() => findRepository(fs, repo.dir), refusal(/uses sha256 object ids; maestro supports sha1 repositories only/));
  });

  it(`refuses a repository whose refs are not stored as files`, () => {
    const repo = repoWith();
    fs.appendFileSync(path.join(repo.dir, `.git/config`), `[extensions]\n\trefStorage = reftable\n`);

    assert.throws(() => findRepository(fs, repo.dir), refusal(/stores refs in reftable; maestro supports the files ref backend only/));
  });

  it(`refuses a .git file that names no git directory`, () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, `.git`), `not a gitdir line\n`);

    assert.throws(() => findRepository(fs, dir), refusal(/is not a valid gitdir file/));
  });
});

describe(`findRepository outside any repository`, () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-test-`)));
  });
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

  it(`throws RepositoryError, exit code 2, saying it is not inside a git repository`, t => {
    if (spawnSync(`git`, [`rev-parse`, `--git-dir`], {cwd: dir, env: gitEnv()}).status === 0) return t.skip(`${os.tmpdir()} is inside a git repository`);
    const sub = path.join(dir, `x`);
    fs.mkdirSync(sub);

    assert.throws(() => findRepository(fs, sub), refusal(new RegExp(`^not inside a git repository \\(searched from ${sub} upwards\\)$`)));
  });
});

describe(`Store reading a corrupt state`, () => {
  let repo: GitRepo;
  beforeEach(() => {
    repo = makeGitRepo();
  });
  afterEach(() => repo.cleanup());

  it(`throws CorruptStateError naming the path when an entity blob is not valid JSON`, async () => {
    const store = openTestStore(repo.dir);
    await store.transact({message: `write`, agent: `a`, session: `s`}, async () => ({changes: [{path: `features/f1.json`, content: `{"status": "pending",\n`}], result: null}));
    const snapshot = await openTestStore(repo.dir).snapshot();

    const read = snapshot.read(`features/f1.json`, Entity);

    await assert.rejects(read, (error: unknown) => {
      assert.ok(error instanceof CorruptStateError);
      assert.equal(error.exitCode, 1);
      assert.match(error.message, /^features\/f1\.json: not valid JSON/);
      assert.equal(error.hint, `see it with \`git show refs/maestro/main:features/f1.json\``);
      return true;
    });
    await assert.rejects(snapshot.readAll(`features`, Entity), (error: unknown) => error instanceof CorruptStateError && error.message.startsWith(`features/f1.json: not valid JSON`));
  });

  it(`throws CorruptStateError when the state ref holds something else than a commit id`, async () => {
    fs.mkdirSync(path.join(repo.dir, `.git/refs/maestro`), {recursive: true});
    fs.writeFileSync(path.join(repo.dir, `.git/refs/maestro/main`), `garbage\n`);

    const tip = openTestStore(repo.dir).tip();

    await assert.rejects(tip, (error: unknown) => error instanceof CorruptStateError && /refs\/maestro\/main holds "garbage", not a commit id/.test(error.message));
  });
});

describe(`Store identity`, () => {
  let repo: GitRepo;
  beforeEach(() => {
    repo = makeGitRepo();
  });
  afterEach(() => repo.cleanup());

  it(`authors commits as GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL when set, over the repository config`, async () => {
    const store = openTestStore(repo.dir, {GIT_AUTHOR_NAME: `Env Name`, GIT_AUTHOR_EMAIL: `env@example.invalid`});

    await store.transact({message: `write`, agent: `a`, session: `s`}, async () => ({changes: [{path: `a.json`, content: `{}\n`}], result: null}));

    assert.equal(repo.git([`log`, `-1`, `--format=%an <%ae>|%cn <%ce>`, `refs/maestro/main`]).trim(), `Env Name <env@example.invalid>|Env Name <env@example.invalid>`);
    assert.equal(store.identity.configured, true);
  });

  it(`falls back to a recognisable placeholder when no identity is configured anywhere`, async () => {
    repo.git([`config`, `--unset`, `user.name`]);
    repo.git([`config`, `--unset`, `user.email`]);
    const store = openTestStore(repo.dir, {HOME: repo.dir});

    await store.transact({message: `write`, agent: `a`, session: `s`}, async () => ({changes: [{path: `a.json`, content: `{}\n`}], result: null}));

    assert.deepEqual(store.identity, {name: `maestro`, email: `maestro@localhost`, configured: false});
    assert.equal(repo.git([`log`, `-1`, `--format=%an <%ae>`, `refs/maestro/main`]).trim(), `maestro <maestro@localhost>`);
  });
});
