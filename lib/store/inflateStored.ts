/**
 * The content of a zlib stream made only of stored (uncompressed) deflate blocks, as ObjectDb
 * writes trees: null when the stream compresses anything (zlib must inflate it then).
 * Loading node:zlib costs a command about 4 ms (it loads every stream module with it), which
 * `status` would otherwise pay for one 75-byte root tree after each write (scripts/bench.mjs).
 * @throws Error when the stream is damaged: a bad header, a block that does not add up, or an
 * Adler-32 that does not match, as zlib itself would refuse it
 */
export function inflateStored(stream: Uint8Array): Buffer | null {
  if (stream.length < 2 + 5 + 4) return null;
  const [cmf, flg] = [stream[0]!, stream[1]!];
  // Deflate, a window of at most 32 KB, a valid check, no preset dictionary (RFC 1950).
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0 || flg & 0x20) throw new Error(`not a zlib stream`);
  const parts: Uint8Array[] = [];
  let at = 2;
  for (let last = false; !last;) {
    if (at >= stream.length) throw new Error(`the stream ends before its last block`);
    const header = stream[at]!;
    // A stored block's header is byte-aligned here only because every block before it was stored.
    if ((header >> 1) & 0b11) return null;
    last = (header & 1) === 1;
    if (at + 5 > stream.length) throw new Error(`the stream ends inside a block header`);
    const length = stream[at + 1]! | (stream[at + 2]! << 8);
    const complement = stream[at + 3]! | (stream[at + 4]! << 8);
    if ((length ^ 0xffff) !== complement) throw new Error(`a stored block's length does not match its complement`);
    at += 5;
    if (at + length > stream.length) throw new Error(`a stored block runs past the end of the stream`);
    parts.push(stream.subarray(at, at + length));
    at += length;
  }
  if (at + 4 !== stream.length) throw new Error(`the stream does not end with its checksum`);
  const content = Buffer.concat(parts);
  const expected = ((stream[at]! << 24) | (stream[at + 1]! << 16) | (stream[at + 2]! << 8) | stream[at + 3]!) >>> 0;
  if (adler32(content) !== expected) throw new Error(`the Adler-32 checksum does not match`);
  return content;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b must be reduced (RFC 1950's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(start + 5552, data.length);
    for (let i = start; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
