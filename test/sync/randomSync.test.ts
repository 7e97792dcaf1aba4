import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {seededRandom} from '../helpers/seededRandom.ts';
import {makeCluster, syncAll, type Clone} from '../helpers/syncCluster.ts';
import {planJson} from '../helpers/missions.ts';

const OPS_PER_CLONE = 200;
const FORWARD: Record<string, string[]> = {pending: [`in-progress`], 'in-progress': [`review`], review: [`done`, `pending`], done: []};

/**
 * Three clones each make 200 random changes (their own features, shared titles, learnings, handoffs,
 * claims, checkpoints) with random syncs in between, then sync to rest. Every clone must end with the
 * same tree and nothing any clone did may be lost: each change is in the final state, or was seen and
 * overwritten by a later change, or is recorded in conflicts/.
 */
describe(`random operations on three clones with random syncs`, () => {
  it(`converges to one tree and loses no operation`, {timeout: 300_000}, async () => {
    const random = seededRandom(20261125);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const cluster = await makeCluster(3, {mission: false});
    const [first] = cluster.clones;
    const plan = planJson(p => {
      for (const name of [`a`, `b`, `c`]) for (const n of [1, 2]) {
        p.features.push({...p.features[0]!, id: `${name}-own-${n}`, dependsOn: [], fulfills: []});
      }
    });
    const missionId = JSON.parse((await first!.maestro([`mission`, `create`, `--file`, `-`, `--json`], plan)).stdout).mission.id;
    await syncAll(cluster.clones);
    const m = [`--mission`, missionId];

    const learnings: string[] = [];
    const handoffs: string[] = [];
    const checkpoints: string[] = [];
    const lastStatus = new Map<string, string>();
    const titles = new Set<string>();
    const overwritten = new Set<string>();
    const claims: Array<{handoff: string; agent: string}> = [];
    const mirror = (clone: Clone, file: string) => JSON.parse(fs.readFileSync(path.join(clone.dir, `.maestro`, file), `utf8`));

    const queue = cluster.clones.flatMap(clone => Array.from({length: OPS_PER_CLONE}, () => clone));
    for (let i = queue.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [queue[i], queue[j]] = [queue[j]!, queue[i]!]; }
    for (const [n, clone] of queue.entries()) {
      const letter = clone.name.slice(-1);
      const roll = random();
      if (roll < 0.12) {
        await clone.json([`sync`, `--json`]);
      } else if (roll < 0.30) {
        const feature = `${letter}-own-${pick([1, 2])}`;
        const current = mirror(clone, `missions/${missionId}/features/${feature}.json`).status as string;
        const next = FORWARD[current]!.length ? pick(FORWARD[current]!) : null;
        if (next) {
          await clone.json([`feature`, `update`, feature, ...m, `--status`, next, ...(next === `pending` ? [`--retry-reason`, `retry`] : []), `--json`]);
          lastStatus.set(feature, next);
        }
      } else if (roll < 0.45) {
        const title = `title ${n} by ${clone.name}`;
        overwritten.add(mirror(clone, `missions/${missionId}/mission.json`).title);
        await clone.json([`mission`, `update`, missionId, `--title`, title, `--json`]);
        titles.add(title);
      } else if (roll < 0.62) {
        const content = `learning ${n} from ${clone.name}`;
        await clone.json([`memory-learn`, `--content`, content, `--json`]);
        learnings.push(content);
      } else if (roll < 0.78) {
        const summary = `Work-${n}-ready`;
        await clone.json([`handoff`, `create`, `--mode`, `execute`, `--session-core`, `random_ops`, `--summary`, summary, `--next-action`, `continue_work`, `--confidence-work`, `0.8`, `--json`]);
        handoffs.push(summary);
      } else if (roll < 0.92) {
        const pending = (await clone.json([`handoff`, `list`, `--status`, `pending`, `--json`])) as Array<{id: string}>;
        if (pending.length) {
          const id = pick(pending).id;
          const result = await clone.maestro([`handoff`, `pickup`, `--claim`, `--agent`, clone.name, `--id`, id, `--json`]);
          assert.ok(result.code === 0 || result.code === 1, result.stderr);
          if (result.code === 0) claims.push({handoff: id, agent: clone.name});
        }
      } else if (roll < 0.96) {
        const saved = await clone.json([`checkpoint`, `save`, ...m, `--json`]);
        checkpoints.push(`refs/tags/maestro/${missionId}/${saved.checkpoint?.id ?? saved.id}`);
      } else {
        await clone.json([`memory-compile`, `--json`]);
      }
    }
    await syncAll(cluster.clones);

    const trees = cluster.clones.map(clone => clone.tree());
    assert.deepEqual(trees, [trees[0], trees[0], trees[0]], `every clone holds the same state tree`);
    const [a] = cluster.clones;
    const conflicts = (await a!.json([`conflicts`, `--all`, `--json`])).conflicts as Array<{kind: string; path: string; field: string | null; kept: {value: any}; other: {value: any}}>;
    const state = JSON.stringify(await a!.json([`memory-search`, `learning`, `--json`]));
    for (const content of learnings) assert.ok(state.includes(content), `learning "${content}" is in the final state`);
    const finalHandoffs = (await a!.json([`handoff`, `list`, `--json`])) as Array<{id: string; summary?: string; claimedBy?: string}>;
    const summaries = JSON.stringify(finalHandoffs);
    for (const summary of handoffs) assert.ok(summaries.includes(summary), `handoff ${summary} is in the final state`);
    for (const [feature, status] of lastStatus) {
      assert.equal(mirror(a!, `missions/${missionId}/features/${feature}.json`).status, status, `${feature} ends where its only writer left it`);
    }
    const finalTitle = mirror(a!, `missions/${missionId}/mission.json`).title;
    const setAside = new Set(conflicts.filter(c => c.field === `title`).flatMap(c => [c.other.value, c.kept.value]));
    for (const title of titles) assert.ok(title === finalTitle || overwritten.has(title) || setAside.has(title), `title "${title}" is final, overwritten by someone who saw it, or in conflicts/`);
    for (const claim of claims) {
      const handoff = finalHandoffs.find(h => h.id === claim.handoff)!;
      const lost = conflicts.some(c => c.kind === `claim` && c.path === `handoffs/${claim.handoff}.json` && c.other.value?.claimedBy === claim.agent);
      assert.ok(handoff.claimedBy === claim.agent || lost, `the claim of ${claim.handoff} by ${claim.agent} holds or is recorded as lost`);
    }
    for (const tag of checkpoints) for (const clone of cluster.clones) assert.equal(clone.git([`rev-parse`, `--verify`, `--quiet`, tag]).trim().length, 40, `${tag} reached ${clone.name}`);
    assert.ok(learnings.length > 20 && handoffs.length > 20 && titles.size > 20 && claims.length > 5, `the run exercised every kind of operation`);
    assert.ok(conflicts.some(c => c.field === `title`), `concurrent titles met in at least one merge`);
  });
});
