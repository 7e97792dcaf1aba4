import * as assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {listNotes, NOTES_REF} from '../../lib/store/notes.ts';
import {gitEnv, makeGitRepo, openTestStore, type GitRepo} from '../helpers/gitRepo.ts';
import {fastImportHistory} from './codeHistory.ts';

const WORKERS = 4;
const PER_WORKER = 10;
const ROOT = fileURLToPath(new URL(`../..`, import.meta.url));
const WORKER = fileURLToPath(new URL(`noteWorker.ts`, import.meta.url));

function runWorker(args: string[]): Promise<{code: number | null; stderr: string}> {
  const child = spawn(process.execPath, [`--import`, `tsx`, WORKER, ...args], {cwd: ROOT, env: gitEnv(), stdio: [`ignore`, `ignore`, `pipe`]});
  let stderr = ``;
  child.stderr.setEncoding(`utf8`).on(`data`, chunk => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.on(`error`, reject);
    child.on(`close`, code => resolve({code, stderr}));
  });
}

describe(`appendNote from ${WORKERS} processes at once`, () => {
  let repo: GitRepo;
  let commits: string[];
  let exits: Array<{code: number | null; stderr: string}>;
  before(async () => {
    repo = makeGitRepo();
    commits = fastImportHistory(repo, 1 + WORKERS * PER_WORKER);
    const own = (w: number) => commits.slice(1 + w * PER_WORKER, 1 + (w + 1) * PER_WORKER);

    exits = await Promise.all(Array.from({length: WORKERS}, (_, w) => runWorker([repo.dir, `w${w}`, commits[0]!, ...own(w)])));
  });
  after(() => repo.cleanup());

  it(`lets every writer finish with exit 0`, () => {
    assert.deepEqual(exits, exits.map(() => ({code: 0, stderr: ``})));
  });

  it(`loses no line on the note they all append to`, () => {
    const expected = Array.from({length: WORKERS}, (_, w) => Array.from({length: PER_WORKER}, (_, n) => `shared w${w} ${n}`)).flat().sort();

    const lines = repo.git([`notes`, `--ref=maestro`, `show`, commits[0]!]).trim().split(`\n`);

    assert.deepEqual(lines, expected);
  });

  it(`keeps every note each writer added, one notes commit per append, in one linear history`, async () => {
    const notes = await listNotes(openTestStore(repo.dir));

    assert.equal(notes.length, 1 + WORKERS * PER_WORKER);
    assert.equal(Number(repo.git([`rev-list`, `--count`, NOTES_REF])), 2 * WORKERS * PER_WORKER);
    assert.equal(repo.git([`rev-list`, `--merges`, NOTES_REF]), ``);
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, commits[1 + PER_WORKER]!]), `own w1 0\n`);
    assert.deepEqual(repo.fsck(), {status: 0, problems: []});
  });
});
