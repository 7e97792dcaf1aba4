import * as assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {describe, it} from 'node:test';
import * as zlib from 'node:zlib';
import {inflateStored} from '../../lib/store/inflateStored.ts';

describe(`inflateStored`, () => {
  it(`gives back what zlib stored, at every size from empty to several blocks`, () => {
    for (const size of [0, 1, 75, 5552, 5553, 65535, 65536, 200_000]) {
      const content = randomBytes(size);

      const stored = zlib.deflateSync(content, {level: 0});

      assert.deepEqual(inflateStored(stored), content, `${size} bytes`);
    }
  });

  it(`leaves a compressed stream to zlib`, () => {
    const text = Buffer.from(`tree 100\0`.repeat(50));

    assert.equal(inflateStored(zlib.deflateSync(text, {level: 1})), null);
    assert.equal(inflateStored(zlib.deflateSync(text, {level: 9})), null);
  });

  it(`refuses a damaged stream as zlib does: a changed byte, a cut end, a bad header`, () => {
    const stored = zlib.deflateSync(Buffer.from(`100644 maestro.json\0${`x`.repeat(20)}`), {level: 0});
    const changed = Buffer.from(stored);
    changed[10] = changed[10]! ^ 1;
    const badHeader = Buffer.from(stored);
    badHeader[1] = badHeader[1]! ^ 1;

    for (const [name, damaged] of [[`a changed byte`, changed], [`a cut end`, stored.subarray(0, stored.length - 1)], [`a bad header`, badHeader]] as const) {
      assert.throws(() => inflateStored(damaged), Error, name);
      assert.throws(() => zlib.inflateSync(damaged), Error, `zlib refuses ${name} too`);
    }
  });
});
