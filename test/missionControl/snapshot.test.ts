import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {busyReadmeRepo, ok, snapshotOf} from './fixtures.ts';

const repos = missionRepos();

describe(`the Mission Control snapshot`, () => {
  let busy: Awaited<ReturnType<typeof busyReadmeRepo>>;
  before(async () => { busy = await busyReadmeRepo(repos); });

  it(`is home mode telling to run maestro init in a repository without state`, async () => {
    const repo = makeGitRepo();

    const snapshot = await snapshotOf(repo);
    repo.cleanup();

    assert.equal(MissionControlSnapshot.safeParse(snapshot).success, true);
    assert.deepEqual([snapshot.mode, snapshot.missionId, snapshot.home?.headline], [`home`, `home`, `maestro is not initialised here`]);
    assert.equal(snapshot.home?.actions[0]?.command, `maestro init`);
    assert.deepEqual([snapshot.state.commit, snapshot.features, snapshot.history.entries], [null, [], []]);
  });

  it(`is home mode offering mission create once initialised without missions`, async () => {
    const repo = await repos.initialised();

    const snapshot = await snapshotOf(repo);

    assert.equal(snapshot.mode, `home`);
    assert.equal(snapshot.home?.actions[0]?.command, `maestro mission create --file plan.json`);
    assert.equal(snapshot.history.entries[0]?.command, `maestro init`);
  });

  it(`shows the mission's features with worker, holder, age and what they wait on`, async () => {
    const snapshot = await snapshotOf(busy.repo);

    assert.deepEqual([snapshot.mode, snapshot.missionId, snapshot.missionStatus, snapshot.effectiveStatus], [`mission`, busy.missionId, `executing`, `executing`]);
    const impl = snapshot.features.find(f => f.id === `auth-impl`)!;
    assert.deepEqual(
      {status: impl.status, worker: impl.workerType, by: impl.updatedBy, claimedBy: impl.claimedBy, handoff: impl.claimHandoffId, blockedBy: impl.blockedByIds, label: impl.blockedByLabel},
      {status: `in-progress`, worker: `codex`, by: `codex`, claimedBy: `codex`, handoff: busy.handoffId, blockedBy: [`auth-plan`], label: `auth-plan`},
    );
    assert.deepEqual(snapshot.featureProgress, {done: 0, total: 2, active: 1});
    assert.deepEqual(snapshot.statusProgress, {completed: 0, total: 2, inFlight: 1, blocked: 0, queued: 1, completionPct: 0});
    assert.equal(snapshot.activeFeature?.id, `auth-impl`);
    assert.deepEqual(snapshot.dispatchQueue.map(d => d.featureId), [`auth-plan`]);
  });

  it(`derives milestones and the gate of the first unsealed one`, async () => {
    const snapshot = await snapshotOf(busy.repo);

    assert.deepEqual(snapshot.milestones.map(m => [m.id, m.status, m.featureCount, m.assertionCount]), [[`plan`, `executing`, 1, 0], [`implement`, `pending`, 1, 1]]);
    assert.deepEqual([snapshot.gateBlocked, snapshot.gateLabel], [false, `plan: clear`]);
    assert.deepEqual(snapshot.assertions.map(a => [a.id, a.result]), [[`auth-login-works`, `pending`]]);
  });

  it(`lists handoffs with targets and claims, and redacts pending ones in the reference's fields`, async () => {
    await ok(busy.repo, [`handoff`, `create`, `--mode`, `plan`, `--session-core`, `next`, `--summary`, `Plan_next`, `--next-action`, `plan_it`, `--read-more`, `file_plan_md`, `--confidence-work`, `0.5`], `gemini`);

    const snapshot = await snapshotOf(busy.repo);

    const claimed = snapshot.handoffs.find(h => h.id === busy.handoffId)!;
    assert.deepEqual([claimed.status, claimed.agent, claimed.to, claimed.claimedBy, claimed.featureId], [`picked-up`, `claude-code`, `codex`, `codex`, `auth-impl`]);
    assert.equal(snapshot.pendingHandoffs.length, 1);
    assert.equal(snapshot.pendingHandoffs[0]!.message, `Details hidden in read-only output`);
    assert.ok(snapshot.eventStream.some(e => e.kind === `handoff` && e.detail === `Details hidden in read-only output`));
  });

  it(`lists conflicts open first, checkpoints, and the history with the newest commit's diff`, async () => {
    const snapshot = await snapshotOf(busy.repo);

    assert.deepEqual(snapshot.conflicts.map(c => [c.id, c.status]), [[`c-open`, `open`], [`c-resolved`, `resolved`]]);
    assert.deepEqual(snapshot.checkpoints.map(c => c.name), [`half way`]);
    const newest = snapshot.history.entries[0]!;
    assert.equal(newest.commit, busy.repo.git([`rev-parse`, `refs/maestro/main`]).trim());
    assert.equal(snapshot.history.selected?.commit, newest.commit);
    assert.ok(snapshot.history.selected!.changes.length >= 1);
  });

  it(`follows an explicit --mission and refuses an unknown one with exit 2`, async () => {
    const other = await maestro(busy.repo, [`mission-control`, `--json`, `--mission`, busy.missionId.slice(0, 14)]);
    const unknown = await maestro(busy.repo, [`mission-control`, `--json`, `--mission`, `nope`]);

    assert.equal(other.code, 0, other.stderr);
    assert.equal(parseJson(other).missionId, busy.missionId);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, ``);
    assert.deepEqual([JSON.parse(unknown.stderr).error.code, JSON.parse(unknown.stderr).error.message], [`E_NOT_FOUND`, `mission nope not found`]);
  });

  it(`prints --json that validates against MissionControlSnapshot and writes nothing`, async () => {
    const before = whatIsWritten(busy.repo);

    const result = await maestro(busy.repo, [`mission-control`, `--json`]);

    assert.equal(result.code, 0, result.stderr);
    const parsed = MissionControlSnapshot.safeParse(JSON.parse(result.stdout));
    assert.equal(parsed.success, true);
    assert.deepEqual(whatIsWritten(busy.repo), before);
  });

  it(`degrades a broken conflict file to a problem line instead of failing`, async () => {
    const {repo} = await repos.withMission();
    await ok(repo, [`state`, `put`, `conflicts/broken.json`, `{"id":"broken"}`]);

    const snapshot = await snapshotOf(repo);

    assert.deepEqual(snapshot.conflicts, []);
    assert.deepEqual(snapshot.problems, [`conflicts/broken.json: not a conflict record`]);
  });
});
