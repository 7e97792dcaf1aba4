import * as path from 'node:path';
import {zlib} from '../lazyBuiltins.ts';
import type {ObjectType} from './gitObjects.ts';
import type {GitFs} from './types.ts';

/**
 * Reads objects from git's packfiles (`objects/pack/*.pack` with a version 2 `.idx`), resolving
 * OFS_DELTA and REF_DELTA chains. Why our own: isomorphic-git loads a whole packfile into memory and
 * costs ~30 ms to import; after `git gc` every read is a pack read, and the first command after a gc
 * took 0.3 s and 100 MB through it. This reads only the bytes of the objects asked for, with `pread`.
 */
export class PackReader {
  private packs: Pack[] | null = null;
  private readonly bases = new Map<string, {type: ObjectType; content: Buffer}>();

  constructor(private readonly fs: GitFs, private readonly objectsDir: string) {}

  /** The object, or null when no pack holds it. */
  read(oid: string): {type: ObjectType; content: Buffer} | null {
    for (const pack of this.loadPacks()) {
      const offset = pack.find(oid);
      if (offset !== null) return this.readAt(pack, offset);
    }
    return null;
  }

  /** Forgets the pack list, so packs written since (by a concurrent `git gc`) are seen. */
  refresh(): void {
    this.packs = null;
  }

  private loadPacks(): Pack[] {
    if (this.packs) return this.packs;
    const dir = path.join(this.objectsDir, `pack`);
    let names: string[] = [];
    try {
      names = (this.fs.readdirSync(dir) as string[]).filter(name => name.endsWith(`.idx`));
    } catch {
      // No pack directory: a young repository.
    }
    this.packs = names.map(name => new Pack(this.fs, path.join(dir, name))).filter(pack => pack.valid);
    return this.packs;
  }

  private readAt(pack: Pack, offset: number): {type: ObjectType; content: Buffer} {
    const key = `${pack.packPath}:${offset}`;
    const cached = this.bases.get(key);
    if (cached) return cached;
    const header = pack.readBytes(offset, 32);
    let byte = header[0]!;
    const typeCode = (byte >> 4) & 7;
    let size = byte & 15;
    let shift = 4;
    let i = 1;
    while (byte & 0x80) {
      byte = header[i++]!;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    let result: {type: ObjectType; content: Buffer};
    if (typeCode === 6) {
      byte = header[i++]!;
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        byte = header[i++]!;
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      const base = this.readAt(pack, offset - distance);
      result = {type: base.type, content: applyDelta(base.content, pack.inflate(offset + i, size))};
    } else if (typeCode === 7) {
      const baseOid = header.toString(`hex`, i, i + 20);
      const baseOffset = pack.find(baseOid);
      const base = baseOffset === null ? this.read(baseOid) : this.readAt(pack, baseOffset);
      if (!base) throw new Error(`delta base ${baseOid} is missing`);
      result = {type: base.type, content: applyDelta(base.content, pack.inflate(offset + i + 20, size))};
    } else {
      const type = TYPES[typeCode];
      if (!type) throw new Error(`unknown pack object type ${typeCode} at ${offset}`);
      result = {type, content: pack.inflate(offset + i, size)};
    }
    // Keep delta bases of this process; a command reads at most a few thousand small objects.
    if (this.bases.size < 4096) this.bases.set(key, result);
    return result;
  }
}

const TYPES: Record<number, ObjectType> = {1: `commit`, 2: `tree`, 3: `blob`, 4: `tag`};

class Pack {
  readonly packPath: string;
  readonly valid: boolean;
  private readonly idx: Buffer;
  private readonly count: number;
  private fd: number | null = null;

  constructor(private readonly fs: GitFs, idxPath: string) {
    this.packPath = idxPath.replace(/\.idx$/, `.pack`);
    this.idx = fs.readFileSync(idxPath);
    // Version 2 only (git has written it since 1.5.2); older indexes are left to isomorphic-git.
    this.valid = this.idx.length > 8 + 1024 && this.idx.readUInt32BE(0) === 0xff744f63 && this.idx.readUInt32BE(4) === 2;
    this.count = this.valid ? this.idx.readUInt32BE(8 + 255 * 4) : 0;
  }

  /** The object's offset in the pack, by binary search within its fan-out bucket. */
  find(oid: string): number | null {
    const target = Buffer.from(oid, `hex`);
    const first = target[0]!;
    let lo = first === 0 ? 0 : this.idx.readUInt32BE(8 + (first - 1) * 4);
    let hi = this.idx.readUInt32BE(8 + first * 4);
    const shaBase = 8 + 256 * 4;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // Buffer#compare(target, …, sourceStart, sourceEnd) is the sign of (entry - target).
      const cmp = this.idx.compare(target, 0, 20, shaBase + mid * 20, shaBase + mid * 20 + 20);
      if (cmp === 0) return this.offsetAt(mid);
      if (cmp > 0) hi = mid;
      else lo = mid + 1;
    }
    return null;
  }

  private offsetAt(index: number): number {
    const offsetsBase = 8 + 256 * 4 + this.count * 24;
    const small = this.idx.readUInt32BE(offsetsBase + index * 4);
    if (!(small & 0x80000000)) return small;
    const large = offsetsBase + this.count * 4 + (small & 0x7fffffff) * 8;
    return Number(this.idx.readBigUInt64BE(large));
  }

  readBytes(position: number, length: number): Buffer {
    if (this.fd === null) this.fd = this.fs.openSync(this.packPath, `r`);
    const buffer = Buffer.alloc(length);
    const read = this.fs.readSync(this.fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  }

  /** Inflates the zlib stream at `position`; its compressed length is unknown, so read generously. */
  inflate(position: number, size: number): Buffer {
    for (let length = size + 64; ; length *= 4) {
      const chunk = this.readBytes(position, length);
      try {
        return zlib().inflateSync(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== `Z_BUF_ERROR` || chunk.length < length) throw error;
      }
    }
  }
}

/** git's delta format: source and target sizes, then copy-from-source and insert instructions. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let i = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = delta[i++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  varint();
  const out = Buffer.alloc(varint());
  let o = 0;
  while (i < delta.length) {
    const op = delta[i++]!;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset |= delta[i++]! << (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (16 << bit)) size |= delta[i++]! << (8 * bit);
      if (size === 0) size = 0x10000;
      base.copy(out, o, offset >>> 0, (offset >>> 0) + size);
      o += size;
    } else if (op > 0) {
      delta.copy(out, o, i, i + op);
      o += op;
      i += op;
    } else {
      throw new Error(`invalid delta opcode 0`);
    }
  }
  return out;
}
