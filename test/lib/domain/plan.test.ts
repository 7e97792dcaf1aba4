import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {findCycle, slugAssertionId, validatePlan} from '../../../lib/domain/plan.ts';
import {readmePlan} from '../../helpers/missions.ts';

const milestone = (id: string, order = 0) => ({id, title: `Milestone ${id}`, description: ``, order});
const feature = (id: string, milestoneId: string, more: Record<string, unknown> = {}) =>
  ({id, milestoneId, title: `Feature ${id}`, description: ``, workerType: `codex`, verificationSteps: [`Run the tests`], ...more});
const plan = (milestones: unknown[], features: unknown[]) => ({title: `A mission`, milestones, features});

describe(`validatePlan`, () => {
  it(`accepts the README's plan and returns it`, () => {
    const result = validatePlan(readmePlan());

    assert.deepEqual(result.problems, []);
    assert.equal(result.plan?.features.length, 2);
  });

  it(`accepts a plan without features and one whose dependsOn points to a later milestone`, () => {
    const empty = validatePlan(plan([milestone(`a`)], []));
    const forward = validatePlan(plan([milestone(`a`), milestone(`b`, 1)], [feature(`x`, `a`, {dependsOn: [`y`]}), feature(`y`, `b`)]));

    assert.deepEqual(empty.problems, []);
    assert.deepEqual(forward.problems, []);
  });

  it(`lists every schema problem at once, each with its field path`, () => {
    const result = validatePlan({title: ``, milestones: [], features: [{id: `../x`, milestoneId: `a`, foo: 1}], extra: true});

    assert.equal(result.plan, null);
    assert.deepEqual(result.problems, [
      `title: must not be empty`,
      `milestones: needs at least 1 item`,
      `features.0.id: does not match /^[A-Za-z0-9][A-Za-z0-9_-]*$/`,
      `features.0.title: expected string`,
      `features.0.description: expected string`,
      `features.0.workerType: expected string`,
      `features.0.verificationSteps: expected array`,
      `features.0: unknown field foo`,
      `(root): unknown field extra`,
    ]);
  });

  it(`names bad enum values, negative orders and empty verification steps by path`, () => {
    const result = validatePlan(plan(
      [{...milestone(`a`), order: -1, kind: `phase`, profile: `nope`}],
      [feature(`x`, `a`, {verificationSteps: [], workerType: `two words`}), feature(`y`, `a`, {verificationSteps: [``]})],
    ));

    assert.deepEqual(result.problems, [
      `milestones.0.order: must be at least 0`,
      `milestones.0.kind: must be one of work, gate`,
      `milestones.0.profile: must be one of planning, plan-review, implementation, code-review, bug-hunt, simplify, validation, custom`,
      `features.0.workerType: does not match /^[A-Za-z0-9][A-Za-z0-9:_-]*$/`,
      `features.0.verificationSteps: needs at least 1 item`,
      `features.1.verificationSteps.0: must not be empty`,
    ]);
  });

  it(`refuses a root that is not an object`, () => {
    assert.deepEqual(validatePlan([]).problems, [`(root): expected object`]);
    assert.deepEqual(validatePlan(null).problems, [`(root): expected object`]);
  });

  it(`reports duplicate milestone ids at the second occurrence`, () => {
    const result = validatePlan(plan([milestone(`a`), milestone(`b`, 1), milestone(`a`, 2)], []));

    assert.equal(result.plan, null);
    assert.deepEqual(result.problems, [`milestones.2.id: Milestone IDs must be unique ("a" appears twice)`]);
  });

  it(`reports duplicate feature ids at the second occurrence`, () => {
    const result = validatePlan(plan([milestone(`a`)], [feature(`x`, `a`), feature(`x`, `a`)]));

    assert.deepEqual(result.problems, [`features.1.id: duplicate feature ID 'x'`]);
  });

  it(`reports a feature in an unknown milestone and names the available ones`, () => {
    const result = validatePlan(plan([milestone(`a`), milestone(`b`, 1)], [feature(`x`, `zz`)]));

    assert.deepEqual(result.problems, [`features.0.milestoneId: feature 'x' references non-existent milestone 'zz' (available: a, b)`]);
  });

  it(`reports an unknown dependsOn with the index of the dependency`, () => {
    const result = validatePlan(plan([milestone(`a`)], [feature(`x`, `a`), feature(`y`, `a`, {dependsOn: [`x`, `ghost`]})]));

    assert.deepEqual(result.problems, [`features.1.dependsOn.1: feature 'y' depends on non-existent feature 'ghost'`]);
  });

  it(`names a dependency cycle as a -> b -> a`, () => {
    const result = validatePlan(plan([milestone(`m`)], [feature(`a`, `m`, {dependsOn: [`b`]}), feature(`b`, `m`, {dependsOn: [`a`]})]));

    assert.deepEqual(result.problems, [`features: cyclic dependency detected: a -> b -> a`]);
  });

  it(`names a self-dependency as a -> a`, () => {
    const result = validatePlan(plan([milestone(`m`)], [feature(`a`, `m`, {dependsOn: [`a`]})]));

    assert.deepEqual(result.problems, [`features: cyclic dependency detected: a -> a`]);
  });

  it(`lists every semantic problem of a plan at once`, () => {
    const result = validatePlan(plan([milestone(`a`), milestone(`a`, 1)], [
      feature(`x`, `a`), feature(`x`, `a`), feature(`y`, `zz`),
      feature(`z`, `a`, {dependsOn: [`nope`]}), feature(`q`, `a`, {dependsOn: [`r`]}), feature(`r`, `a`, {dependsOn: [`q`]}),
    ]));

    assert.equal(result.plan, null);
    assert.deepEqual(result.problems, [
      `milestones.1.id: Milestone IDs must be unique ("a" appears twice)`,
      `features.1.id: duplicate feature ID 'x'`,
      `features.2.milestoneId: feature 'y' references non-existent milestone 'zz' (available: a)`,
      `features.3.dependsOn.0: feature 'z' depends on non-existent feature 'nope'`,
      `features: cyclic dependency detected: q -> r -> q`,
    ]);
  });
});

