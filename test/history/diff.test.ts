import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {changeMission} from '../../lib/mission/changeMission.ts';
import {Workspace} from '../../lib/workspace.ts';
import {TEST_ENV} from '../helpers/gitRepo.ts';
import {createMission, maestro, maestroJson, missionRepos, whatIsWritten} from '../helpers/missions.ts';

const {withMission} = missionRepos();

describe(`maestro diff`, () => {
  it(`shows the last change when given no revision`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`mission`, `approve`, missionId]);

    const result = await maestro(repo, [`diff`]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^~ missions/${missionId}/mission\\.json\n  \\+ approvedAt: \\S+\n  status: draft -> approved\n  updatedAt: \\S+ -> \\S+\n1 entity`));
    assert.match(result.stdout, /\n1 entity changed between @~1 \([0-9a-f]{10}\) and @ \([0-9a-f]{10}\) \(0 added, 0 removed, 1 changed\)\n$/);
  });

  it(`compares any two states named by commit prefix, checkpoint id, ref or @~N`, async () => {
    const {repo, missionId} = await withMission();
    const created = repo.git([`rev-parse`, `refs/maestro/main`]).trim();
    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    await maestro(repo, [`mission`, `approve`, missionId]);
    await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const byCommit = await maestroJson(repo, [`diff`, created.slice(0, 8), `@`]);
    const byCheckpoint = await maestroJson(repo, [`diff`, checkpoint.id]);
    const byRef = await maestroJson(repo, [`diff`, `refs/maestro/main~2`, `refs/tags/maestro/${missionId}/${checkpoint.id}~0`]);
    const backwards = await maestroJson(repo, [`diff`, `@`, `@~1`]);

    const paths = (view: {changes: Array<{path: string}>}) => view.changes.map(c => c.path);
    assert.deepEqual(paths(byCommit), [`missions/${missionId}/features/auth-plan.json`, `missions/${missionId}/mission.json`]);
    assert.deepEqual(byCheckpoint.changes, byCommit.changes);
    assert.equal(byCheckpoint.from.checkpoint, checkpoint.id);
    assert.deepEqual(byRef.changes, []);
    assert.deepEqual(backwards.changes[0].fields.find((f: {field: string}) => f.field === `status`), {field: `status`, kind: `changed`, before: `in-progress`, after: `pending`});
  });

  it(`limits the diff to one mission with --mission`, async () => {
    const {repo, missionId} = await withMission();
    const other = await createMission(repo);

    const all = await maestroJson(repo, [`diff`, `@~2`]);
    const one = await maestroJson(repo, [`diff`, `@~2`, `--mission`, other]);

    assert.equal(all.summary.added, 12);
    assert.equal(one.mission, other);
    assert.equal(one.summary.added, 6);
    assert.ok(one.changes.every((c: {path: string}) => c.path.startsWith(`missions/${other}/`)));
    assert.ok(all.changes.some((c: {path: string}) => c.path.startsWith(`missions/${missionId}/`)));
  });

  it(`compares from the last state commit before a date with --since`, async () => {
    const {repo, missionId} = await withMission();
    const at = (iso: string) => new Workspace({cwd: repo.dir, env: TEST_ENV, now: () => new Date(iso)});
    await changeMission(at(`2030-01-01T10:00:00Z`), {missionId, title: `Day one`});
    await changeMission(at(`2030-01-02T10:00:00Z`), {missionId, title: `Day two`});

    const view = await maestroJson(repo, [`diff`, `--since`, `2030-01-02`]);
    const early = await maestroJson(repo, [`diff`, `--since`, `2000-01-01`, `--mission`, missionId]);

    assert.deepEqual(view.changes[0].fields.find((f: {field: string}) => f.field === `title`), {field: `title`, kind: `changed`, before: `Day one`, after: `Day two`});
    assert.equal(view.from.label, `before 2030-01-02`);
    assert.equal(early.from.commit, null);
    assert.equal(early.summary.added, 6);
  });

  it(`shows long or multi-line text as a line diff`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`mission`, `update`, missionId, `--description`, `Ship auth\nwith tests\nand docs`]);
    await maestro(repo, [`mission`, `update`, missionId, `--description`, `Ship auth\nwith more tests\nand docs`]);

    const result = await maestro(repo, [`diff`]);
    const view = await maestroJson(repo, [`diff`]);

    assert.match(result.stdout, /\n  description:\n    @@ -1,3 \+1,3 @@\n     Ship auth\n    -with tests\n    \+with more tests\n     and docs\n/);
    assert.match(view.changes[0].fields[0].patch, /^@@ -1,3 \+1,3 @@\n Ship auth\n-with tests\n\+with more tests\n and docs$/);
  });

  it(`refuses unknown revisions, bad dates and unknown missions with exit 2, writing nothing`, async () => {
    const {repo} = await withMission();
    const before = whatIsWritten(repo);

    const unknown = await maestro(repo, [`diff`, `deadbeef`]);
    const badDate = await maestro(repo, [`diff`, `--since`, `last week`]);
    const badMission = await maestro(repo, [`diff`, `--mission`, `nope`]);
    const tooFar = await maestro(repo, [`diff`, `@~9`]);

    assert.deepEqual([unknown.code, badDate.code, badMission.code, tooFar.code], [2, 2, 2, 2]);
    assert.match(unknown.stderr, /^maestro: no state commit or checkpoint matches "deadbeef"; hint: name a state commit \(see `maestro log`\)/);
    assert.equal(badDate.stderr, `maestro: --since "last week" is not an ISO date; hint: use e.g. --since 2026-11-25 or --since 2026-11-25T14:00:00Z\n`);
    assert.equal(badMission.stderr, "maestro: mission nope not found; hint: list missions with `maestro mission list`\n");
    assert.equal(tooFar.stderr, "maestro: @~9 goes back past the first state commit; hint: see the history with `maestro log`\n");
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
