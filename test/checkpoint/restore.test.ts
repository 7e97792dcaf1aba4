import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {createMission, lastCommitBody, maestro, maestroJson, missionRepos, whatIsWritten} from '../helpers/missions.ts';

const {withMission} = missionRepos();

const count = (repo: GitRepo) => Number(repo.git([`rev-list`, `--count`, `refs/maestro/main`]).trim());
const tree = (repo: GitRepo, rev: string, path: string) => repo.git([`rev-parse`, `${rev}:${path}`]).trim();

/** Takes the README mission through planning: auth-plan done, the assertion passed with evidence, `plan` sealed. */
async function finishPlanning(repo: GitRepo, missionId: string): Promise<void> {
  for (const argv of [
    [`mission`, `approve`, missionId],
    [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`],
    [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `review`],
    [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `done`],
    [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `bun test: 12 passed`],
    [`milestone`, `seal`, `plan`, `--mission`, missionId],
  ]) {
    const result = await maestro(repo, argv);
    if (result.code !== 0) throw new Error(`${argv.join(` `)}: ${result.stderr}`);
  }
}

describe(`maestro checkpoint restore`, () => {
  it(`brings back statuses, results, evidence and sealed milestones of any checkpoint as one new commit`, async () => {
    const {repo, missionId} = await withMission();
    const fresh = (await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `fresh`])).checkpoint;
    await finishPlanning(repo, missionId);
    const planned = (await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `planned`])).checkpoint;
    await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`]);
    await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `latest`]);
    const before = {tip: repo.git([`rev-parse`, `refs/maestro/main`]).trim(), commits: count(repo)};

    const view = await maestroJson(repo, [`checkpoint`, `restore`, fresh.id, `--mission`, missionId]);

    assert.equal(count(repo), before.commits + 1);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main^`]).trim(), before.tip);
    assert.equal(view.restored.commit, repo.git([`rev-parse`, `refs/maestro/main`]).trim());
    assert.equal(tree(repo, `refs/maestro/main`, `missions/${missionId}`), tree(repo, fresh.commit, `missions/${missionId}`));
    assert.deepEqual([view.restored.featureCount, view.restored.assertionCount, view.restored.milestoneCount], [2, 1, 1]);
    const assertions = JSON.stringify(await maestroJson(repo, [`validate`, `show`, `--mission`, missionId]));
    assert.match(assertions, /"result":"pending"/);
    assert.doesNotMatch(assertions, /bun test/);
    assert.match(lastCommitBody(repo), new RegExp(`Maestro-Checkpoint: ${fresh.id}`));

    await maestroJson(repo, [`checkpoint`, `restore`, `planned`, `--mission`, missionId]);

    assert.equal(tree(repo, `refs/maestro/main`, `missions/${missionId}`), tree(repo, planned.commit, `missions/${missionId}`));
    assert.equal((await maestroJson(repo, [`milestone`, `list`, `--mission`, missionId])).milestones[0].status, `sealed`);
    assert.match(JSON.stringify(await maestroJson(repo, [`validate`, `show`, `--mission`, missionId])), /bun test: 12 passed/);
    assert.equal(count(repo), before.commits + 2);
  });

  it(`restores the latest checkpoint when no id is given (load, the original's name)`, async () => {
    const {repo, missionId} = await withMission();
    const latest = (await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId])).checkpoint;
    await maestro(repo, [`mission`, `approve`, missionId]);

    const result = await maestro(repo, [`checkpoint`, `load`, `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^\\[ok\\] Checkpoint restored: ${latest.id}\n`));
    assert.match(result.stdout, /  Features restored: 0\n  Assertions restored: 0\n  Milestones restored: 0\n  Commit: [0-9a-f]{10} \(1 file\(s\)\)\n$/);
    assert.equal(tree(repo, `refs/maestro/main`, `missions/${missionId}`), tree(repo, latest.commit, `missions/${missionId}`));
  });

  it(`makes no commit when the mission already matches the checkpoint`, async () => {
    const {repo, missionId} = await withMission();
    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`checkpoint`, `restore`, checkpoint.id.slice(0, 15), `--mission`, missionId]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /  No state changes were needed; current state already matches the checkpoint\.\n$/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`leaves other missions untouched`, async () => {
    const {repo, missionId} = await withMission();
    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    const other = await createMission(repo);
    await maestro(repo, [`mission`, `approve`, other]);
    await maestro(repo, [`mission`, `approve`, missionId]);
    const otherTree = tree(repo, `refs/maestro/main`, `missions/${other}`);

    const view = await maestroJson(repo, [`checkpoint`, `restore`, checkpoint.id, `--mission`, missionId]);

    assert.deepEqual(view.restored.paths, [`missions/${missionId}/mission.json`]);
    assert.equal(tree(repo, `refs/maestro/main`, `missions/${other}`), otherTree);
  });

  it(`refuses an unknown checkpoint with exit 2 and leaves refs/maestro/main unchanged`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`checkpoint`, `save`, `--mission`, missionId]);
    await maestro(repo, [`mission`, `approve`, missionId]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`checkpoint`, `restore`, `19990101`, `--mission`, missionId]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: checkpoint 19990101 not found; hint: list them with \`maestro checkpoint list --mission ${missionId}\`\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a mission without checkpoints, or an unknown mission, with exit 2`, async () => {
    const {repo, missionId} = await withMission();
    const before = whatIsWritten(repo);

    const none = await maestro(repo, [`checkpoint`, `load`, `--mission`, missionId]);
    const unknown = await maestro(repo, [`checkpoint`, `restore`, `--mission`, `nope`, `--json`]);

    assert.equal(none.code, 2);
    assert.equal(none.stderr, `maestro: no checkpoints found for mission ${missionId}; hint: save one first with \`maestro checkpoint save --mission ${missionId}\`\n`);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, ``);
    assert.equal(JSON.parse(unknown.stderr).error.code, `E_NOT_FOUND`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
