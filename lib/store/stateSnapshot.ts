import {CorruptStateError} from '../errors.ts';
import {describeIssue, schemaFingerprint, type Schema} from '../domain/schema.ts';
import {isTreeMode} from './gitObjects.ts';
import type {StateReader} from './stateReader.ts';
import type {StateTip} from './types.ts';

/** From this many characters, `read` remembers that an entity's blob passed its schema. */
const LARGE_ENTITY = 8192;

/** A read-only view of the state at one tip. An empty state (no tip) reads as empty everywhere. */
export class StateSnapshot {
  constructor(private readonly reader: StateReader, readonly tip: StateTip | null) {}

  /** The text of the file at `path`, or null when there is none. */
  async readText(path: string): Promise<string | null> {
    if (!this.tip) return null;
    const entry = await this.reader.entry(this.tip.tree, path);
    if (!entry || isTreeMode(entry.mode)) return null;
    return this.reader.blobText(entry.oid);
  }

  /** Reads and validates one entity. @throws CorruptStateError naming the path when it fails */
  async read<T>(path: string, schema: Schema<T>): Promise<T | null> {
    if (!this.tip) return null;
    const entry = await this.reader.entry(this.tip.tree, path);
    if (!entry || isTreeMode(entry.mode)) return null;
    const text = await this.reader.blobText(entry.oid);
    // A large entity (a mission of 2,000 features) that passed this schema before is only parsed:
    // validating it costs milliseconds, a marker file one stat.
    const fingerprint = text.length >= LARGE_ENTITY ? schemaFingerprint(schema as Schema<unknown>) : null;
    if (fingerprint && this.reader.cache.isValidEntity(fingerprint, entry.oid)) return JSON.parse(text) as T;
    const entity = parseEntity(path, text, schema);
    if (fingerprint) this.reader.cache.markValidEntity(fingerprint, entry.oid);
    return entity;
  }

  /** Names in a directory of the state (files and subdirectories), sorted; [] when absent. */
  async list(dir: string): Promise<string[]> {
    const entry = this.tip ? await this.reader.entry(this.tip.tree, dir) : null;
    if (!entry || !isTreeMode(entry.mode)) return [];
    return (await this.reader.tree(entry.oid)).map(child => child.name).sort();
  }

  /** Every `*.json` entity of a directory, validated, by file name without `.json`. */
  async readAll<T>(dir: string, schema: Schema<T>): Promise<Map<string, T>> {
    const oid = await this.directoryOid(dir);
    return oid === null ? new Map() : this.readTree(dir, oid, schema);
  }

