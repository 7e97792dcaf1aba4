import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveCheckpoint} from '../../lib/checkpoint/saveCheckpoint.ts';
import {Workspace} from '../../lib/workspace.ts';
import {TEST_ENV} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, whatIsWritten} from '../helpers/missions.ts';

const {withMission} = missionRepos();

describe(`maestro checkpoint save`, () => {
  it(`tags the current state commit with an annotated tag and leaves refs/maestro/main where it was`, async () => {
    const {repo, missionId} = await withMission();
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]).trim();

    const {checkpoint} = await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `before work`]);

    const ref = `refs/tags/maestro/${missionId}/${checkpoint.id}`;
    assert.equal(repo.git([`for-each-ref`, `--format=%(refname) %(objecttype)`, `refs/tags/maestro/`]).trim(), `${ref} tag`);
    assert.equal(repo.git([`cat-file`, `-t`, ref]).trim(), `tag`);
    assert.equal(repo.git([`rev-parse`, `${ref}^{commit}`]).trim(), tip);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]).trim(), tip);
    assert.match(repo.git([`tag`, `-n1`, `-l`, `maestro/*`]), new RegExp(`maestro checkpoint ${checkpoint.id} of mission ${missionId}: before work`));
    assert.deepEqual(repo.fsck().problems, []);
  });

  it(`records the current milestone, every feature status and assertion result, as the original's checkpoint`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    const result = await maestro(repo, [`checkpoint`, `save`, `--mission`, missionId.slice(0, 14)]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[ok\] Checkpoint saved: \d{8}-\d{6}-\d{3}-[0-9a-z]{3}\n/);
    assert.match(result.stdout, /  Milestone: plan\n  Timestamp: .*\n  Features captured: 2\n  Assertions captured: 1\n/);
    const [{featureStatuses, assertionResults, currentMilestoneId, agent}] = (await maestroJson(repo, [`checkpoint`, `list`, `--mission`, missionId])).checkpoints;
    assert.deepEqual({featureStatuses, assertionResults, currentMilestoneId, agent}, {
      featureStatuses: {'auth-plan': `in-progress`, 'auth-impl': `pending`}, assertionResults: {'auth-login-works': `pending`}, currentMilestoneId: `plan`, agent: `test-agent`,
    });
  });

  it(`gives two saves in the same millisecond different ids`, async () => {
    const {repo, missionId} = await withMission();
    const workspace = new Workspace({cwd: repo.dir, env: TEST_ENV, now: () => new Date(`2026-11-25T10:00:00.123Z`)});

    const first = await saveCheckpoint(workspace, {missionId});
    const second = await saveCheckpoint(workspace, {missionId});

    assert.notEqual(first.checkpoint.id, second.checkpoint.id);
    assert.equal(repo.git([`for-each-ref`, `refs/tags/maestro/`]).trim().split(`\n`).length, 2);
  });

  it(`draws a new id rather than move a tag that exists`, async () => {
    const {repo, missionId} = await withMission();
    const workspace = new Workspace({cwd: repo.dir, env: TEST_ENV, now: () => new Date(`2026-11-25T10:00:00.123Z`)});
    const draws = [0.1, 0.2, 0.3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const random = () => draws.shift()!;
    const first = await saveCheckpoint(workspace, {missionId}, random);
    const firstTag = repo.git([`rev-parse`, first.checkpoint.ref]).trim();

    const second = await saveCheckpoint(workspace, {missionId}, random);

    assert.notEqual(second.checkpoint.id, first.checkpoint.id);
    assert.equal(repo.git([`rev-parse`, first.checkpoint.ref]).trim(), firstTag);
    assert.equal(draws.length, 0);
  });

  it(`refuses an unknown mission with exit 2 and writes no tag`, async () => {
    const {repo} = await withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`checkpoint`, `save`, `--mission`, `nope`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, "maestro: mission nope not found; hint: list missions with `maestro mission list`\n");
    assert.deepEqual(whatIsWritten(repo), before);
    assert.equal(repo.git([`for-each-ref`, `refs/tags/`]), ``);
  });

  it(`refuses a label on several lines with exit 2`, async () => {
    const {repo, missionId} = await withMission();

    const result = await maestro(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `two\nlines`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: --name "two\nlines" is not a checkpoint label; hint: use one line of at most 200 characters\n$/);
    assert.equal(repo.git([`for-each-ref`, `refs/tags/`]), ``);
  });
});

describe(`maestro checkpoint list`, () => {
  it(`lists checkpoints newest first with their labels`, async () => {
    const {repo, missionId} = await withMission();
    const first = (await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `first`])).checkpoint;
    await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    const second = (await maestroJson(repo, [`checkpoint`, `save`, `--mission`, missionId])).checkpoint;

    const view = await maestroJson(repo, [`checkpoint`, `list`, `--mission`, missionId]);
    const text = await maestro(repo, [`checkpoint`, `list`, `--mission`, missionId]);

    assert.equal(view.mission.id, missionId);
    assert.deepEqual(view.checkpoints.map((c: {id: string}) => c.id), [second.id, first.id]);
    assert.notEqual(view.checkpoints[0].commit, view.checkpoints[1].commit);
    assert.match(text.stdout, new RegExp(`^Mission: Add authentication \\(${missionId}\\)\n\n2 checkpoint\\(s\\) \\(newest first\\):\n\n${second.id}\n  Milestone: plan\n`));
    assert.match(text.stdout, new RegExp(`\n${first.id}  first\n  Milestone: plan\n  Time: .*\n  Features: 2, Assertions: 1\n`));
  });

  it(`says so when a mission has none, with exit 0`, async () => {
    const {repo, missionId} = await withMission();

    const text = await maestro(repo, [`checkpoint`, `list`, `--mission`, missionId]);
    const view = await maestroJson(repo, [`checkpoint`, `list`, `--mission`, missionId]);

    assert.equal(text.code, 0);
    assert.equal(text.stdout, `No checkpoints found for mission ${missionId}\n`);
    assert.deepEqual(view.checkpoints, []);
  });
});
