import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {NotFoundError} from '../../lib/errors.ts';
import {findRepository} from '../../lib/store/findRepository.ts';
import {ObjectDb} from '../../lib/store/objectDb.ts';
import {findByPrefix, resolveRevision} from '../../lib/store/resolveRevision.ts';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

function context(dir: string) {
  const repo = findRepository(fs, dir);
  return {fs, repo, objects: new ObjectDb(fs, repo.commondir, {})};
}

function resolve(dir: string, rev: string): Promise<string | null> {
  return resolveRevision(context(dir), rev);
}

describe(`resolveRevision`, () => {
  let repo: GitRepo;
  let first: string;
  let second: string;
  const rev = (name: string) => repo.git([`rev-parse`, `--verify`, `${name}^{commit}`]).trim();
  beforeEach(() => {
    repo = makeGitRepo();
    repo.git([`commit`, `--allow-empty`, `-q`, `-m`, `one`]);
    first = rev(`HEAD`);
    repo.git([`tag`, `-a`, `-m`, `annotated`, `v1`]);
    repo.git([`commit`, `--allow-empty`, `-q`, `-m`, `two`]);
    second = rev(`HEAD`);
  });
  afterEach(() => repo.cleanup());

  it(`resolves an unborn HEAD to null`, async () => {
    const empty = makeGitRepo();

    const head = await resolve(empty.dir, `HEAD`);

    empty.cleanup();
    assert.equal(head, null);
  });

  it(`resolves HEAD, @, branches, annotated tags (peeled), full and short ids as git does`, async () => {
    const names = [`HEAD`, `@`, `main`, `heads/main`, `refs/heads/main`, `v1`, `tags/v1`, first, first.slice(0, 7), second.toUpperCase()];

    const resolved = await Promise.all(names.map(name => resolve(repo.dir, name)));

    assert.deepEqual(resolved, names.map(name => rev(name === `@` ? `HEAD` : name)));
  });

  it(`reads refs and objects after git gc packed them`, async () => {
    repo.git([`gc`, `--quiet`]);

    const resolved = [await resolve(repo.dir, `main`), await resolve(repo.dir, `v1`), await resolve(repo.dir, first.slice(0, 8))];

    assert.ok(!fs.existsSync(path.join(repo.dir, `.git`, `refs`, `heads`, `main`)));
    assert.deepEqual(resolved, [second, first, first]);
  });

  it(`finds short ids in version 1 and version 2 pack indexes`, () => {
    repo.git([`-c`, `pack.indexVersion=2`, `repack`, `-adq`]);
    const v2 = findByPrefix(context(repo.dir), second.slice(0, 6));
    repo.git([`-c`, `pack.indexVersion=1`, `repack`, `-adq`]);

    const v1 = findByPrefix(context(repo.dir), second.slice(0, 6));

    assert.deepEqual([v2, v1], [[second], [second]]);
  });

  it(`follows a detached HEAD`, async () => {
    repo.git([`checkout`, `-q`, `--detach`, first]);

    const head = await resolve(repo.dir, `HEAD`);

    assert.equal(head, first);
  });

  it(`reads the HEAD of a linked worktree, not the main one`, async () => {
    const other = path.join(repo.dir, `..`, `${path.basename(repo.dir)}-wt`);
    repo.git([`worktree`, `add`, `-q`, `-b`, `side`, other, first]);

    const heads = [await resolve(other, `HEAD`), await resolve(repo.dir, `HEAD`), await resolve(repo.dir, `side`)];

    fs.rmSync(other, {recursive: true, force: true});
    assert.deepEqual(heads, [first, second, first]);
  });

  it(`asks git for anything else: HEAD~1, main^`, async () => {
    const resolved = [await resolve(repo.dir, `HEAD~1`), await resolve(repo.dir, `main^`)];

    assert.deepEqual(resolved, [first, first]);
  });

  it(`refuses names of no commit, and objects that are not commits, with NotFoundError`, async () => {
    const tree = repo.git([`rev-parse`, `HEAD^{tree}`]).trim();

    await assert.rejects(resolve(repo.dir, `no-such-branch`), (error: Error) => error instanceof NotFoundError && error.message === `no commit "no-such-branch" in this repository`);
    await assert.rejects(resolve(repo.dir, `HEAD~5`), NotFoundError);
    await assert.rejects(resolve(repo.dir, tree), (error: Error) => error instanceof NotFoundError && /names a tree, not a commit/.test(error.message));
  });
});
