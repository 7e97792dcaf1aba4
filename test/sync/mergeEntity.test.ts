import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonicalJson} from '../../lib/canonicalJson.ts';
import {mergeEntity, type EntityMergeInput} from '../../lib/sync/mergeEntity.ts';
import {mergeSets, mergeValues} from '../../lib/sync/mergeValues.ts';
import {seededRandom} from '../helpers/seededRandom.ts';

const A = {commit: `a`.repeat(40), agent: `codex`, time: `2026-11-25T10:00:00Z`};
const B = {commit: `b`.repeat(40), agent: `claude-code`, time: `2026-11-25T10:00:05Z`};
const FEATURE = `missions/m/features/f.json`;
const json = (value: unknown) => canonicalJson(value);

function merge(path: string, base: unknown, a: unknown, b: unknown): {value: any; conflicts: ReturnType<typeof mergeEntity>[`conflicts`]} {
  const input: EntityMergeInput = {path, base: base === null ? null : json(base), a: a === null ? null : json(a), b: b === null ? null : json(b), sideA: A, sideB: B};
  const result = mergeEntity(input);
  return {value: result.content === null ? null : JSON.parse(result.content), conflicts: result.conflicts};
}

describe(`mergeValues`, () => {
  it(`takes a change made on one side only`, () => {
    const merged = mergeValues({x: 1, y: 1}, {x: 2, y: 1}, {x: 1, y: 3}, `a`);

    assert.deepEqual(merged, {value: {x: 2, y: 3}, conflicts: []});
  });

  it(`merges lists as sets: additions from both, removals from either`, () => {
    const merged = mergeSets([`a`, `b`, `c`], [`a`, `c`, `d`], [`a`, `b`, `c`, `e`], `a`);

    assert.deepEqual(merged, [`a`, `c`, `d`, `e`]);
  });

  it(`keeps the winner's value of a field changed differently on both sides and reports the other`, () => {
    const merged = mergeValues({title: `x`}, {title: `from a`}, {title: `from b`}, `b`);

    assert.deepEqual(merged, {value: {title: `from b`}, conflicts: [{field: `title`, base: `x`, kept: `from b`, other: `from a`}]});
  });

  it(`gives the same value whichever side is local (symmetric), on random entities`, () => {
    const random = seededRandom(7);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const values = [1, 2, `x`, `y`, null, [1, 2], [2, 3], {p: 1}, {p: 2, q: 1}];
    for (let i = 0; i < 300; i++) {
      const base = {k: pick(values), l: pick(values)};
      const a = {k: pick(values), l: pick(values)};
      const b = {k: pick(values), l: pick(values)};

      const ab = mergeValues(base, a, b, `a`);
      const ba = mergeValues(base, b, a, `b`);

      assert.deepEqual(canonicalJson(ab.value), canonicalJson(ba.value));
      assert.deepEqual(ab.conflicts, ba.conflicts);
    }
  });
});

