import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, refused, whatIsWritten} from '../helpers/missions.ts';

/** auth-impl moved to review, as a worker hands it in. */
async function inReview(repo: GitRepo, missionId: string): Promise<void> {
  for (const status of [`in-progress`, `review`]) await maestroJson(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, status, `--commit`, `none`]);
}

const feature = async (repo: GitRepo, missionId: string, id: string) => (await maestroJson(repo, [`feature`, `show`, id, `--mission`, missionId])).feature;

describe(`maestro reply write and reply list`, () => {
  const {withMission} = missionRepos();

  it(`records a reply with its report as replies/<mission>/<feature>.json, replacing the previous one`, async () => {
    const {repo, missionId} = await withMission();
    writeFileSync(join(repo.dir, `report.json`), JSON.stringify({salientSummary: `login works`, whatWasImplemented: `the login form`}));
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `kicked-back`]);

    const reply = await maestroJson(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId.slice(0, 12), `--outcome`, `completed`, `--agent`,
      `--note`, `tests green`, `--report-file`, `report.json`, `--source`, `codex-run-7`]);

    assert.deepEqual([reply.missionId, reply.featureId, reply.outcome, reply.writtenBy, reply.notes, reply.source, reply.report.salientSummary],
      [missionId, `auth-impl`, `completed`, `agent`, `tests green`, `codex-run-7`, `login works`]);
    assert.deepEqual(JSON.parse(repo.git([`show`, `refs/maestro/main:replies/${missionId}/auth-impl.json`])), reply);
    assert.equal((await maestroJson(repo, [`reply`, `list`])).length, 1);
  });

  it(`lists replies newest first in the original's rows, and an empty inbox`, async () => {
    const {repo, missionId} = await withMission();
    const empty = await maestro(repo, [`reply`, `list`]);
    await maestro(repo, [`reply`, `write`, `auth-plan`, `--mission`, missionId, `--outcome`, `abandoned`]);
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `completed`, `--note`, `ok`]);

    const list = await maestroJson(repo, [`reply`, `list`, `--mission`, missionId]);
    const human = await maestro(repo, [`reply`, `list`]);

    assert.equal(empty.stdout, `(no replies)\n`);
    assert.deepEqual(list.map((reply: {featureId: string}) => reply.featureId), [`auth-impl`, `auth-plan`]);
    assert.match(human.stdout, new RegExp(`^${missionId}/auth-impl \\[completed\\] \\S+Z by human\n  note: ok\n  not ingested yet\n${missionId}/auth-plan \\[abandoned\\]`));
  });

  it(`refuses a missing or bad outcome, a bad report file, an unknown mission or feature with exit 2`, async () => {
    const {repo, missionId} = await withMission();
    writeFileSync(join(repo.dir, `bad.json`), `{"salientSummary": `);
    writeFileSync(join(repo.dir, `wrong.json`), `{"verification": 3}`);
    const write = (...args: string[]) => [`reply`, `write`, `auth-impl`, `--mission`, missionId, ...args];

    await refused(repo, write(), 2, /^maestro: --outcome is required \(completed\|kicked-back\|abandoned\); hint: /);
    await refused(repo, write(`--outcome`, `done`), 2, /--outcome "done" is not a reply outcome; hint: use one of: completed, kicked-back, abandoned/);
    await refused(repo, write(`--outcome`, `completed`, `--report-file`, `bad.json`), 2, /^maestro: --report-file bad.json: invalid JSON in worker report/);
    await refused(repo, write(`--outcome`, `completed`, `--report-file`, `wrong.json`), 2, /--report-file wrong.json: worker report must have 'salientSummary'/);
    await refused(repo, write(`--outcome`, `completed`, `--report-file`, `missing.json`), 2, /cannot read missing.json: ENOENT/);
    await refused(repo, [`reply`, `write`, `nope`, `--mission`, missionId, `--outcome`, `completed`], 2, /feature nope not found in mission/);
    await refused(repo, [`reply`, `write`, `auth-impl`, `--mission`, `1999`, `--outcome`, `completed`], 2, /mission 1999 not found/);
    await refused(repo, [`reply`, `list`, `--mission`, `1999`], 2, /mission 1999 not found/);
  });

  it(`refuses every reply command before maestro init with exit 1`, async () => {
    const repo = makeGitRepo();

    const results = await Promise.all([[`write`, `f`, `--mission`, `m`, `--outcome`, `completed`], [`list`], [`ingest`]].map(argv => maestro(repo, [`reply`, ...argv])));

    for (const result of results) assert.deepEqual([result.code, /not initialised/.test(result.stderr)], [1, true], result.stderr);
    repo.cleanup();
  });
});

