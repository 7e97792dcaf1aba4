import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {seededRandom} from '../../helpers/seededRandom.ts';
import {newDatedId, resolveIdPrefix} from '../../../lib/domain/ids.ts';
import {InputError, NotFoundError} from '../../../lib/errors.ts';


// Local time on purpose: ids carry the local date, as the original's did.
const at = (hours: number, minutes: number, seconds: number) => new Date(2026, 10, 25, hours, minutes, seconds);

describe(`newDatedId`, () => {
  it(`is the local date, the second of the day in 4 base-36 digits and 4 random characters`, () => {
    const id = newDatedId(at(0, 0, 1), () => 0);

    assert.equal(id, `2026-11-25-00010000`);
    assert.match(newDatedId(at(23, 59, 59), Math.random), /^2026-11-25-1unz[0-9a-z]{4}$/);
  });

  it(`takes the random characters from the random source`, () => {
    assert.equal(newDatedId(at(0, 0, 0), () => 0.999), `2026-11-25-0000zzzz`);
    assert.equal(newDatedId(at(0, 0, 0), () => 0.5, 5), `2026-11-25-0000iiiii`);
  });

  it(`sorts by time within a day, whatever the random part`, () => {
    const times = [at(0, 0, 0), at(0, 0, 9), at(0, 0, 10), at(0, 0, 35), at(0, 0, 36), at(1, 0, 0), at(12, 30, 0), at(23, 59, 59)];

    const ids = times.map((time, i) => newDatedId(time, () => (i % 2 === 0 ? 0.99 : 0)));

    assert.deepEqual([...ids].sort(), ids);
  });

  it(`gives 10,000 ids made in the same second nearly all distinct (at least 99.5%)`, () => {
    const random = seededRandom(42);
    const now = at(10, 0, 0);

    const ids = new Set(Array.from({length: 10_000}, () => newDatedId(now, random)));

    assert.ok(ids.size >= 9_950, `only ${ids.size} of 10,000 ids are distinct (the random part has ${36 ** (newDatedId(now, random).length - 15)} values per second)`);
  });
});

describe(`resolveIdPrefix`, () => {
  const ids = [`2026-11-25-0abc123`, `2026-11-25-0abd456`, `2026-11-26-0001xyz`, `ab`, `abc`];
  const resolve = (given: string) => resolveIdPrefix(ids, given, `mission`, `list missions with \`maestro mission list\``);

  it(`returns an exact id`, () => {
    assert.equal(resolve(`2026-11-25-0abd456`), `2026-11-25-0abd456`);
  });

  it(`prefers an exact id over the longer ids it prefixes`, () => {
    assert.equal(resolve(`ab`), `ab`);
  });

  it(`returns the one id a prefix matches`, () => {
    assert.equal(resolve(`2026-11-26`), `2026-11-26-0001xyz`);
    assert.equal(resolve(`2026-11-25-0abc`), `2026-11-25-0abc123`);
  });

  it(`refuses an ambiguous prefix with an InputError naming the candidates`, () => {
    assert.throws(() => resolve(`2026-11-25-0ab`), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.exitCode, 2);
      assert.equal(error.message, `mission "2026-11-25-0ab" is ambiguous: it matches 2026-11-25-0abc123, 2026-11-25-0abd456`);
      return true;
    });
  });

  it(`refuses an id nothing matches with a NotFoundError and the list hint`, () => {
    assert.throws(() => resolve(`2027`), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.message, `mission 2027 not found`);
      assert.equal(error.hint, `list missions with \`maestro mission list\``);
      return true;
    });
  });
});
