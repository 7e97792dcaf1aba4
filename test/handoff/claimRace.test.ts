import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

// The atomic claim, against the shipped bundle: real processes racing for git's ref lock.
const root = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`);
const bin = path.join(root, `dist`, `maestro.mjs`);
const CLAIMERS = 8;

/** Builds the bundle unless it is newer than every source file (scripts/test.mjs has just built it). */
function ensureBundle(): void {
  const newest = (dir: string): number => Math.max(0, ...fs.readdirSync(path.join(root, dir), {withFileTypes: true, recursive: true})
    .filter(entry => entry.isFile() && entry.name.endsWith(`.ts`)).map(entry => fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs));
  const built = fs.statSync(bin, {throwIfNoEntry: false})?.mtimeMs ?? 0;
  if (built > Math.max(newest(`lib`), newest(`commands`))) return;
  const build = spawnSync(process.execPath, [path.join(root, `scripts`, `build.mjs`)], {cwd: root, encoding: `utf8`});
  assert.equal(build.status, 0, build.stderr);
}

function run(cwd: string, args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...gitEnv(), MAESTRO_AGENT: `e2e`}});
    let stdout = ``;
    let stderr = ``;
    child.stdout.setEncoding(`utf8`).on(`data`, chunk => { stdout += chunk; });
    child.stderr.setEncoding(`utf8`).on(`data`, chunk => { stderr += chunk; });
    child.on(`error`, reject);
    child.on(`close`, code => resolve({code, stdout, stderr}));
  });
}

describe(`maestro handoff pickup --claim, ${CLAIMERS} processes at once`, () => {
  let repo: GitRepo;
  before(() => {
    ensureBundle();
    repo = makeGitRepo();
  });
  after(() => repo.cleanup());

  it(`lets exactly one win; the others exit 1 naming the winner, and the record shows one claimer`, async () => {
    assert.equal((await run(repo.dir, [`init`])).code, 0);
    const created = await run(repo.dir, [`handoff`, `create`, `--mode`, `execute`, `--session-core`, `race`, `--summary`, `Race`, `--next-action`, `claim_it`,
      `--artifact`, `file_a_ts`, `--read-more`, `file_a_ts`, `--confidence-work`, `1`, `--json`]);
    const {id} = JSON.parse(created.stdout) as {id: string};
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]).trim();

    const results = await Promise.all(Array.from({length: CLAIMERS}, (_, i) => run(repo.dir, [`handoff`, `pickup`, `--claim`, `--agent`, `a${i}`, `--id`, id])));

    const winners = results.map((result, i) => (result.code === 0 ? `a${i}` : null)).filter(Boolean);
    assert.equal(winners.length, 1, results.map(r => r.stderr).join(``));
    const losers = results.filter(result => result.code !== 0);
    assert.equal(losers.length, CLAIMERS - 1);
    for (const loser of losers) {
      assert.equal(loser.code, 1);
      assert.match(loser.stderr, new RegExp(`^maestro: handoff ${id} was already claimed by ${winners[0]} at \\S+; hint: .*\\n$`));
    }
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:handoffs/${id}.json`]));
    assert.deepEqual([stored.status, stored.claimedBy, stored.pickedUpBy], [`picked-up`, winners[0], winners[0]]);
    assert.equal(repo.git([`rev-list`, `--count`, `${tip}..refs/maestro/main`]).trim(), `1`);
  });
});
