import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  DEFAULT_PRINCIPLES, effectivePrinciples, passesGateCheck, principleEffectiveness, principleProblems, type PrincipleOutcome, type StoredPrinciple,
} from '../../lib/domain/principle.ts';

const AT = `2026-11-25T10:00:00.000Z`;
const stored = (id: string, with_: Partial<StoredPrinciple> = {}): StoredPrinciple => ({
  id, name: id, source: `custom`, rule: `r`, profiles: [`implementation`], mode: `advisory`, createdAt: AT, updatedAt: AT, ...with_,
});
const outcome = (principleId: string, handoffId: string, result: PrincipleOutcome[`outcome`]): PrincipleOutcome => ({principleId, handoffId, outcome: result, recordedAt: AT, updatedAt: AT});
const valid = {id: `small-diffs`, name: `Small diffs`, rule: `keep it small`, profiles: [`implementation`], mode: `advisory`, source: `custom`};

describe(`effectivePrinciples`, () => {
  it(`is the four defaults when nothing is stored`, () => {
    assert.deepEqual(effectivePrinciples([]).map(p => p.id), [`think-before-coding`, `simplicity-first`, `surgical-changes`, `goal-driven-execution`]);
  });

  it(`keeps a default's place when a file replaces it, drops removed ones and appends added ones by creation time`, () => {
    const principles = effectivePrinciples([
      stored(`zeta`, {createdAt: `2026-11-25T09:00:00.000Z`}), stored(`alpha`, {createdAt: `2026-11-25T11:00:00.000Z`}),
      stored(`simplicity-first`, {name: `Simple`}), stored(`surgical-changes`, {removedAt: AT}), stored(`gone`, {removedAt: AT}),
    ]);

    assert.deepEqual(principles.map(p => p.id), [`think-before-coding`, `simplicity-first`, `goal-driven-execution`, `zeta`, `alpha`]);
    assert.equal(principles[1]!.name, `Simple`);
    assert.equal(`createdAt` in principles[1]!, false);
  });
});

describe(`passesGateCheck`, () => {
  it(`checks non-empty objects, all-passed arrays and minimum lengths; anything else fails`, () => {
    assert.deepEqual([passesGateCheck(`object_non_empty`, {a: `b`}), passesGateCheck(`object_non_empty`, {}), passesGateCheck(`object_non_empty`, [1])], [true, false, false]);
    assert.deepEqual([passesGateCheck(`array_all_passed`, [{passed: true}]), passesGateCheck(`array_all_passed`, []), passesGateCheck(`array_all_passed`, [{passed: true}, {passed: false}])], [true, false, false]);
    assert.deepEqual([passesGateCheck(`array_min_length:2`, [1, 2]), passesGateCheck(`array_min_length:2`, [1]), passesGateCheck(`array_min_length:1`, undefined)], [true, false, false]);
    assert.equal(passesGateCheck(`always`, [1]), false);
  });
});

describe(`principleProblems`, () => {
  it(`accepts a valid advisory principle and a gate with its field and check`, () => {
    assert.deepEqual(principleProblems(valid), []);
    assert.deepEqual(principleProblems({...valid, mode: `gate`, gateField: `risks`, gateCheck: `array_min_length:1`}), []);
  });

  it(`names every bad flag at once`, () => {
    const problems = principleProblems({id: `Bad_id`, name: ` `, rule: ``, profiles: [`planning`, `nope`], mode: `gate`, source: `mine`, gateField: `asumptions`, gateCheck: `array_min_length:0`});

    assert.deepEqual(problems, [
      `--id "Bad_id" must be lower-case letters, digits and -, starting with a letter or digit`, `--name is empty`, `--rule is empty`,
      `--profiles "nope" is not a milestone profile (planning, plan-review, implementation, code-review, bug-hunt, simplify, validation, custom)`,
      `--source "mine" is not karpathy or custom`,
      `--gate-field "asumptions" is not a handoff field (such as assumptions, scopeDeclaration, verificationResults, complexityDelta, risks)`,
      `--gate-check "array_min_length:0" is not object_non_empty, array_all_passed or array_min_length:N (N >= 1)`,
    ]);
  });

  it(`asks a gate for its field and check`, () => {
    assert.deepEqual(principleProblems({...valid, mode: `gate`}), [`gate-mode principles require --gate-field and --gate-check`]);
  });

  it(`accepts the gates of the defaults`, () => {
    for (const p of DEFAULT_PRINCIPLES) assert.deepEqual(principleProblems(p), [], p.id);
  });
});

describe(`principleEffectiveness`, () => {
  const outcomes = [
    outcome(`a`, `h1`, `helpful`), outcome(`a`, `h2`, `helpful`), outcome(`a`, `h3`, `unhelpful`), outcome(`a`, `h4`, `pending`),
    outcome(`b`, `h1`, `unhelpful`), outcome(`b`, `h2`, `unhelpful`), outcome(`b`, `h3`, `helpful`), outcome(`b`, `h4`, `unhelpful`),
    outcome(`c`, `h1`, `pending`),
  ];

  it(`rates helpful over decided, worst first, and hides low samples`, () => {
    const rows = principleEffectiveness(outcomes, new Map([[`a`, `Alpha`]]), false);

    assert.deepEqual(rows.map(r => [r.principleId, r.effectiveness]), [[`b`, 0.25], [`a`, 2 / 3]]);
    assert.deepEqual(rows[1], {principleId: `a`, name: `Alpha`, helpful: 2, unhelpful: 1, pending: 1, total: 4, effectiveness: 2 / 3, lowSample: false});
  });

  it(`shows low samples with all, undecided last`, () => {
    const rows = principleEffectiveness(outcomes, new Map(), true);

    assert.deepEqual(rows.map(r => r.principleId), [`b`, `a`, `c`]);
    assert.deepEqual([rows[2]!.lowSample, `effectiveness` in rows[2]!], [true, false]);
  });
});
