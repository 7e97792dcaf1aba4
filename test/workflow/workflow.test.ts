import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {applyWorkflow, BUILT_IN_WORKFLOWS, resolveWorkflow, workflowMilestones} from '../../lib/domain/workflow.ts';
import {InputError} from '../../lib/errors.ts';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {maestro, missionRepos, parseJson, planJson, whatIsWritten} from '../helpers/missions.ts';

const NAMES = `plan-implement, plan-review-implement, plan-implement-review, plan-review-implement-review`;

/** The README's plan without milestones, its features moved onto the milestones a workflow makes. */
const workflowPlan = (milestones?: unknown[]) => planJson(plan => {
  const {milestones: _dropped, ...rest} = plan;
  return {...rest, ...(milestones ? {milestones} : {}), features: plan.features.map(f => ({...f, milestoneId: f.milestoneId === `plan` ? `planning` : `implementation`}))};
});

describe(`workflow templates`, () => {
  it(`turns each phase into a milestone: the id from the label, order by position, kind and profile kept`, () => {
    assert.deepEqual(workflowMilestones(BUILT_IN_WORKFLOWS[`plan-review-implement`]!), [
      {id: `planning`, title: `Planning`, description: `Planning`, order: 0, kind: `work`, profile: `planning`},
      {id: `plan-review`, title: `Plan Review`, description: `Plan Review`, order: 1, kind: `gate`, profile: `plan-review`},
      {id: `implementation`, title: `Implementation`, description: `Implementation`, order: 2, kind: `work`, profile: `implementation`},
    ]);
  });

  it(`prefers a template of config, defaults its phases to work and drops unknown keys`, () => {
    const template = resolveWorkflow(`plan-implement`, {'plan-implement': {phases: [{label: `Spike It`, color: `red`}]}});

    assert.deepEqual(workflowMilestones(template), [{id: `spike-it`, title: `Spike It`, description: `Spike It`, order: 0, kind: `work`}]);
  });

  it(`refuses an unknown name with every name, own properties only`, () => {
    assert.throws(() => resolveWorkflow(`__proto__`, {mine: {phases: [{label: `A`}]}}), (error: InputError) => error instanceof InputError && error.hint === `use one of: ${NAMES}, mine`);
  });

  it(`refuses an invalid template of config`, () => {
    assert.throws(() => resolveWorkflow(`mine`, {mine: {phases: []}}), /^InputError: invalid workflow template "mine": phases: needs at least 1 item$/);
  });

  it(`replaces an empty milestones array and refuses a plan that defines milestones`, () => {
    const template = BUILT_IN_WORKFLOWS[`plan-implement`]!;

    assert.equal((applyWorkflow({title: `t`, milestones: []}, `plan-implement`, template) as {milestones: unknown[]}).milestones.length, 2);
    assert.throws(() => applyWorkflow({title: `t`, milestones: [{id: `x`}]}, `plan-implement`, template), /--workflow plan-implement cannot be used with a plan that already defines milestones/);
  });
});

describe(`maestro mission create --workflow`, () => {
  const {initialised} = missionRepos();

  it(`creates the workflow's milestones, with gates and profiles, and the plan's features on them`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `plan-review-implement-review`, `--json`], {stdin: workflowPlan()});

    assert.equal(result.code, 0, result.stderr);
    const view = parseJson(result);
    assert.deepEqual(view.mission.milestones.map((m: {id: string; kind: string; profile: string}) => [m.id, m.kind, m.profile]), [
      [`planning`, `work`, `planning`], [`plan-review`, `gate`, `plan-review`], [`implementation`, `work`, `implementation`], [`code-review`, `gate`, `code-review`],
    ]);
    assert.deepEqual(view.features.map((f: {id: string; milestoneId: string}) => [f.id, f.milestoneId]), [[`auth-plan`, `planning`], [`auth-impl`, `implementation`]]);
    assert.match(repo.git([`ls-tree`, `-r`, `--name-only`, `refs/maestro/main`]), new RegExp(`missions/${view.mission.id}/milestones/code-review\\.json`));
  });

  it(`accepts an empty milestones array and prints the usual summary`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `plan-implement`], {stdin: workflowPlan([])});

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[ok\] Mission created: \S+\n {2}Title: Add authentication\n {2}Status: draft\n {2}Milestones: 2\n {2}Features: 2\n/);
  });

  it(`uses a template of .maestro/config.yaml`, async () => {
    const repo = await initialised();
    fs.appendFileSync(path.join(repo.dir, `.maestro`, `config.yaml`), `workflowTemplates:\n  spike:\n    phases:\n      - label: Planning\n        profile: planning\n      - {label: Implementation, kind: gate}\n`);

    const view = parseJson(await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `spike`, `--json`], {stdin: workflowPlan()}));

    assert.deepEqual(view.mission.milestones.map((m: {id: string; kind: string}) => [m.id, m.kind]), [[`planning`, `work`], [`implementation`, `gate`]]);
  });

  it(`refuses an unknown workflow with exit 2, listing the names, and writes nothing`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `waterfall`], {stdin: workflowPlan()});

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: unknown workflow "waterfall"; hint: use one of: ${NAMES}\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a plan that defines milestones, exit 2, writing nothing`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `plan-implement`], {stdin: planJson()});

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --workflow plan-implement cannot be used with a plan that already defines milestones; hint: remove the milestones array from the plan file, or remove --workflow\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses features on milestones the workflow does not make, naming the ones it makes`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `plan-implement`], {stdin: planJson(plan => ({...plan, milestones: []}))});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: invalid mission plan stdin: 2 problems;.*\n {2}- features\.0\.milestoneId: feature 'auth-plan' references non-existent milestone 'plan' \(available: planning, implementation\)\n/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses to create before maestro init, exit 1`, async () => {
    const repo = makeGitRepo();

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `plan-implement`], {stdin: workflowPlan()});

    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: maestro is not initialised in .*; hint: run `maestro init`\n$/);
    repo.cleanup();
  });

  it(`refuses an invalid template of config with exit 2`, async () => {
    const repo = await initialised();
    fs.appendFileSync(path.join(repo.dir, `.maestro`, `config.yaml`), `workflowTemplates:\n  broken:\n    phases: []\n`);

    const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--workflow`, `broken`], {stdin: workflowPlan()});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: invalid workflow template "broken": phases: needs at least 1 item; hint: fix workflowTemplates\.broken in \.maestro\/config\.yaml/);
  });

  it(`lists every built-in workflow in --help`, async () => {
    const repo = await initialised();

    const help = await maestro(repo, [`mission`, `create`, `--help`]);

    assert.equal(help.code, 0);
    for (const name of Object.keys(BUILT_IN_WORKFLOWS)) assert.ok(help.stdout.includes(`\`${name}\``), name);
    assert.match(help.stdout, /--workflow #0 +Make the milestones from this workflow template/);
  });
});
