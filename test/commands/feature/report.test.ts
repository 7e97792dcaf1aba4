import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import type {GitRepo} from '../../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

const REPORT = {
  salientSummary: `Login works end to end`,
  whatWasImplemented: `POST /login and the session cookie`,
  verification: {commandsRun: [{command: `npm test`, exitCode: 0, observation: `42 passing`}], interactiveChecks: []},
};

const storedFeature = (repo: GitRepo, missionId: string, feature = `auth-plan`) =>
  JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/features/${feature}.json`]));

describe(`maestro feature update --report`, () => {
  const repos = missionRepos();

  it(`stores an inline report in the feature and in workers/<feature>/report.json, filling the missing parts`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--report`, JSON.stringify(REPORT)]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`\n {2}Report: \\.maestro/missions/${missionId}/workers/auth-plan/report\\.json\n {2}Summary: Login works end to end\n$`));
    const expected = {...REPORT, whatWasLeftUndone: ``, tests: {added: []}, discoveredIssues: []};
    assert.deepEqual(storedFeature(repo, missionId).report, expected);
    assert.deepEqual(JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/workers/auth-plan/report.json`])), expected);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `missions`, missionId, `workers`, `auth-plan`, `report.json`)));
  });

  it(`reads the report from a file with @file, relative to where it runs`, async () => {
    const {repo, missionId} = await repos.withMission();
    fs.mkdirSync(path.join(repo.dir, `out`));
    fs.writeFileSync(path.join(repo.dir, `out`, `report.json`), JSON.stringify(REPORT));

    const view = parseJson(await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--report`, `@out/report.json`, `--json`]));

    assert.equal(view.feature.report.salientSummary, `Login works end to end`);
    assert.equal(view.reportPersisted, `.maestro/missions/${missionId}/workers/auth-plan/report.json`);
  });

  it(`accepts the legacy {content} report`, async () => {
    const {repo, missionId} = await repos.withMission();

    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--report`, `{"content": "Did the plan"}`]);

    const report = storedFeature(repo, missionId).report;
    assert.deepEqual([report.salientSummary, report.whatWasImplemented, report.whatWasLeftUndone], [`Did the plan`, `Did the plan`, ``]);
  });

  it(`keeps the report when a later update changes only the status`, async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--report`, JSON.stringify(REPORT)]);

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `review`]);

    assert.match(result.stdout, /\n {2}Summary: Login works end to end\n$/);
    assert.equal(storedFeature(repo, missionId).report.salientSummary, `Login works end to end`);
  });

  for (const [label, report, message] of [
    [`invalid JSON`, `{salientSummary: nope}`, `maestro: invalid JSON in worker report; hint: give inline JSON or @file.json`],
    [`a report that is not an object`, `[1, 2]`, `maestro: worker report must be a JSON object; hint: {"salientSummary": "...", "whatWasImplemented": "..."}`],
    [`a report without salientSummary or content`, `{"summary": "x"}`, `maestro: worker report must have 'salientSummary' (preferred) or 'content' (legacy); hint: rich format: {salientSummary, whatWasImplemented, whatWasLeftUndone, verification, tests, discoveredIssues}`],
    [`an empty salientSummary`, `{"salientSummary": ""}`, `maestro: invalid worker report: salientSummary: must not be empty; hint: see the report format in \`maestro feature update --help\``],
    [`a report file that does not exist`, `@missing.json`, `maestro: cannot read missing.json: ENOENT; hint: check the path, or use - for stdin`],
  ] as const) {
    it(`refuses ${label} with exit 2 and writes nothing`, async () => {
      const {repo, missionId} = await repos.withMission();
      const before = whatIsWritten(repo);

      const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--report`, report]);

      assert.equal(result.code, 2);
      assert.equal(result.stdout, ``);
      assert.equal(result.stderr, `${message}\n`);
      assert.deepEqual(whatIsWritten(repo), before);
    });
  }
});

describe(`maestro feature update --retry-reason`, () => {
  const repos = missionRepos();
  const inReview = async () => {
    const {repo, missionId} = await repos.withMission();
    for (const status of [`in-progress`, `review`]) await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status]);
    return {repo, missionId};
  };

  it(`logs the reason, the previous status, the time and the agent in the feature's retryLog`, async () => {
    const {repo, missionId} = await inReview();

    const view = await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `pending`, `--retry-reason`, `tests fail on CI`]);

    assert.equal(view.feature.status, `pending`);
    assert.equal(view.feature.retryLog.length, 1);
    const [entry] = storedFeature(repo, missionId).retryLog;
    assert.deepEqual({...entry, timestamp: undefined}, {reason: `tests fail on CI`, previousStatus: `review`, agent: `test-agent`, timestamp: undefined});
    assert.match(entry.timestamp, /^\d{4}-\d{2}-\d{2}T/);
  });

  it(`appends one entry per retry, and none for pending -> pending or a move that is not a retry`, async () => {
    const {repo, missionId} = await inReview();
    const retry = (status: string, reason: string) => maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status, `--retry-reason`, reason]);

    await retry(`blocked`, `not a retry`);
    await retry(`pending`, `first`);
    await retry(`pending`, `again`);
    await retry(`in-progress`, `not a retry either`);
    await retry(`review`, `nor this`);
    await retry(`pending`, `second`);

    assert.deepEqual(storedFeature(repo, missionId).retryLog.map((e: {reason: string; previousStatus: string}) => `${e.previousStatus}: ${e.reason}`),
      [`blocked: first`, `review: second`]);
  });
});
