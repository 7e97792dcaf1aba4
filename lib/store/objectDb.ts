import * as path from 'node:path';
import {CorruptStateError} from '../errors.ts';
import {crypto, zlib} from '../lazyBuiltins.ts';
import type {ObjectType} from './gitObjects.ts';
import {inflateStored} from './inflateStored.ts';
import {PackReader} from './packReader.ts';
import type {GitFs} from './types.ts';

export interface GitObject {
  type: ObjectType;
  content: Buffer;
}


/** How many read objects ObjectDb remembers as present (about 100 bytes each). */
const PRESENT_MAX = 100_000;
/**
 * The object database of a repository. Writes are loose objects made synchronously with node:crypto
 * and zlib (3.6 ms per state commit against 7-8.5 ms through isomorphic-git's WebCrypto path, same ids);
 * reads take loose objects directly, then packs through our PackReader, and fall back to
 * isomorphic-git (loaded only then) for what that reader does not handle (version 1 pack indexes).
 */
export class ObjectDb {
  private readonly objectsDir: string;
  private readonly packs: PackReader;
  /**
   * Objects this process has read, so they exist: writing one again is skipped. A merge receives
   * a thousand files the fetch already stored; writing each as a loose object again (deflate, write,
   * rename) was a quarter of `maestro sync`.
   */
  private readonly present = new Set<string>();

  constructor(private readonly fs: GitFs, private readonly commondir: string, private readonly isoCache: object) {
    this.objectsDir = path.join(commondir, `objects`);
    this.packs = new PackReader(fs, this.objectsDir);
  }

  /** Writes an object (if absent) and returns its id. */
  write(type: ObjectType, content: Buffer): string {
    const header = Buffer.from(`${type} ${content.length}\0`);
    const raw = Buffer.concat([header, content]);
    const oid = crypto().createHash(`sha1`).update(raw).digest(`hex`);
    if (this.present.has(oid)) return oid;
    const dir = path.join(this.objectsDir, oid.slice(0, 2));
    const file = path.join(dir, oid.slice(2));
    // Write then rename, so a reader or a crash never sees half an object. No existence check and
    // no mkdir up front: objects we write are almost always new, and each syscall costs here.
    const tmp = path.join(dir, `tmp_obj_${process.pid}_${Math.random().toString(36).slice(2)}`);
    // A tree is mostly 20-byte oids, which do not compress: it is stored (zlib level 0, still a valid
    // loose object), which spares a large one 2 ms of deflating per write and lets a read of any of
    // them skip loading zlib (inflateStored); git gc packs them later.
    const data = zlib().deflateSync(raw, {level: type === `tree` ? 0 : 1});
    try {
      this.fs.writeFileSync(tmp, data, {mode: 0o444});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== `ENOENT`) throw error;
      this.fs.mkdirSync(dir, {recursive: true});
      this.fs.writeFileSync(tmp, data, {mode: 0o444});
    }
    this.fs.renameSync(tmp, file);
    return oid;
  }

  writeBlob(text: string): string {
    return this.write(`blob`, Buffer.from(text, `utf8`));
  }

  /** Reads an object, loose or packed. @throws CorruptStateError when it is missing or unreadable */
  async read(oid: string): Promise<GitObject> {
    let found = this.readLoose(oid) ?? this.readFromPacks(oid);
    if (!found) {
      // A concurrent `git gc` may have packed the object and removed it since we listed the packs.
      this.packs.refresh();
      found = this.readLoose(oid) ?? this.readFromPacks(oid) ?? await this.readWithIsomorphicGit(oid);
    }
    this.remember(oid);
    return found;
  }

  /** Notes an object as present; a long-running reader (Mission Control) starts the set over past PRESENT_MAX. */
  private remember(oid: string): void {
    if (this.present.size >= PRESENT_MAX) this.present.clear();
    this.present.add(oid);
  }

  private readFromPacks(oid: string): GitObject | null {
    try {
      return this.packs.read(oid);
    } catch (error) {
      throw new CorruptStateError(`object ${oid} cannot be read from its pack (${(error as Error).message})`, {hint: `run \`git fsck\``});
    }
  }

  /** The loose-object path alone: no isomorphic-git, no await. */
  readLoose(oid: string): GitObject | null {
    let compressed: Buffer;
    try {
      compressed = this.fs.readFileSync(path.join(this.objectsDir, oid.slice(0, 2), oid.slice(2)));
    } catch {
      return null;
    }
    let raw: Buffer;
    try {
      raw = inflateStored(compressed) ?? zlib().inflateSync(compressed);
    } catch {
      throw new CorruptStateError(`object ${oid} is corrupt (cannot inflate)`, {hint: `run \`git fsck\``});
    }
    const nul = raw.indexOf(0);
    const type = raw.toString(`latin1`, 0, raw.indexOf(0x20)) as ObjectType;
    this.remember(oid);
    return {type, content: raw.subarray(nul + 1)};
  }

  private async readWithIsomorphicGit(oid: string): Promise<GitObject> {
    // In the bundle, this CommonJS module's functions sit on `default`; under tsx, on the namespace too.
    const module = await import(`isomorphic-git`) as unknown as typeof import('isomorphic-git') & {default?: typeof import('isomorphic-git')};
    const git = module.default ?? module;
    try {
      const result = await git.readObject({fs: this.fs, gitdir: this.commondir, oid, format: `content`, cache: this.isoCache});
      return {type: result.type as ObjectType, content: Buffer.from(result.object as Uint8Array)};
    } catch (error) {
      throw new CorruptStateError(`object ${oid} is missing from the repository (${(error as Error).message})`, {hint: `run \`git fsck\`; if it is gone, restore it from a clone with \`maestro sync\``});
    }
  }

  /** Counts loose objects the way `git gc --auto` estimates them: one fan-out directory times 256. */
  estimateLooseObjects(): number {
    try {
      return this.fs.readdirSync(path.join(this.objectsDir, `17`)).filter(name => name.length === 38).length * 256;
    } catch {
      return 0;
    }
  }
}