  /**
   * `project` of every entity of a directory, each validated with `schema` first, by file name
   * without `.json`, in name order. Through the projection cache when the schema is cacheable: a
   * projection of an older version of the directory plus the deltas writes recorded since (their
   * entities validated here), so a list of 2,000 entities reads a small file and a delta or two.
   * `projection` names the projection's shape in the cache; change it when `project` changes.
   */
  async readProjected<T, R>(dir: string, schema: Schema<T>, projection: string, project: (entity: T) => R): Promise<Map<string, R>> {
    const oid = await this.directoryOid(dir);
    if (oid === null) return new Map();
    const fingerprint = schemaFingerprint(schema as Schema<unknown>);
    const projectAll = async (tree: string) => [...await this.readTree(dir, tree, schema)].map(([name, entity]): [string, R] => [name, project(entity)]);
    if (!fingerprint) return new Map(await projectAll(oid));
    const {cache} = this.reader;
    const deltas = [];
    let base = oid;
    let entries = cache.readProjection(fingerprint, projection, base) as Array<[string, R]> | null;
    for (let delta; !entries && deltas.length < 64 && (delta = cache.readParsedDelta(fingerprint, base));) {
      deltas.push(delta);
      base = delta.base;
      entries = cache.readProjection(fingerprint, projection, base) as Array<[string, R]> | null;
    }
    if (!entries) {
      entries = await projectAll(base);
      cache.writeProjection(fingerprint, projection, base, entries);
    }
    if (deltas.length === 0) return new Map(entries);
    const rows = new Map(entries);
    let added = false;
    for (const delta of deltas.reverse()) {
      for (const name of delta.del) rows.delete(name);
      for (const [name, value] of Object.entries(delta.set)) {
        added ||= !rows.has(name);
        rows.set(name, project(checkEntity(`${dir}/${name}.json`, value, schema)));
      }
    }
    const result = added ? new Map([...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : rows;
    // From two deltas on, written out at this tree, in name order, so that reads start near the tip
    // again: writing 2,000 rows costs about what validating two or three entities does.
    if (deltas.length >= 2) cache.writeProjection(fingerprint, projection, oid, [...result]);
    return result;
  }

  /** The tree id of a directory of the state, or null when there is none. */
  private async directoryOid(dir: string): Promise<string | null> {
    const entry = this.tip ? await this.reader.entry(this.tip.tree, dir) : null;
    return entry && isTreeMode(entry.mode) ? entry.oid : null;
  }

  /** Every entity of the directory tree `treeOid` (`dir` names it in errors), validated. */
  private async readTree<T>(dir: string, treeOid: string, schema: Schema<T>): Promise<Map<string, T>> {
    const result = new Map<string, T>();
    const cacheable = schemaFingerprint(schema as Schema<unknown>);
    const parsed = cacheable ? this.reader.cache.readParsed(cacheable, treeOid) : null;
    if (parsed) {
      // Entities written since the cache last validated them are checked here: a few, not 2,000.
      for (const name of parsed.unchecked) checkEntity(`${dir}/${name}.json`, parsed.entities[name], schema);
      const names = Object.keys(parsed.entities);
      if (parsed.reordered) names.sort();
      for (const name of names) result.set(name, parsed.entities[name] as T);
      return result;
    }
    const texts = await this.reader.texts(treeOid);
    // Small directories validate faster than the cache reads; large ones are where it pays.
    const fingerprint = texts.size < 64 ? null : cacheable;
    if (fingerprint === null) {
      for (const name of [...texts.keys()].sort()) {
        if (name.endsWith(`.json`)) result.set(name.slice(0, -5), parseEntity(`${dir}/${name}`, texts.get(name)!, schema));
      }
      return result;
    }
    // Blobs that passed this very schema before are only parsed; the others are validated and remembered.
    const blobs = new Map((await this.reader.tree(treeOid)).map(child => [child.name, child.oid]));
    const valid = this.reader.cache.readValidBlobs(fingerprint);
    const current: string[] = [];
    let learned = false;
    for (const name of [...texts.keys()].sort()) {
      if (!name.endsWith(`.json`)) continue;
      const oid = blobs.get(name)!;
      current.push(oid);
      if (valid.has(oid)) {
        result.set(name.slice(0, -5), JSON.parse(texts.get(name)!) as T);
        continue;
      }
      result.set(name.slice(0, -5), parseEntity(`${dir}/${name}`, texts.get(name)!, schema));
      valid.add(oid);
      learned = true;
    }
    // Kept parsed from now on: the writes that follow extend it with small deltas (StateCache.extendParsed).
    if (learned) this.reader.cache.writeValidBlobs(fingerprint, valid, current);
    this.reader.cache.writeParsed(fingerprint, treeOid, Object.fromEntries(result));
    return result;
  }
}

/** An already parsed entity, validated. @throws CorruptStateError naming the path when it fails */
function checkEntity<T>(path: string, data: unknown, schema: Schema<T>): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new CorruptStateError(`${path}: ${parsed.error.issues.map(describeIssue).join(`; `)}`, {hint: `see it with \`git show refs/maestro/main:${path}\``});
}

export function parseEntity<T>(path: string, text: string, schema: Schema<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorruptStateError(`${path}: not valid JSON (${(error as Error).message})`, {hint: `see it with \`git show refs/maestro/main:${path}\``});
  }
  return checkEntity(path, data, schema);
}
