import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeCluster, syncAll} from '../helpers/syncCluster.ts';

const HANDOFF = [`handoff`, `create`, `--mode`, `execute`, `--session-core`, `shared_work`, `--summary`, `Ready-for-pickup`, `--next-action`, `pick_up_auth_impl`, `--confidence-work`, `0.9`, `--json`];

describe(`maestro sync between clones of one remote`, () => {
  it(`brings every non-conflicting change to every clone, whatever the order of syncs`, async () => {
    const {clones: [a, b, c], missionId} = await makeCluster(3);
    const m = [`--mission`, missionId];

    await a!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `in-progress`, `--json`]);
    await b!.json([`validate`, `update`, `auth-login-works`, ...m, `--result`, `passed`, `--evidence`, `bun test`, `--json`]);
    await c!.json([`memory-learn`, `--content`, `retry flaky network calls once`, `--json`]);
    await b!.json([`memory-correct`, `never force-push the state ref`, `--json`]);
    const checkpoint = await a!.json([`checkpoint`, `save`, ...m, `--json`]);
    await c!.json(HANDOFF);
    for (const clone of [c!, a!, b!, c!, a!]) await clone.json([`sync`, `--json`]);

    assert.equal(a!.tree(), b!.tree());
    assert.equal(b!.tree(), c!.tree());
    const feature = await b!.json([`feature`, `show`, `auth-plan`, ...m, `--json`]);
    assert.equal(feature.feature?.status ?? feature.status, `in-progress`);
    const assertion = await c!.json([`validate`, `show`, ...m, `--json`]);
    assert.match(JSON.stringify(assertion), /"passed"/);
    assert.match(JSON.stringify(await a!.json([`memory-search`, `flaky`, `--json`])), /retry flaky network calls once/);
    assert.match(JSON.stringify(await c!.json([`memory-search`, `force-push`, `--json`])), /never force-push/);
    assert.equal((await a!.json([`handoff`, `list`, `--json`])).handoffs?.length ?? (await a!.json([`handoff`, `list`, `--json`])).length, 1);
    const tag = `refs/tags/maestro/${missionId}/${checkpoint.checkpoint?.id ?? checkpoint.id}`;
    assert.equal(c!.git([`rev-parse`, `--verify`, `--quiet`, tag]).trim().length, 40);
    assert.deepEqual((await a!.json([`conflicts`, `--json`])).conflicts, []);
  });

  it(`keeps the later change of a field changed on two clones and records the other in conflicts/`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    const m = [`--mission`, missionId];
    await a!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `in-progress`, `--json`]);
    await a!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `review`, `--json`]);
    await b!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `in-progress`, `--json`]);
    await b!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `review`, `--json`]);
    await a!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `done`, `--json`]);
    await b!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `blocked`, `--json`]);

    await syncAll([a!, b!]);

    assert.equal(a!.tree(), b!.tree());
    const feature = await a!.json([`feature`, `show`, `auth-plan`, ...m, `--json`]);
    assert.equal(feature.feature?.status ?? feature.status, `done`);
    const {conflicts, open} = await b!.json([`conflicts`, `--json`]);
    assert.equal(open, 1);
    assert.deepEqual([conflicts[0].kind, conflicts[0].kept.value, conflicts[0].other.value, conflicts[0].other.agent], [`transition`, `done`, `blocked`, `agent-b`]);
    const status = await a!.maestro([`status`]);
    assert.match(status.stdout, /conflict/);
  });

  it(`resolves a conflict by swapping in the value the merge set aside, and that resolution syncs`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    const m = [`--mission`, missionId];
    await a!.json([`mission`, `update`, missionId, `--title`, `Title from a`, `--json`]);
    await b!.json([`mission`, `update`, missionId, `--title`, `Title from b`, `--json`]);
    await syncAll([a!, b!]);
    const [conflict] = (await a!.json([`conflicts`, `--json`])).conflicts;
    const kept = conflict.kept.value;

    const resolved = await a!.json([`conflicts`, `resolve`, conflict.id.slice(0, 6), `--take`, `theirs`, `--json`]);
    await syncAll([a!, b!]);

    assert.equal(resolved.changed, `missions/${missionId}/mission.json`);
    const mission = await b!.json([`mission`, `show`, missionId, `--json`]);
    assert.equal(mission.mission?.title ?? mission.title, kept === `Title from a` ? `Title from b` : `Title from a`);
    assert.equal((await b!.json([`conflicts`, `--json`])).open, 0);
  });

  it(`gives a handoff claimed on two clones to the earlier claim and tells the later claimer`, async () => {
    const {clones: [a, b]} = await makeCluster(2);
    const handoff = await a!.json(HANDOFF);
    const id = handoff.handoff?.id ?? handoff.id;
    await syncAll([a!, b!]);
    await a!.json([`handoff`, `pickup`, `--claim`, `--agent`, `agent-a`, `--id`, id, `--json`]);
    await new Promise(resolve => setTimeout(resolve, 5));
    await b!.json([`handoff`, `pickup`, `--claim`, `--agent`, `agent-b`, `--id`, id, `--json`]);

    await a!.json([`sync`, `--json`]);
    const told = await b!.json([`sync`, `--json`]);
    await a!.json([`sync`, `--json`]);

    assert.equal(a!.tree(), b!.tree());
    const shown = await b!.json([`handoff`, `show`, id, `--json`]);
    assert.equal(shown.handoff?.claimedBy ?? shown.claimedBy, `agent-a`);
    assert.equal(told.lostClaims.length, 1);
    assert.equal(told.lostClaims[0].kind, `claim`);
  });

  it(`merges notes on one code commit from two clones as a union of lines`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    const m = [`--mission`, missionId];
    await a!.json([`feature`, `update`, `auth-plan`, ...m, `--status`, `in-progress`, `--json`]);
    await b!.json([`feature`, `update`, `auth-impl`, ...m, `--status`, `in-progress`, `--json`]);

    await syncAll([a!, b!]);

    const note = b!.git([`notes`, `--ref`, `maestro`, `show`, `HEAD`]);
    assert.match(note, /feature=auth-plan/);
    assert.match(note, /feature=auth-impl/);
    assert.equal(a!.git([`rev-parse`, `refs/notes/maestro`]), b!.git([`rev-parse`, `refs/notes/maestro`]));
  });
});

