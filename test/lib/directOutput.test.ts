import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {PassThrough, type Writable} from 'node:stream';
import {after, describe, it} from 'node:test';
import {directOutput, type DirectOutputDeps} from '../../lib/directOutput.ts';

describe(`directOutput`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-stdout-`));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));

  /** A stream standing in for process.stdout, which records what reaches it and whether it was made. */
  const recordingStream = () => {
    const state = {made: false, text: ``};
    const make = (): Writable => {
      state.made = true;
      const stream = new PassThrough();
      stream.on(`data`, chunk => { state.text += String(chunk); });
      return stream;
    };
    return {state, make};
  };

  it(`writes to a file straight through its descriptor, without making process.stdout`, () => {
    const file = path.join(dir, `out.txt`);
    const fd = fs.openSync(file, `w`);
    const stream = recordingStream();

    const out = directOutput({fd, fs, stream: stream.make, onBrokenPipe: () => assert.fail(`no pipe here`)});
    out.write(`one\n`);
    out.write(Buffer.from(`twö\n`));
    fs.closeSync(fd);

    assert.equal(fs.readFileSync(file, `utf8`), `one\ntwö\n`);
    assert.equal(stream.state.made, false);
    assert.equal((out as Partial<{isTTY: boolean}>).isTTY, false);
  });

  it(`leaves a character device (a terminal, /dev/null) to process.stdout`, () => {
    const fd = fs.openSync(`/dev/null`, `w`);
    const stream = recordingStream();

    directOutput({fd, fs, stream: stream.make, onBrokenPipe: () => {}}).write(`x`);
    fs.closeSync(fd);

    assert.equal(stream.state.made, true);
  });

  // The kernel's answers a pipe can give, played back: partial writes, a full non-blocking pipe, a
  // reader gone. (The real pipes are in test/e2e/directOutput.test.ts.)
  const scripted = (answers: Array<number | string>) => {
    const written: string[] = [];
    const stream = recordingStream();
    let broken = 0;
    const deps: DirectOutputDeps = {
      fd: 99,
      fs: {
        fstatSync: (() => ({isFIFO: () => true, isFile: () => false})) as unknown as typeof fs.fstatSync,
        writeSync: ((_fd: number, bytes: Uint8Array) => {
          const answer = answers.shift() ?? bytes.length;
          if (typeof answer === `string`) throw Object.assign(new Error(answer), {code: answer});
          written.push(Buffer.from(bytes.subarray(0, answer)).toString());
          return answer;
        }) as unknown as typeof fs.writeSync,
      },
      stream: stream.make,
      onBrokenPipe: () => { broken++; },
    };
    return {deps, written, stream, broken: () => broken};
  };

  it(`finishes a partial write`, () => {
    const pipe = scripted([3, 2]);

    assert.equal(directOutput(pipe.deps).write(`abcdefgh`), true);

    assert.deepEqual(pipe.written, [`abc`, `de`, `fgh`]);
  });

  it(`hands the rest to process.stdout when the pipe is full and non-blocking, and keeps the order`, async () => {
    const pipe = scripted([4, `EAGAIN`]);
    const out = directOutput(pipe.deps);

    out.write(`12345678`);
    out.write(`9\n`);
    await new Promise(resolve => setImmediate(resolve));

    assert.deepEqual(pipe.written, [`1234`]);
    assert.equal(pipe.stream.state.text, `56789\n`);
  });

  it(`calls onBrokenPipe when the reader is gone, and throws any other error`, () => {
    const gone = scripted([`EPIPE`]);
    assert.equal(directOutput(gone.deps).write(`x`), false);
    assert.equal(gone.broken(), 1);

    const full = scripted([`ENOSPC`]);
    assert.throws(() => directOutput(full.deps).write(`x`), /ENOSPC/);
  });
});
