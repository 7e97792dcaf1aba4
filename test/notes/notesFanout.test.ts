import * as assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {appendNote, listNotes, NOTES_REF, readNote} from '../../lib/store/notes.ts';
import {makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {fastImportHistory} from './codeHistory.ts';

const COMMITS = 1000;
const GIT_NOTES = 900;
const MAESTRO_NOTES = 100;

function maestroLine(i: number): string {
  return `maestro: mission=m1 feature=f${i} status=done`;
}

/** `git notes list` as a map from annotated commit to note blob. */
function gitNotesList(repo: GitRepo): Map<string, string> {
  return new Map(repo.git([`notes`, `--ref=maestro`, `list`]).trim().split(`\n`).map(line => line.split(` `).reverse() as [string, string]));
}

describe(`a notes tree of ${COMMITS} commits fanned out by git, then written by maestro`, () => {
  let repo: GitRepo;
  let commits: string[];
  let rootBefore: string[];
  before(async () => {
    repo = makeGitRepo();
    commits = fastImportHistory(repo, COMMITS, {gitNotes: GIT_NOTES});
    rootBefore = repo.git([`ls-tree`, NOTES_REF]).trim().split(`\n`);
    const store = openTestStore(repo.dir);
    // Notes on 20 commits git already noted (merged) and on the MAESTRO_NOTES commits it did not.
    for (let i = GIT_NOTES - 20; i < GIT_NOTES + MAESTRO_NOTES; i++) {
      await appendNote(store, {object: commits[i]!, lines: [maestroLine(i)], subject: `maestro: note ${i}`, agent: `a`, session: `s`});
    }
  });
  after(() => repo.cleanup());

  it(`starts from a tree git fanned out into two-hex directories`, () => {
    assert.ok(rootBefore.length > 100);
    assert.ok(rootBefore.every(line => /^040000 tree [0-9a-f]{40}\t[0-9a-f]{2}$/.test(line)), rootBefore[0]);
  });

  it(`keeps the fan-out: every note maestro added sits in a two-hex directory, none at the root`, () => {
    const root = repo.git([`ls-tree`, NOTES_REF]).trim().split(`\n`);
    const paths = repo.git([`ls-tree`, `-r`, `--name-only`, NOTES_REF]).trim().split(`\n`);

    assert.ok(root.every(line => /\t[0-9a-f]{2}$/.test(line)));
    assert.equal(paths.length, GIT_NOTES + MAESTRO_NOTES);
    assert.ok(paths.every(path => /^[0-9a-f]{2}\/[0-9a-f]{38}$/.test(path)));
  });

  it(`lets git read every note: its own, maestro's, and the merged ones with both lines`, () => {
    const listed = gitNotesList(repo);

    assert.equal(listed.size, GIT_NOTES + MAESTRO_NOTES);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[0]!]), `git note 1\n`);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[GIT_NOTES + 10]!]), `${maestroLine(GIT_NOTES + 10)}\n`);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[GIT_NOTES - 5]!]), `git note ${GIT_NOTES - 4}\n${maestroLine(GIT_NOTES - 5)}\n`);
    assert.equal(repo.git([`log`, `--notes=maestro`, `-1`, `--format=%N`, commits[GIT_NOTES + 99]!]).trim(), maestroLine(GIT_NOTES + 99));
  });

  it(`lets maestro read every note, whoever wrote it`, async () => {
    const store = openTestStore(repo.dir);

    const notes = await listNotes(store);

    assert.equal(notes.length, GIT_NOTES + MAESTRO_NOTES);
    const byCommit = new Map(notes.map(({object, note}) => [object, note]));
    assert.equal(byCommit.get(commits[1]!), `git note 2\n`);
    assert.equal(byCommit.get(commits[GIT_NOTES - 1]!), `git note ${GIT_NOTES}\n${maestroLine(GIT_NOTES - 1)}\n`);
    assert.equal(await readNote(store, commits[GIT_NOTES + 50]!), `${maestroLine(GIT_NOTES + 50)}\n`);
  });

  it(`survives git rewriting the tree (git notes append), then maestro appending to a note git rewrote`, async () => {
    repo.git([`notes`, `--ref=maestro`, `append`, `-m`, `appended by git`, commits[GIT_NOTES + 2]!]);
    const store = openTestStore(repo.dir);

    await appendNote(store, {object: commits[GIT_NOTES + 1]!, lines: [`second line`], subject: `maestro: note again`, agent: `a`, session: `s`});

    assert.equal(gitNotesList(repo).size, GIT_NOTES + MAESTRO_NOTES);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[GIT_NOTES + 1]!]), `${maestroLine(GIT_NOTES + 1)}\nsecond line\n`);
    assert.equal(await readNote(store, commits[GIT_NOTES + 2]!), `${maestroLine(GIT_NOTES + 2)}\n\nappended by git\n`);
    assert.equal((await listNotes(store)).length, GIT_NOTES + MAESTRO_NOTES);
  });

  it(`passes git fsck`, () => {
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });
});

describe(`a flat notes tree`, () => {
  let repo: GitRepo;
  let commits: string[];
  before(async () => {
    repo = makeGitRepo();
    commits = fastImportHistory(repo, 257);
    const blob = repo.git([`hash-object`, `-w`, `--stdin`], {input: `flat note\n`}).trim();
    const tree = repo.git([`mktree`], {input: commits.slice(0, 256).map(commit => `100644 blob ${blob}\t${commit}\n`).join(``)}).trim();
    repo.git([`update-ref`, NOTES_REF, repo.git([`commit-tree`, tree, `-m`, `flat notes`]).trim()]);

    await appendNote(openTestStore(repo.dir), {object: commits[256]!, lines: [maestroLine(256)], subject: `maestro: note 256`, agent: `a`, session: `s`});
  });
  after(() => repo.cleanup());

  it(`is fanned out by maestro once it holds more than 256 notes, and git reads all of them`, () => {
    const root = repo.git([`ls-tree`, NOTES_REF]).trim().split(`\n`);

    assert.ok(root.every(line => /^040000 tree [0-9a-f]{40}\t[0-9a-f]{2}$/.test(line)), root[0]);
    assert.equal(gitNotesList(repo).size, 257);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[0]!]), `flat note\n`);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[256]!]), `${maestroLine(256)}\n`);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });
});
