import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {diffFields} from '../../lib/domain/entityDiff.ts';
import {linePatch} from '../../lib/history/semanticDiff.ts';
import {renderStateDiff} from '../../lib/history/renderStateDiff.ts';

describe(`diffFields`, () => {
  it(`lists changed, added and removed fields with their values, nested objects by dotted path`, () => {
    const before = {status: `pending`, evidence: `old`, report: {verification: {exitCode: 0}}};
    const after = {status: `done`, waivedReason: `covered`, report: {verification: {exitCode: 1}}};

    const changes = diffFields(before, after);

    assert.deepEqual(changes, [
      {field: `evidence`, kind: `removed`, before: `old`},
      {field: `report.verification.exitCode`, kind: `changed`, before: 0, after: 1},
      {field: `status`, kind: `changed`, before: `pending`, after: `done`},
      {field: `waivedReason`, kind: `added`, after: `covered`},
    ]);
  });

  it(`compares string arrays as sets and other arrays as values`, () => {
    const changes = diffFields({dependsOn: [`a`, `b`], order: [`x`, `y`], log: [{n: 1}]}, {dependsOn: [`b`, `c`], order: [`y`, `x`], log: [{n: 1}, {n: 2}]});

    assert.deepEqual(changes, [
      {field: `dependsOn`, kind: `changed`, before: [`a`, `b`], after: [`b`, `c`], added: [`c`], removed: [`a`]},
      {field: `log`, kind: `changed`, before: [{n: 1}], after: [{n: 1}, {n: 2}]},
      {field: `order`, kind: `changed`, before: [`x`, `y`], after: [`y`, `x`]},
    ]);
  });

  it(`finds nothing between equal values whatever their key order`, () => {
    assert.deepEqual(diffFields({a: 1, b: {c: [1]}}, {b: {c: [1]}, a: 1}), []);
  });
});

describe(`renderStateDiff`, () => {
  it(`draws one block per entity and a line diff for long text`, async () => {
    const patch = await linePatch(`one\ntwo\nthree`, `one\n2\nthree`);

    const text = renderStateDiff([
      {path: `missions/m/features/f.json`, kind: `changed`, fields: [
        {field: `status`, kind: `changed`, before: `pending`, after: `in-progress`},
        {field: `fulfills`, kind: `changed`, before: [`a`], after: [`b`], added: [`b`], removed: [`a`]},
        {field: `description`, kind: `changed`, before: `one\ntwo\nthree`, after: `one\n2\nthree`, patch},
      ]},
      {path: `missions/m/features/g.json`, kind: `added`, fields: [], after: {}},
    ]);

    assert.equal(text, [
      `~ missions/m/features/f.json`, `  status: pending -> in-progress`, `  fulfills: +b -a`,
      `  description:`, `    @@ -1,3 +1,3 @@`, `     one`, `    -two`, `    +2`, `     three`,
      `+ missions/m/features/g.json`,
    ].join(`\n`));
  });
});
