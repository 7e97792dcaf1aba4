import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeCluster, syncAll} from '../helpers/syncCluster.ts';

const ORDERS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

describe(`three clones syncing in every order`, () => {
  for (const order of ORDERS) {
    it(`converges with every change kept or in conflicts/ when the first round goes ${order.map(i => `abc`[i]).join(` -> `)}`, async () => {
      const {clones, missionId} = await makeCluster(3);
      const [a, b, c] = clones as [typeof clones[0], typeof clones[0], typeof clones[0]];
      const m = [`--mission`, missionId];
      await a.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `in-progress`, `--json`]);
      await b.json([`validate`, `update`, `auth-login-works`, ...m, `--result`, `passed`, `--evidence`, `npm test`, `--json`]);
      await c.json([`memory-correct`, `keep handoffs small`, `--json`]);
      for (const clone of clones) await clone.json([`mission`, `update`, missionId, `--title`, `title from ${clone.name}`, `--json`]);
      const saved = await c.json([`checkpoint`, `save`, ...m, `--json`]);

      for (const i of order) await clones[i]!.json([`sync`, `--json`]);
      await syncAll(clones);

      const trees = clones.map(clone => clone.tree());
      assert.deepEqual(trees, [trees[0], trees[0], trees[0]]);
      const feature = await c.json([`feature`, `show`, `auth-plan`, ...m, `--json`]);
      assert.equal(feature.feature?.status ?? feature.status, `in-progress`);
      assert.match(JSON.stringify(await a.json([`validate`, `show`, ...m, `--json`])), /"passed"/);
      assert.match(JSON.stringify(await b.json([`memory-search`, `handoffs`, `--json`])), /keep handoffs small/);
      const title = (await a.json([`mission`, `show`, missionId, `--json`])).mission?.title;
      const {conflicts} = await b.json([`conflicts`, `--json`]);
      const recorded = new Set(conflicts.flatMap((conflict: {kept: {value: unknown}; other: {value: unknown}}) => [conflict.kept.value, conflict.other.value]));
      for (const clone of clones) assert.ok(title === `title from ${clone.name}` || recorded.has(`title from ${clone.name}`), `${clone.name}'s title is kept or recorded`);
      const tag = `refs/tags/maestro/${missionId}/${saved.checkpoint?.id ?? saved.id}`;
      for (const clone of clones) assert.equal(clone.git([`rev-parse`, tag]).trim().length, 40);
    });
  }
});
