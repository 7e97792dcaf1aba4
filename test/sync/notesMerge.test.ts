import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {gitEnv} from '../helpers/gitRepo.ts';
import {makeCluster, syncAll} from '../helpers/syncCluster.ts';

const git = (cwd: string, args: string[], input = ``): string => execFileSync(`git`, args, {cwd, env: gitEnv(), input, encoding: `utf8`}).trim();

describe(`sync of refs/notes/maestro`, () => {
  it(`merges a flat note and a fanned-out note on the same code commit into one union of lines`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    await a!.json([`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--json`]);
    // b's note sits where a large notes tree puts it: in a two-hex fan-out directory.
    const head = git(b!.dir, [`rev-parse`, `HEAD`]);
    const blob = git(b!.dir, [`hash-object`, `-w`, `--stdin`], `reviewed-by: agent-b\n`);
    const inner = git(b!.dir, [`mktree`], `100644 blob ${blob}\t${head.slice(2)}\n`);
    const outer = git(b!.dir, [`mktree`], `040000 tree ${inner}\t${head.slice(0, 2)}\n`);
    git(b!.dir, [`update-ref`, `refs/notes/maestro`, git(b!.dir, [`commit-tree`, outer, `-m`, `a fanned-out note`])]);

    await syncAll([a!, b!]);

    for (const clone of [a!, b!]) {
      const note = git(clone.dir, [`notes`, `--ref`, `maestro`, `show`, head]);
      assert.match(note, /feature=auth-plan/);
      assert.match(note, /^reviewed-by: agent-b$/m);
    }
    assert.equal(git(a!.dir, [`rev-parse`, `refs/notes/maestro`]), git(b!.dir, [`rev-parse`, `refs/notes/maestro`]));
  });
});
