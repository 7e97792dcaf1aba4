import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {lastCommitBody, maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../../helpers/missions.ts';

const UNMET = `feature auth-impl depends on auth-plan, not done yet`;

describe(`maestro feature update --status`, () => {
  const repos = missionRepos();
  const update = (repo: Parameters<typeof maestro>[0], missionId: string, feature: string, ...rest: string[]) =>
    maestro(repo, [`feature`, `update`, feature, `--mission`, missionId, ...rest]);

  it(`moves a feature through pending, in-progress, review and done, one commit each`, async () => {
    const {repo, missionId} = await repos.withMission();

    const results = [];
    for (const status of [`in-progress`, `review`, `done`]) results.push(await update(repo, missionId, `auth-plan`, `--status`, status));

    assert.deepEqual(results.map(r => r.code), [0, 0, 0]);
    assert.equal(results[2]!.stdout, `[ok] Feature updated: auth-plan\n  Status: done\n  Title: Plan the auth flow\n`);
    assert.deepEqual(repo.git([`log`, `-3`, `--format=%s`, `refs/maestro/main`]).trim().split(`\n`), [`done`, `review`, `in-progress`].map(s => `maestro feature update auth-plan --mission ${missionId} --status ${s}`));
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/features/auth-plan.json`]));
    assert.equal(stored.status, `done`);
    assert.equal(stored.updatedBy, `test-agent`);
  });

  it(`prints {feature, missionAutoStarted, warnings} with --json and records --agent`, async () => {
    const {repo, missionId} = await repos.withMission();

    const view = parseJson(await update(repo, missionId, `auth-plan`, `--status`, `assigned`, `--agent`, `codex`, `--json`));

    assert.equal(view.feature.status, `assigned`);
    assert.equal(view.feature.updatedBy, `codex`);
    assert.equal(view.missionAutoStarted, false);
    assert.deepEqual(view.warnings, []);
    assert.match(lastCommitBody(repo), /^Maestro-Agent: codex$/m);
  });

  for (const [path_, to, hint] of [
    [[], `done`, `valid transitions from pending: assigned, in-progress`],
    [[`in-progress`, `review`, `done`], `pending`, `done is a terminal state - no transitions allowed`],
    [[`in-progress`], `blocked`, `valid transitions from in-progress: review`],
  ] as const) {
    const from = path_.at(-1) ?? `pending`;
    it(`refuses ${from} -> ${to} with exit 1 and leaves the ref and .maestro/ unchanged`, async () => {
      const {repo, missionId} = await repos.withMission();
      for (const status of path_) await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status]);
      const before = whatIsWritten(repo);

      const result = await update(repo, missionId, `auth-plan`, `--status`, to);

      assert.equal(result.code, 1);
      assert.equal(result.stdout, ``);
      assert.equal(result.stderr, `maestro: invalid feature transition: ${from} -> ${to}; hint: ${hint}; see the current state with \`maestro feature list --mission ${missionId}\`\n`);
      assert.deepEqual(whatIsWritten(repo), before);
    });
  }

  it(`refuses an unknown status, an empty update and an unknown feature with exit 2`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const bogus = await update(repo, missionId, `auth-plan`, `--status`, `completed`);
    const nothing = await update(repo, missionId, `auth-plan`);
    const unknown = await update(repo, missionId, `auth-ghost`, `--status`, `in-progress`);

    assert.deepEqual([bogus.code, nothing.code, unknown.code], [2, 2, 2]);
    assert.equal(bogus.stderr, `maestro: --status "completed" is not a feature status; hint: use one of: pending, assigned, in-progress, review, done, blocked\n`);
    assert.equal(nothing.stderr, `maestro: no update specified; hint: use --status <status> and/or --report <json|@file>\n`);
    assert.match(unknown.stderr, /^maestro: feature auth-ghost not found in mission /);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});

describe(`maestro feature update with unmet dependencies`, () => {
  const repos = missionRepos();

  it(`starts the feature anyway, warns on stderr and records a Maestro-Warning trailer`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Status: in-progress/);
    assert.equal(result.stderr, `maestro: warning: ${UNMET}\n`);
    assert.match(lastCommitBody(repo), new RegExp(`^Maestro-Warning: ${UNMET}$`, `m`));
  });

  it(`lists the warning in --json and keeps stdout one JSON document`, async () => {
    const {repo, missionId} = await repos.withMission();

    const result = await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `assigned`, `--json`]);

    assert.deepEqual(parseJson(result).warnings, [UNMET]);
    assert.equal(result.stderr, `maestro: warning: ${UNMET}\n`);
  });

  it(`neither warns nor adds a trailer once the dependencies are done`, async () => {
    const {repo, missionId} = await repos.withMission();
    for (const status of [`in-progress`, `review`, `done`]) await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, status]);

    const result = await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`, `--strict`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, ``);
    assert.doesNotMatch(lastCommitBody(repo), /Maestro-Warning/);
  });

  it(`refuses with --strict: exit 1, one line, nothing written`, async () => {
    const {repo, missionId} = await repos.withMission();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`, `--strict`]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr.split(`\n`).length, 2);
    assert.match(result.stderr, /^maestro: cannot start auth-impl: it depends on auth-plan, not done yet; hint: /);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses when .maestro/config.yaml sets strictDependencies: true`, async () => {
    const {repo, missionId} = await repos.withMission();
    const config = path.join(repo.dir, `.maestro`, `config.yaml`);
    fs.writeFileSync(config, fs.readFileSync(config, `utf8`).replace(`strictDependencies: false`, `strictDependencies: true`));
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`, `--json`]);

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(JSON.parse(result.stderr).error.code, `E_GATE`);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});

describe(`maestro feature update on an approved mission`, () => {
  const repos = missionRepos();
  const approved = async () => {
    const {repo, missionId} = await repos.withMission();
    await maestroJson(repo, [`mission`, `approve`, missionId]);
    return {repo, missionId};
  };
  const missionStatus = (repo: Parameters<typeof maestro>[0], missionId: string) =>
    JSON.parse(repo.git([`show`, `refs/maestro/main:missions/${missionId}/mission.json`])).status;

  it(`starts the mission (executing) with the first status change, in the same commit`, async () => {
    const {repo, missionId} = await approved();

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    const second = parseJson(await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `review`, `--json`]));

    assert.match(result.stdout, /\n {2}Mission: auto-started to executing\n/);
    assert.deepEqual(repo.git([`diff-tree`, `--no-commit-id`, `--name-only`, `-r`, `refs/maestro/main~1`]).trim().split(`\n`).sort(),
      [`missions/${missionId}/features/auth-plan.json`, `missions/${missionId}/mission.json`]);
    assert.equal(second.missionAutoStarted, false);
    assert.equal(missionStatus(repo, missionId), `executing`);
  });

  it(`does not start the mission when the transition is refused`, async () => {
    const {repo, missionId} = await approved();

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `done`]);

    assert.equal(result.code, 1);
    assert.equal(missionStatus(repo, missionId), `approved`);
  });

  it(`does not start the mission for an update with only a report`, async () => {
    const {repo, missionId} = await approved();

    const view = parseJson(await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--report`, `{"content": "notes"}`, `--json`]));

    assert.equal(view.missionAutoStarted, false);
    assert.equal(missionStatus(repo, missionId), `approved`);
  });
});
