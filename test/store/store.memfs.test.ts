import * as assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeMemStore} from '../helpers/memStore.ts';
import {storeContract} from './storeContract.ts';

storeContract(`memfs`, () => ({store: makeMemStore().store, cleanup: () => {}}));

describe(`Store on memfs with a fixed clock`, () => {
  it(`stamps commits and reflog lines with the injected clock, which moves only when advanced`, async () => {
    const {store, clock, fs, dir} = makeMemStore();
    const write = (content: string) => store.transact({message: `write`, agent: `a`, session: `s`}, async () => ({changes: [{path: `a.json`, content}], result: null}));

    const first = await write(`1\n`);
    clock.advance(90_000);
    const second = await write(`2\n`);

    const start = Date.parse(`2025-01-01T12:00:00.000Z`) / 1000;
    assert.deepEqual([first.tip!.time, second.tip!.time], [start, start + 90]);
    const reflog = String(fs.readFileSync(`${dir}/.git/logs/refs/maestro/main`, `utf8`)).trim().split(`\n`);
    assert.deepEqual(reflog.map(line => line.split(`\t`)[0]!.split(` `).at(-2)), [String(start), String(start + 90)]);
  });
});
