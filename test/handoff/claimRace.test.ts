import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {ensureBundle, runBundle} from '../helpers/bundle.ts';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

// The atomic claim, against the shipped bundle: real processes racing for git's ref lock.
const CLAIMERS = 8;
const run = (cwd: string, args: string[]) => runBundle(cwd, args);

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
