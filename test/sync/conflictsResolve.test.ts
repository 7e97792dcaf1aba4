import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeCluster, syncAll} from '../helpers/syncCluster.ts';

describe(`maestro conflicts resolve`, () => {
  it(`refuses to apply a status the merge refused when it is no valid move from the status now held`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    const update = (clone: typeof a, status: string) => clone!.json([`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status, `--json`]);
    for (const status of [`in-progress`, `review`]) { await update(a, status); await update(b, status); }
    await update(a, `done`);
    await update(b, `blocked`);
    await syncAll([a!, b!]);
    const [conflict] = (await a!.json([`conflicts`, `--json`])).conflicts;
    const tip = a!.git([`rev-parse`, `refs/maestro/main`]);

    const result = await a!.maestro([`conflicts`, `resolve`, conflict.id, `--take`, `theirs`]);

    assert.equal(conflict.kind, `transition`);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: invalid feature transition: done -> blocked; hint: done is a terminal state/);
    assert.equal(a!.git([`rev-parse`, `refs/maestro/main`]), tip);
  });

  it(`does nothing when resolved again the same way, and refuses the other way`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    await a!.json([`mission`, `update`, missionId, `--title`, `A`, `--json`]);
    await b!.json([`mission`, `update`, missionId, `--title`, `B`, `--json`]);
    await syncAll([a!, b!]);
    const [conflict] = (await a!.json([`conflicts`, `--json`])).conflicts;
    await a!.json([`conflicts`, `resolve`, conflict.id, `--take`, `theirs`, `--json`]);
    const tip = a!.git([`rev-parse`, `refs/maestro/main`]);

    const again = await a!.maestro([`conflicts`, `resolve`, conflict.id, `--take`, `theirs`, `--json`]);
    const other = await a!.maestro([`conflicts`, `resolve`, conflict.id, `--take`, `ours`]);

    assert.equal(again.code, 0);
    assert.equal(JSON.parse(again.stdout).changed, null);
    assert.equal(other.code, 1);
    assert.match(other.stderr, /was already resolved by agent-a at .*, taking theirs/);
    assert.equal(a!.git([`rev-parse`, `refs/maestro/main`]), tip);
  });
});
