import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, refused} from '../helpers/missions.ts';

describe(`maestro note`, () => {
  const {initialised} = missionRepos();

  it(`saves a note as its own file with the time, the branch and the agent`, async () => {
    const repo = await initialised();

    const note = await maestroJson(repo, [`note`, `--content`, `the retry limit lives in config/auth.ts`]);

    assert.deepEqual([note.content, note.git_branch, note.agent], [`the retry limit lives in config/auth.ts`, `main`, `test-agent`]);
    assert.match(note.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.deepEqual(JSON.parse(repo.git([`show`, `refs/maestro/main:scratch-notes/${note.id}.json`])), note);
  });

  it(`prints the original's saved lines`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`note`, `--content`, `check the cache`]);

    assert.match(result.stdout, /^\[ok\] Note saved\n  Timestamp: \S+Z\n  Branch: main\n  Content: check the cache\n$/);
  });

  it(`lists the notes oldest first, as maestro notes too, and says when there are none`, async () => {
    const repo = await initialised();
    const empty = await maestro(repo, [`note`, `--list`]);
    await maestro(repo, [`note`, `--content`, `first`]);
    await maestro(repo, [`notes`, `--content`, `second`]);

    const list = await maestroJson(repo, [`notes`, `--list`]);
    const human = await maestro(repo, [`note`, `--list`]);

    assert.equal(empty.stdout, `No notes found\n`);
    assert.deepEqual(list.map((note: {content: string}) => note.content), [`first`, `second`]);
    assert.match(human.stdout, /^2 note\(s\)\n\n\S+Z  \[main\]\n  first\n\n\S+Z  \[main\]\n  second\n$/);
  });

  it(`records a detached HEAD as the branch HEAD`, async () => {
    const repo = await initialised();
    repo.git([`commit`, `--allow-empty`, `-m`, `code`]);
    repo.git([`checkout`, `--quiet`, `--detach`]);

    const note = await maestroJson(repo, [`note`, `--content`, `detached`]);

    assert.equal(note.git_branch, `HEAD`);
  });

  it(`refuses --content with --list, neither, and empty content with exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`note`, `--content`, `x`, `--list`], 2, /^maestro: --content and --list cannot be used together; hint: save with `maestro note --content '...'`, list with `maestro note --list`\n$/);
    await refused(repo, [`note`], 2, /^maestro: --content is required unless --list is used; hint: /);
    await refused(repo, [`notes`, `--content`, `  `], 2, /^maestro: --content is empty; hint: /);
  });

  it(`refuses to save or list before maestro init with exit 1`, async () => {
    const repo = makeGitRepo();

    const save = await maestro(repo, [`note`, `--content`, `too early`]);
    const list = await maestro(repo, [`note`, `--list`, `--json`]);

    assert.equal(save.code, 1);
    assert.match(save.stderr, /^maestro: maestro is not initialised in /);
    assert.equal(list.code, 1);
    assert.equal(JSON.parse(list.stderr).error.code, `E_NOT_INITIALIZED`);
    repo.cleanup();
  });
});