describe(`a fresh clone, plain git and remote setup`, () => {
  it(`brings the whole state into a fresh clone with one sync`, async () => {
    const cluster = await makeCluster(1);
    const fresh = cluster.addClone(`fresh`);

    const view = await fresh.json([`sync`, `--json`]);

    assert.equal(view.merge.kind, `fast-forward`);
    assert.equal(fresh.tree(), cluster.clones[0]!.tree());
    const missions = await fresh.json([`mission`, `list`, `--json`]);
    assert.match(JSON.stringify(missions), new RegExp(cluster.missionId));
  });

  it(`makes a plain git fetch bring the state after remote setup, without touching push`, async () => {
    const cluster = await makeCluster(1);
    const fresh = cluster.addClone(`fresh`);

    const setup = await fresh.json([`remote`, `setup`, `--json`]);
    const again = await fresh.json([`remote`, `setup`, `--json`]);
    fresh.git([`fetch`, `--quiet`]);

    assert.equal(setup.added.length, 3);
    assert.deepEqual(again.added, []);
    assert.equal(fresh.git([`rev-parse`, `refs/remotes/origin/maestro/main`]), cluster.clones[0]!.git([`rev-parse`, `refs/maestro/main`]));
    assert.doesNotMatch(fresh.git([`config`, `--list`, `--local`]), /^remote\.origin\.push=/m);
  });

  it(`accepts a plain git push of refs/maestro/main when it is a fast-forward`, async () => {
    const {clones: [a, b], missionId} = await makeCluster(2);
    await a!.json([`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--json`]);

    a!.git([`push`, `--quiet`, `origin`, `refs/maestro/main`]);
    const view = await b!.json([`sync`, `--json`]);

    assert.equal(view.merge.kind, `fast-forward`);
    assert.equal(a!.tree(), b!.tree());
  });

  it(`refuses an unknown remote with one line and exit 2, and writes nothing`, async () => {
    const {clones: [a]} = await makeCluster(1);
    const before = a!.git([`rev-parse`, `refs/maestro/main`]);

    const result = await a!.maestro([`sync`, `nowhere`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: no remote named nowhere; hint: remotes here: origin\n$/);
    assert.equal(a!.git([`rev-parse`, `refs/maestro/main`]), before);
  });

  it(`refuses to resolve with a --take that is neither ours nor theirs`, async () => {
    const {clones: [a]} = await makeCluster(1);

    const result = await a!.maestro([`conflicts`, `resolve`, `c123`, `--take`, `mine`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /--take must be ours or theirs/);
  });
});
