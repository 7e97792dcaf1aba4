import * as assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {appendNote, catSortUniq, listNotes, NOTES_REF, readNote} from '../../lib/store/notes.ts';
import type {Store} from '../../lib/store/store.ts';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';

function append(store: Store, object: string, ...lines: string[]) {
  return appendNote(store, {object, lines, subject: `maestro: note ${object.slice(0, 12)} test`, agent: `agent-1`, session: `session-1`});
}

describe(`notes on refs/notes/maestro, with native git`, () => {
  let repo: GitRepo;
  let store: Store;
  let head: string;
  beforeEach(() => {
    repo = makeGitRepo();
    repo.git([`commit`, `--allow-empty`, `-q`, `-m`, `code`]);
    head = repo.git([`rev-parse`, `HEAD`]).trim();
    store = openTestStore(repo.dir);
  });
  afterEach(() => repo.cleanup());

  it(`writes a note that git notes show and git log --notes=maestro print`, async () => {
    await append(store, head, `maestro: mission=m1 feature=f1 status=done`);

    const shown = repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]);
    const log = repo.git([`log`, `--notes=maestro`, `-1`, `--format=%H%n%N`]);

    assert.equal(shown, `maestro: mission=m1 feature=f1 status=done\n`);
    assert.equal(log, `${head}\nmaestro: mission=m1 feature=f1 status=done\n\n`);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });

  it(`commits the notes tree with the old notes commit as parent, a subject and a reflog line`, async () => {
    const first = await append(store, head, `line one`);

    const second = await append(store, head, `line two`);

    assert.equal(repo.git([`rev-parse`, `${second.notesCommit}^`]).trim(), first.notesCommit);
    assert.equal(repo.git([`log`, `-1`, `--format=%s%n%(trailers:key=Maestro-Agent,valueonly)`, NOTES_REF]).trim(), `maestro: note ${head.slice(0, 12)} test\nagent-1`);
    assert.equal(repo.git([`reflog`, `show`, `--format=%H`, NOTES_REF]).trim().split(`\n`).length, 2);
  });

  it(`keeps the lines of a note added and appended by git when maestro appends (cat_sort_uniq)`, async () => {
    repo.git([`notes`, `--ref=maestro`, `add`, `-m`, `reviewed by a person`, `HEAD`]);
    repo.git([`notes`, `--ref=maestro`, `append`, `-m`, `zz appended by git`, `HEAD`]);

    const {note} = await append(store, head, `maestro: mission=m1 feature=f1 status=review`, `reviewed by a person`);

    const expected = `maestro: mission=m1 feature=f1 status=review\nreviewed by a person\nzz appended by git\n`;
    assert.equal(note, expected);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]), expected);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });

  it(`reads a note git appended to one maestro wrote`, async () => {
    await append(store, head, `maestro: mission=m1 feature=f1 status=done`);
    repo.git([`notes`, `--ref=maestro`, `append`, `-m`, `checked by hand`, `HEAD`]);

    const note = await readNote(openTestStore(repo.dir), head);

    assert.equal(note, `maestro: mission=m1 feature=f1 status=done\n\nchecked by hand\n`);
  });

  it(`reads no note on a commit without one, and none at all before the ref exists`, async () => {
    const before = await listNotes(store);
    await append(store, head, `x`);
    repo.git([`commit`, `--allow-empty`, `-q`, `-m`, `more code`]);

    const other = await readNote(store, repo.git([`rev-parse`, `HEAD`]).trim());

    assert.deepEqual(before, []);
    assert.equal(other, null);
  });

  it(`reads a note stored twice in a mixed fan-out as git does, and merges the copies into one on append`, async () => {
    const blob = (text: string) => repo.git([`hash-object`, `-w`, `--stdin`], {input: text}).trim();
    const sub = repo.git([`mktree`], {input: `100644 blob ${blob(`fanned\n`)}\t${head.slice(2)}\n`}).trim();
    const tree = repo.git([`mktree`], {input: `100644 blob ${blob(`flat\n`)}\t${head}\n040000 tree ${sub}\t${head.slice(0, 2)}\n`}).trim();
    repo.git([`update-ref`, NOTES_REF, repo.git([`commit-tree`, tree, `-m`, `mixed`]).trim()]);
    const shownByGit = repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]);
    const read = await readNote(store, head.toUpperCase());

    await append(store, head, `maestro line`);

    assert.deepEqual([read, shownByGit], [`fanned\n\nflat\n`, `fanned\n\nflat\n`]);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]), `fanned\nflat\nmaestro line\n`);
    assert.deepEqual(repo.git([`ls-tree`, `-r`, `--name-only`, NOTES_REF]).trim().split(`\n`), [`${head.slice(0, 2)}/${head.slice(2)}`]);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });

  it(`keeps entries of the notes tree that are not notes`, async () => {
    repo.git([`notes`, `--ref=maestro`, `add`, `-m`, `git`, `HEAD`]);
    const blob = repo.git([`hash-object`, `-w`, `--stdin`], {input: `not a note\n`}).trim();
    const tree = repo.git([`mktree`], {input: `${repo.git([`ls-tree`, NOTES_REF]).trim()}\n100644 blob ${blob}\tREADME\n`}).trim();
    repo.git([`update-ref`, NOTES_REF, repo.git([`commit-tree`, tree, `-p`, NOTES_REF, `-m`, `readme`]).trim()]);

    await append(store, head, `maestro line`);

    assert.equal(repo.git([`show`, `${NOTES_REF}:README`]), `not a note\n`);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]), `git\nmaestro line\n`);
  });
});

describe(`catSortUniq`, () => {
  it(`unites the lines of every text, drops empty ones, sorts them bytewise and keeps each once`, () => {
    const merged = catSortUniq([`b\n\na\n`, `a\nZ`, `é\nb\n`]);

    assert.equal(merged, `Z\na\nb\né\n`);
  });
});