describe(`findCycle`, () => {
  const chain = (length: number, closed: boolean): Array<[string, string[]]> =>
    Array.from({length}, (_, i): [string, string[]] => [`f${i}`, i < length - 1 ? [`f${i + 1}`] : closed ? [`f0`] : []]);

  it(`returns null for an acyclic graph, including a diamond`, () => {
    assert.equal(findCycle([[`a`, [`b`, `c`]], [`b`, [`d`]], [`c`, [`d`]], [`d`, []]]), null);
  });

  it(`returns the cycle as a path that ends where it starts, without the lead-in`, () => {
    assert.deepEqual(findCycle([[`start`, [`a`]], [`a`, [`b`]], [`b`, [`c`]], [`c`, [`a`]]]), [`a`, `b`, `c`, `a`]);
  });

  it(`walks a 2,000-node chain without overflowing the stack`, () => {
    assert.equal(findCycle(chain(2_000, false)), null);
  });

  it(`finds the cycle that closes a 2,000-node chain`, () => {
    const cycle = findCycle(chain(2_000, true));

    assert.equal(cycle?.length, 2_001);
    assert.equal(cycle?.[0], `f0`);
    assert.equal(cycle?.at(-1), `f0`);
  });
});

describe(`slugAssertionId`, () => {
  it(`keeps an id-like name as it is`, () => {
    assert.equal(slugAssertionId(`auth-login-works`), `auth-login-works`);
  });

  it(`lower-cases a sentence and joins its words with dashes`, () => {
    assert.equal(slugAssertionId(`Users can log in!`), `users-can-log-in`);
    assert.equal(slugAssertionId(`  POST /login returns 200  `), `post-login-returns-200`);
  });

  it(`drops accents instead of splitting words on them`, () => {
    assert.equal(slugAssertionId(`Évité ça`), `evite-ca`);
  });

  it(`cuts a long name to 60 characters without a trailing dash`, () => {
    const slug = slugAssertionId(`${`a`.repeat(59)} b`);

    assert.equal(slug, `a`.repeat(59));
  });

  it(`falls back to "assertion" when nothing is left`, () => {
    assert.equal(slugAssertionId(`!!!`), `assertion`);
  });
});
