import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, maestroJson, missionRepos, whatIsWritten} from '../helpers/missions.ts';

const {withMission} = missionRepos();

describe(`maestro checkpoint diff`, () => {
  it(`shows what changed in the mission since the checkpoint, field by field`, async () => {
    const {repo, missionId} = await withMission();
    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    await maestro(repo, [`mission`, `approve`, missionId]);
    await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const result = await maestro(repo, [`checkpoint`, `diff`, checkpoint.id, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^~ missions/${missionId}/features/auth-plan\\.json\n  status: pending -> in-progress\n  updatedAt: \\S+ -> \\S+\n`));
    assert.match(result.stdout, new RegExp(`\n~ missions/${missionId}/mission\\.json\n  \\+ approvedAt: \\S+\n  status: draft -> executing\n`));
    assert.match(result.stdout, new RegExp(`\n2 entities changed since checkpoint ${checkpoint.id} \\(0 added, 0 removed, 2 changed\\)\n$`));
  });

  it(`prints the changes as JSON, with before and after values`, async () => {
    const {repo, missionId} = await withMission();
    await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    await maestro(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `failed`, `--evidence`, `login returns 500`]);

    const view = await maestroJson(repo, [`checkpoint`, `diff`, `--mission`, missionId]);

    assert.equal(view.mission, missionId);
    assert.equal(view.from.commit, view.checkpoint.commit);
    assert.deepEqual(view.changes.map((c: {path: string}) => c.path), [`missions/${missionId}/assertions/auth-login-works.json`]);
    const fields = Object.fromEntries(view.changes[0].fields.map((f: {field: string}) => [f.field, f]));
    assert.deepEqual(fields.result, {field: `result`, kind: `changed`, before: `pending`, after: `failed`});
    assert.deepEqual(fields.evidence, {field: `evidence`, kind: `added`, after: `login returns 500`});
  });

  it(`says so when nothing changed`, async () => {
    const {repo, missionId} = await withMission();
    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);

    const result = await maestro(repo, [`checkpoint`, `diff`, `--mission`, missionId]);

    assert.equal(result.stdout, `No changes in mission ${missionId} since checkpoint ${checkpoint.id}\n`);
  });

  it(`refuses an unknown checkpoint with exit 2 and writes nothing`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`checkpoint`, `diff`, `nope`, `--mission`, missionId]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: checkpoint nope not found; hint: list them with \`maestro checkpoint list --mission ${missionId}\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