describe(`mergeEntity`, () => {
  const feature = (fields: Record<string, unknown>) => ({id: `f`, status: `pending`, title: `T`, dependsOn: [], updatedAt: `2026-11-25T09:00:00Z`, ...fields});

  it(`keeps the later updatedAt in a true conflict and writes the other value into a conflict record`, () => {
    const base = feature({});
    const a = feature({title: `A title`, updatedAt: `2026-11-25T10:00:00Z`, updatedBy: `codex`});
    const b = feature({title: `B title`, updatedAt: `2026-11-25T10:00:09Z`, updatedBy: `gemini`});

    const {value, conflicts} = merge(FEATURE, base, a, b);

    assert.equal(value.title, `B title`);
    assert.equal(conflicts.length, 1);
    assert.deepEqual([conflicts[0]!.kind, conflicts[0]!.field, conflicts[0]!.kept.value, conflicts[0]!.other.value, conflicts[0]!.other.agent], [`field`, `title`, `B title`, `A title`, `codex`]);
  });

  it(`does not record a conflict when one side only went further along the state machine`, () => {
    const base = feature({status: `in-progress`});
    const a = feature({status: `review`, updatedAt: `2026-11-25T10:00:00Z`});
    const b = feature({status: `done`, updatedAt: `2026-11-25T10:00:09Z`, dependsOn: [`g`]});

    const {value, conflicts} = merge(FEATURE, base, a, b);

    assert.deepEqual([value.status, value.dependsOn, conflicts], [`done`, [`g`], []]);
  });

  it(`does not apply a later status the other side can no longer reach, and records it as a transition conflict`, () => {
    const base = feature({status: `review`});
    const a = feature({status: `done`, updatedAt: `2026-11-25T10:00:00Z`});
    const b = feature({status: `blocked`, updatedAt: `2026-11-25T10:00:09Z`});

    const {value, conflicts} = merge(FEATURE, base, a, b);

    assert.equal(value.status, `done`);
    assert.deepEqual([conflicts[0]!.kind, conflicts[0]!.kept.value, conflicts[0]!.other.value], [`transition`, `done`, `blocked`]);
    assert.match(conflicts[0]!.rule, /invalid transition done -> blocked/);
  });

  it(`gives a handoff claimed on both sides to the earlier claim, whole`, () => {
    const base = {id: `h`, status: `pending`, timestamp: `2026-11-25T09:00:00Z`};
    const a = {...base, status: `picked-up`, claimedBy: `codex`, claimedAt: `2026-11-25T10:00:05Z`};
    const b = {...base, status: `completed`, claimedBy: `gemini`, claimedAt: `2026-11-25T10:00:01Z`, completedBy: `gemini`};

    const {value, conflicts} = merge(`handoffs/h.json`, base, a, b);

    assert.deepEqual([value.claimedBy, value.status, value.completedBy], [`gemini`, `completed`, `gemini`]);
    assert.deepEqual([conflicts[0]!.kind, conflicts[0]!.field, (conflicts[0]!.other.value as any).claimedBy], [`claim`, null, `codex`]);
  });

  it(`keeps a change over a deletion and records the deletion`, () => {
    const base = feature({});

    const {value, conflicts} = merge(FEATURE, base, null, feature({title: `changed`}));

    assert.equal(value.title, `changed`);
    assert.deepEqual([conflicts[0]!.kind, conflicts[0]!.other.value], [`delete`, null]);
  });

  it(`merges the same pair to the same bytes and conflict ids whichever side is local`, () => {
    const base = feature({});
    const a = feature({title: `A`, status: `in-progress`, updatedAt: `2026-11-25T10:00:00Z`});
    const b = feature({title: `B`, dependsOn: [`x`], updatedAt: `2026-11-25T10:00:00Z`, updatedBy: `zed`});

    const ab = mergeEntity({path: FEATURE, base: json(base), a: json(a), b: json(b), sideA: A, sideB: B});
    const ba = mergeEntity({path: FEATURE, base: json(base), a: json(b), b: json(a), sideA: B, sideB: A});

    assert.equal(ab.content, ba.content);
    assert.deepEqual(ab.conflicts, ba.conflicts);
  });

  it(`decides a file that is not JSON by the later commit and keeps the other text`, () => {
    const result = mergeEntity({path: `missions/m/workers/f/prompt.md`, base: `old\n`, a: `from a\n`, b: `from b\n`, sideA: A, sideB: B});

    assert.equal(result.content, `from b\n`);
    assert.deepEqual([result.conflicts[0]!.kind, result.conflicts[0]!.other.value], [`file`, `from a\n`]);
  });
});

describe(`mergeEntity with a schema check`, () => {
  it(`keeps the later file whole when the field merge is not a valid entity`, () => {
    const base = {id: `f`, verificationSteps: [`x`, `y`], updatedAt: `2026-11-25T09:00:00Z`};
    const a = {...base, verificationSteps: [`y`], updatedAt: `2026-11-25T10:00:00Z`};
    const b = {...base, verificationSteps: [`x`], updatedAt: `2026-11-25T10:00:09Z`};
    const nonEmpty = (_path: string, text: string) => JSON.parse(text).verificationSteps.length > 0;

    const result = mergeEntity({path: FEATURE, base: json(base), a: json(a), b: json(b), sideA: A, sideB: B, isValid: nonEmpty});

    assert.deepEqual(JSON.parse(result.content!).verificationSteps, [`x`]);
    assert.deepEqual([result.conflicts[0]!.kind, (result.conflicts[0]!.other.value as any).verificationSteps], [`file`, [`y`]]);
  });
});
