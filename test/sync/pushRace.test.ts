import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {ensureBundle, runBundle} from '../helpers/bundle.ts';
import {makeCluster, syncAll} from '../helpers/syncCluster.ts';

// Real processes of the shipped CLI syncing through one bare remote at the same moment.
describe(`maestro sync from three clones at once`, () => {
  before(() => ensureBundle());

  it(`lets every sync finish and leaves every clone with every change`, {timeout: 120_000}, async () => {
    const {clones, missionId} = await makeCluster(3);
    for (const clone of clones) await clone.json([`memory-learn`, `--content`, `race learning from ${clone.name}`, `--json`]);
    await clones[0]!.json([`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--json`]);

    const results = await Promise.all(clones.map(clone => runBundle(clone.dir, [`sync`, `--json`], {MAESTRO_AGENT: clone.name})));
    await syncAll(clones);

    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.ok(results.some(result => JSON.parse(result.stdout).merge.kind === `merged`), `at least one sync had to merge`);
    const trees = clones.map(clone => clone.tree());
    assert.deepEqual(trees, [trees[0], trees[0], trees[0]]);
    const found = JSON.stringify(await clones[2]!.json([`memory-search`, `race`, `--json`]));
    for (const clone of clones) assert.match(found, new RegExp(`race learning from ${clone.name}`));
  });
});