describe(`maestro reply ingest`, () => {
  const {withMission} = missionRepos();

  it(`moves a reviewed feature whose assertions passed to done, attaches the report, and marks the reply ingested`, async () => {
    const {repo, missionId} = await withMission();
    await inReview(repo, missionId);
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test`, `--commit`, `none`]);
    writeFileSync(join(repo.dir, `report.json`), JSON.stringify({content: `shipped`}));
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `completed`, `--report-file`, `report.json`]);

    const view = await maestroJson(repo, [`reply`, `ingest`]);

    assert.deepEqual(view, {alreadyIngested: 0, ingested: [{missionId, featureId: `auth-impl`, outcome: `completed`, effectiveOutcome: `completed`, from: `review`, to: `done`, applied: true, principleOutcomes: 0}]});
    const done = await feature(repo, missionId, `auth-impl`);
    assert.deepEqual([done.status, done.report?.salientSummary], [`done`, `shipped`]);
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:replies/${missionId}/auth-impl.json`]));
    assert.deepEqual([typeof stored.ingestedAt, stored.ingestedBy, stored.effectiveOutcome], [`string`, `test-agent`, `completed`]);
  });

  it(`downgrades a completed reply whose assertions have not passed to kicked-back: back to pending, logged as a retry`, async () => {
    const {repo, missionId} = await withMission();
    await inReview(repo, missionId);
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `completed`]);

    const result = await maestro(repo, [`reply`, `ingest`]);

    assert.equal(result.stdout, `[ok] Ingested 1 reply(ies)\n  ${missionId}/auth-impl  completed -> kicked-back (assertion not passed: auth-login-works)  review -> pending\n`);
    const retried = await feature(repo, missionId, `auth-impl`);
    assert.equal(retried.status, `pending`);
    assert.deepEqual(retried.retryLog.map((entry: {reason: string; previousStatus: string}) => [entry.reason, entry.previousStatus]), [[`assertion not passed: auth-login-works`, `review`]]);
  });

  it(`leaves a feature the state machine cannot move, and changes nothing when run again`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`reply`, `write`, `auth-plan`, `--mission`, missionId, `--outcome`, `abandoned`]);
    const first = await maestroJson(repo, [`reply`, `ingest`, `--mission`, missionId]);
    const tip = whatIsWritten(repo).tip;

    const again = await maestro(repo, [`reply`, `ingest`]);

    assert.deepEqual([first.ingested[0].applied, first.ingested[0].note], [false, `a feature cannot move from pending to blocked`]);
    assert.equal((await feature(repo, missionId, `auth-plan`)).status, `pending`);
    assert.equal(again.stdout, `No replies to ingest (1 already ingested)\n`);
    assert.equal(whatIsWritten(repo).tip, tip);
  });

  it(`ingests a new reply for the same feature again`, async () => {
    const {repo, missionId} = await withMission();
    await inReview(repo, missionId);
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `kicked-back`, `--note`, `flaky test`]);
    await maestro(repo, [`reply`, `ingest`]);
    await maestroJson(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`, `--commit`, `none`]);
    await maestroJson(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `review`, `--commit`, `none`]);
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `abandoned`]);

    const view = await maestroJson(repo, [`reply`, `ingest`]);

    assert.deepEqual(view.ingested.map((item: {from: string; to: string}) => [item.from, item.to]), [[`review`, `blocked`]]);
    assert.equal((await feature(repo, missionId, `auth-impl`)).retryLog[0].reason, `flaky test`);
  });

  it(`judges the pending principle outcomes of the feature's handoffs by the effective outcome`, async () => {
    const {repo, missionId} = await withMission();
    const outcome = (handoffId: string, featureId: string, state = `pending`) => JSON.stringify({principleId: `p1`, handoffId, featureId, missionId, outcome: state, recordedAt: `2026-11-25T10:00:00.000Z`, updatedAt: `2026-11-25T10:00:00.000Z`});
    await maestro(repo, [`state`, `put`, `principles/outcomes/h1.p1.json`, outcome(`h1`, `auth-impl`)]);
    await maestro(repo, [`state`, `put`, `principles/outcomes/h2.p1.json`, outcome(`h2`, `auth-impl`, `helpful`)]);
    await maestro(repo, [`state`, `put`, `principles/outcomes/h3.p1.json`, outcome(`h3`, `auth-plan`)]);
    await maestro(repo, [`reply`, `write`, `auth-impl`, `--mission`, missionId, `--outcome`, `completed`]);

    const view = await maestroJson(repo, [`reply`, `ingest`]);

    const stored = (handoff: string) => JSON.parse(repo.git([`show`, `refs/maestro/main:principles/outcomes/${handoff}.p1.json`])).outcome;
    assert.equal(view.ingested[0].principleOutcomes, 1);
    assert.deepEqual([stored(`h1`), stored(`h2`), stored(`h3`)], [`unhelpful`, `helpful`, `pending`]);
  });

  it(`refuses an unknown --mission with exit 2`, async () => {
    const {repo} = await withMission();

    await refused(repo, [`reply`, `ingest`, `--mission`, `1999`], 2, /^maestro: mission 1999 not found; hint: /);
  });
});
