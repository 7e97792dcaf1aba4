import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {makeGitRepo} from '../../helpers/gitRepo.ts';
import {maestro, missionRepos, parseJson, planJson, README_PLAN_TEXT, whatIsWritten} from '../../helpers/missions.ts';

describe(`maestro mission create`, () => {
  const repos = missionRepos();
  const withPlanFile = async (text: string) => {
    const repo = await repos.initialised();
    fs.writeFileSync(path.join(repo.dir, `plan.json`), text);
    return repo;
  };

  it(`creates a draft mission with its milestones, features and assertions in one commit`, async () => {
    const repo = await withPlanFile(README_PLAN_TEXT);
    const before = repo.git([`rev-parse`, `refs/maestro/main`]).trim();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`]);

    assert.equal(result.code, 0, result.stderr);
    const id = /^\[ok\] Mission created: (\S+)$/m.exec(result.stdout)?.[1] ?? ``;
    assert.match(id, /^\d{4}-\d{2}-\d{2}-[0-9a-z]{8,}$/);
    assert.match(result.stdout, /Status: draft\n {2}Milestones: 2\n {2}Features: 2\n {2}Assertions: 1 \(auth-login-works\)/);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main~1`]).trim(), before);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim(), `maestro mission create --file plan.json`);
    assert.deepEqual(repo.git([`ls-tree`, `-r`, `--name-only`, `refs/maestro/main`, `missions/${id}`]).trim().split(`\n`).sort(), [
      `missions/${id}/assertions/auth-login-works.json`, `missions/${id}/features/auth-impl.json`, `missions/${id}/features/auth-plan.json`,
      `missions/${id}/milestones/implement.json`, `missions/${id}/milestones/plan.json`, `missions/${id}/mission.json`,
    ]);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `missions`, id, `features`, `auth-impl.json`)));
  });

  it(`prints {mission, features, assertions} with --json, features in plan order`, async () => {
    const repo = await withPlanFile(README_PLAN_TEXT);

    const view = parseJson(await maestro(repo, [`mission`, `create`, `--file`, `plan.json`, `--json`]));

    assert.equal(view.mission.status, `draft`);
    assert.deepEqual(view.mission.features, [`auth-plan`, `auth-impl`]);
    assert.deepEqual(view.mission.milestones.map((m: {id: string; featureIds: string[]}) => [m.id, m.featureIds]), [[`plan`, [`auth-plan`]], [`implement`, [`auth-impl`]]]);
    assert.deepEqual(view.mission.completedMilestoneIds, []);
    assert.deepEqual(view.features.map((f: {id: string; status: string}) => `${f.id}:${f.status}`), [`auth-plan:pending`, `auth-impl:pending`]);
    assert.deepEqual(view.assertions.map((a: {id: string; alias: string; featureId: string; milestoneId: string; result: string}) => [a.id, a.alias, a.featureId, a.milestoneId, a.result]),
      [[`auth-login-works`, `auth-impl-assertion-1`, `auth-impl`, `implement`, `pending`]]);
  });

  it(`reads the plan from stdin with --file -`, async () => {
    const repo = await repos.initialised();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--json`], {stdin: README_PLAN_TEXT});

    assert.equal(result.code, 0, result.stderr);
    assert.equal(parseJson(result).mission.title, `Add authentication`);
  });

  it(`gives each new mission its own id`, async () => {
    const repo = await repos.initialised();

    const first = parseJson(await maestro(repo, [`mission`, `create`, `--file`, `-`, `--json`], {stdin: README_PLAN_TEXT}));
    const second = parseJson(await maestro(repo, [`mission`, `create`, `--file`, `-`, `--json`], {stdin: README_PLAN_TEXT}));

    assert.notEqual(first.mission.id, second.mission.id);
    assert.equal(repo.git([`ls-tree`, `--name-only`, `refs/maestro/main:missions`]).trim().split(`\n`).length, 2);
  });

  it(`refuses invalid JSON with exit 2, one line naming the file, and writes nothing`, async () => {
    const repo = await withPlanFile(`{"title": "Add authentication",`);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr.trim().split(`\n`).length, 1);
    assert.match(result.stderr, /^maestro: invalid JSON in plan plan\.json: .+; hint: fix the JSON syntax/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses invalid JSON on stdin, naming stdin`, async () => {
    const repo = await repos.initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`], {stdin: `not json`});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: invalid JSON in plan stdin: /);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`lists every problem of an invalid plan on stderr, exits 2 and writes nothing`, async () => {
    const repo = await withPlanFile(planJson(plan => {
      plan.milestones.push({...plan.milestones[0]!, order: 2});
      plan.features[1]!.dependsOn = [`auth-plan`, `auth-ghost`];
      plan.features.push({...plan.features[0]!, milestoneId: `nowhere`});
    }));
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.deepEqual(result.stderr.trim().split(`\n`), [
      `maestro: invalid mission plan plan.json: 4 problems; hint: mission plans need a title, milestones and a features array (see the README's plan example)`,
      `  - milestones.2.id: Milestone IDs must be unique ("plan" appears twice)`,
      `  - features.2.id: duplicate feature ID 'auth-plan'`,
      `  - features.2.milestoneId: feature 'auth-plan' references non-existent milestone 'nowhere' (available: plan, implement)`,
      `  - features.1.dependsOn.1: feature 'auth-impl' depends on non-existent feature 'auth-ghost'`,
    ]);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`lists schema problems with their field paths, and the same with --json as one JSON error`, async () => {
    const repo = await withPlanFile(planJson(plan => {
      plan.title = ``;
      plan.extra = true;
      delete (plan.milestones[0] as Partial<typeof plan.milestones[0]>).description;
    }));
    const before = whatIsWritten(repo);

    const text = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`]);
    const json = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`, `--json`]);

    assert.equal(text.code, 2);
    assert.match(text.stderr, /\n {2}- title: must not be empty\n {2}- milestones\.0\.description: expected string\n {2}- \(root\): unknown field extra\n$/);
    assert.equal(json.code, 2);
    assert.equal(json.stdout, ``);
    assert.deepEqual(JSON.parse(json.stderr).error.details, [`title: must not be empty`, `milestones.0.description: expected string`, `(root): unknown field extra`]);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a dependency cycle before writing anything`, async () => {
    const repo = await withPlanFile(planJson(plan => { plan.features[0]!.dependsOn = [`auth-impl`]; }));
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `plan.json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: invalid mission plan plan.json: features: cyclic dependency detected: auth-plan -> auth-impl -> auth-plan; hint: mission plans need a title, milestones and a features array (see the README's plan example)\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`requires --file: exit 2 with the usage as hint`, async () => {
    const repo = await repos.initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --file is required; hint: maestro mission create --file plan.json\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a plan file that does not exist with exit 2`, async () => {
    const repo = await repos.initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `missing.json`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: cannot read missing\.json: ENOENT; hint: /);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses to run before maestro init with exit 1 and creates no state ref`, async () => {
    const repo = makeGitRepo();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`], {stdin: README_PLAN_TEXT});

    const refs = repo.git([`for-each-ref`, `refs/maestro`]);
    const mirrored = fs.existsSync(path.join(repo.dir, `.maestro`));
    repo.cleanup();
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: maestro is not initialised in .*; hint: run `maestro init`\n$/);
    assert.equal(refs, ``);
    assert.equal(mirrored, false);
  });
});
