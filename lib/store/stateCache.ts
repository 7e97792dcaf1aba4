import * as path from 'node:path';
import type {GitFs, StateTip} from './types.ts';

/** A tip with what `status` shows of its commit, so a packed tip costs no pack read. */
export interface TipInfo extends StateTip {
  /** Committer time, seconds since the epoch. */
  time: number;
  subject: string;
  trailers: Record<string, string>;
}

const VALID_MAX = 20_000;
const VALID_LARGE_KEEP = 256;

/** A directory's entities from the parsed cache; `unchecked` ones came from writes and are not yet validated. */
export interface ParsedDirectory {
  entities: Record<string, unknown>;
  unchecked: Set<string>;
  depth: number;
  /** Names were added by deltas, so the entities are no longer in name order. */
  reordered: boolean;
}

export interface ParsedDelta {
  base: string;
  depth: number;
  set: Record<string, unknown>;
  del: string[];
}
const PARSED_KEEP = 4;

/**
 * The read cache under `<commondir>/maestro/cache/`. Every entry is keyed by an object id, so it can
 * never be stale: a `git fetch`, an `update-ref` by hand or another worktree's write changes the tip,
 * and a new tip simply misses. `tip` maps the last tip seen to its tree, time and trailers (what
 * `status` shows, without reading the commit); `texts/<oid>` holds every blob of one directory tree as
 * text, so listing 2,000 entities is one file read instead of 2,000 object reads.
 */
export class StateCache {
  private readonly dir: string;

  constructor(private readonly fs: GitFs, commondir: string) {
    this.dir = path.join(commondir, `maestro`, `cache`);
  }

  readTip(commit: string): TipInfo | null {
    const text = this.readFile(`tip`);
    if (text === null) return null;
    try {
      const info = JSON.parse(text) as TipInfo;
      return info.commit === commit ? info : null;
    } catch {
      return null;
    }
  }

  writeTip(info: TipInfo): void {
    this.writeFile(`tip`, JSON.stringify(info));
  }

  hasTexts(treeOid: string): boolean {
    return this.fs.existsSync(path.join(this.dir, `texts`, treeOid)) || this.fs.existsSync(path.join(this.dir, `texts`, `${treeOid}.d`));
  }

  /** A directory's texts: a full file, or a delta on another tree's texts (resolved here). */
  readTexts(treeOid: string): Map<string, string> | null {
    const full = this.readFile(`texts/${treeOid}`);
    if (full !== null) return new Map(Object.entries(JSON.parse(full) as Record<string, string>));
    const delta = this.readDelta(treeOid);
    if (!delta) return null;
    const texts = this.readTexts(delta.base);
    if (!texts) return null;
    for (const name of delta.del) texts.delete(name);
    for (const [name, text] of Object.entries(delta.set)) texts.set(name, text);
    return texts;
  }

  writeTexts(treeOid: string, texts: Map<string, string>): void {
    this.writeFile(`texts/${treeOid}`, JSON.stringify(Object.fromEntries(texts)));
  }

  /**
   * Records the texts of a directory a write changed as a delta on its old version: a write to one
   * entity of a 2,000-entity directory writes a few hundred bytes, not the whole directory again.
   * After 32 deltas the chain is written out in full and its links removed.
   */
  writeTextsDelta(treeOid: string, base: string, set: Record<string, string>, del: string[]): void {
    const depth = (this.readDelta(base)?.depth ?? 0) + 1;
    if (depth <= 32) {
      this.writeFile(`texts/${treeOid}.d`, JSON.stringify({base, depth, set, del}));
      return;
    }
    const texts = this.readTexts(base);
    if (!texts) return;
    for (const name of del) texts.delete(name);
    for (const [name, text] of Object.entries(set)) texts.set(name, text);
    this.writeTexts(treeOid, texts);
    for (let link: string | undefined = base; link;) {
      const delta = this.readDelta(link);
      this.dropTexts(link);
      link = delta?.base;
    }
  }

  /**
   * Blob ids known to satisfy the schema with this fingerprint: reading 2,000 entities then costs a
   * JSON.parse each instead of a zod parse each (26 ms in the bench). A blob id fixes the content and
   * the fingerprint fixes the schema, so an entry can never be wrong, only missing.
   */
  readValidBlobs(fingerprint: string): Set<string> {
    const text = this.readFile(`valid/${fingerprint}`);
    return new Set(text ? text.split(`\n`).filter(Boolean) : []);
  }

  /** Records the set; past VALID_MAX ids only `current` (the directory just read) is kept. */
  writeValidBlobs(fingerprint: string, all: Set<string>, current: string[]): void {
    const ids = all.size > VALID_MAX ? current : [...all];
    this.writeFile(`valid/${fingerprint}`, `${ids.join(`\n`)}\n`);
  }

  /**
   * The entities of a directory tree, parsed, as one JSON object by name: listing 2,000 features is
   * then one file read and one JSON.parse. A full entry holds entities that passed the schema with
   * this fingerprint; a write adds a delta on it (extendParsed) whose entities are `unchecked`: the
   * reader validates those few before use.
   */
  readParsed(fingerprint: string, treeOid: string, depth = 0): ParsedDirectory | null {
    const full = this.readJson<{e?: Record<string, unknown>; u?: string[]}>(`parsed/${fingerprint}/${treeOid}`);
    if (full && typeof full.e === `object` && full.e !== null) return {entities: full.e, unchecked: new Set(full.u ?? []), depth: 0, reordered: false};
    const delta = depth < 64 ? this.readJson<ParsedDelta>(`parsed/${fingerprint}/${treeOid}.d`) : null;
    if (!delta) return null;
    const base = this.readParsed(fingerprint, delta.base, depth + 1);
    if (!base) return null;
    let reordered = base.reordered;
    for (const name of delta.del) {
      delete base.entities[name];
      base.unchecked.delete(name);
    }
    for (const [name, value] of Object.entries(delta.set)) {
      if (!(name in base.entities)) reordered = true;
      base.entities[name] = value;
      base.unchecked.add(name);
    }
    return {entities: base.entities, unchecked: base.unchecked, depth: delta.depth, reordered};
  }

  /** Writes a parsed directory, keeping only the newest PARSED_KEEP per schema (each is the size of the directory). */
  writeParsed(fingerprint: string, treeOid: string, entities: Record<string, unknown>, unchecked: string[] = []): void {
    this.writeFile(`parsed/${fingerprint}/${treeOid}`, JSON.stringify({e: entities, ...(unchecked.length ? {u: unchecked} : {})}));
    try {
      const dir = path.join(this.dir, `parsed`, fingerprint);
      const files = this.fs.readdirSync(dir).filter(name => !name.endsWith(`.tmp`)).map(name => ({name, at: this.fs.statSync(path.join(dir, name)).mtimeMs}));
      const fulls = files.filter(file => !file.name.endsWith(`.d`)).sort((a, b) => b.at - a.at);
      const oldestKept = fulls[Math.min(PARSED_KEEP, fulls.length) - 1]?.at ?? 0;
      for (const old of fulls.slice(PARSED_KEEP)) this.fs.unlinkSync(path.join(dir, old.name));
      // Deltas older than every kept full entry lead nowhere any more.
      for (const old of files.filter(file => file.name.endsWith(`.d`) && file.at < oldestKept)) this.fs.unlinkSync(path.join(dir, old.name));
    } catch { /* best effort */ }
  }

  /** Whether the blob `oid` passed the schema with this fingerprint as one large entity (markValidEntity). */
  isValidEntity(fingerprint: string, oid: string): boolean {
    return this.fs.existsSync(path.join(this.dir, `valid`, `${fingerprint}.large`, oid));
  }

  /** Remembers that a large entity's blob passed the schema, as an empty file; at most VALID_LARGE_KEEP per schema. */
  markValidEntity(fingerprint: string, oid: string): void {
    const dir = `valid/${fingerprint}.large`;
    this.writeFile(`${dir}/${oid}`, ``);
    this.keepNewest(dir, VALID_LARGE_KEEP);
  }

  /** The delta a write recorded for `treeOid` on its old tree (extendParsed), or null. */
  readParsedDelta(fingerprint: string, treeOid: string): ParsedDelta | null {
    return this.readJson<ParsedDelta>(`parsed/${fingerprint}/${treeOid}.d`);
  }

  /**
   * A projection of a directory's entities (a few fields of each, by name), made from entities that
   * passed the schema with this fingerprint: `feature list` of 2,000 features then reads a tenth of the
   * parsed directory. Kept for the newest PARSED_KEEP trees per projection.
   */
  readProjection(fingerprint: string, projection: string, treeOid: string): Array<[string, unknown]> | null {
    const rows = this.readJson<Array<[string, unknown]>>(`projected/${fingerprint}/${projection}/${treeOid}`);
    return Array.isArray(rows) ? rows : null;
  }

  /** `rows` as [name, projection] pairs: JSON arrays parse into fast arrays, where an object of 2,000 keys becomes a slow dictionary. */
  writeProjection(fingerprint: string, projection: string, treeOid: string, rows: Array<[string, unknown]>): void {
    const dir = `projected/${fingerprint}/${projection}`;
    this.writeFile(`${dir}/${treeOid}`, JSON.stringify(rows));
    this.keepNewest(dir, PARSED_KEEP);
  }

  /** Removes all but the `keep` newest files of a cache directory. Best effort. */
  private keepNewest(dir: string, keep: number): void {
    try {
      const full = path.join(this.dir, dir);
      const files = this.fs.readdirSync(full).map(String).filter(name => !name.endsWith(`.tmp`)).map(name => ({name, at: this.fs.statSync(path.join(full, name)).mtimeMs}));
      for (const old of files.sort((a, b) => b.at - a.at).slice(keep)) this.fs.unlinkSync(path.join(full, old.name));
    } catch { /* best effort */ }
  }

  /**
   * After a write to a directory: for every schema whose parsed cache holds the old tree, records the
   * new tree as a delta (the changed entities, parsed, unchecked), so the next read after a write
   * stays one parse of the directory. A chain longer than 32 is written out whole. Best effort.
   */
  extendParsed(baseOid: string, treeOid: string, set: Record<string, string>, del: string[]): void {
    let fingerprints: string[];
    try {
      fingerprints = this.fs.readdirSync(path.join(this.dir, `parsed`)).map(String);
    } catch {
      return;
    }
    const parsed: Record<string, unknown> = {};
    try {
      for (const [name, text] of Object.entries(set)) if (name.endsWith(`.json`)) parsed[name.slice(0, -5)] = JSON.parse(text);
    } catch {
      return; // not JSON: the reader's full path reports it with its path
    }
    const removed = del.filter(name => name.endsWith(`.json`)).map(name => name.slice(0, -5));
    for (const fingerprint of fingerprints) {
      const dir = `parsed/${fingerprint}`;
      const hasFull = this.fs.existsSync(path.join(this.dir, dir, baseOid));
      const baseDelta = hasFull ? null : this.readJson<ParsedDelta>(`${dir}/${baseOid}.d`);
      if (!hasFull && !baseDelta) continue;
      const depth = (baseDelta?.depth ?? 0) + 1;
      if (depth <= 32) {
        this.writeFile(`${dir}/${treeOid}.d`, JSON.stringify({base: baseOid, depth, set: parsed, del: removed}));
        continue;
      }
      const resolved = this.readParsed(fingerprint, baseOid);
      if (!resolved) continue;
      for (const name of removed) { delete resolved.entities[name]; resolved.unchecked.delete(name); }
      for (const [name, value] of Object.entries(parsed)) { resolved.entities[name] = value; resolved.unchecked.add(name); }
      const sorted = Object.fromEntries(Object.entries(resolved.entities).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.writeParsed(fingerprint, treeOid, sorted, [...resolved.unchecked]);
    }
  }

  private readJson<T>(name: string): T | null {
    const text = this.readFile(name);
    if (text === null) return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      return null; // a torn or damaged cache file is only a miss
    }
  }

  dropTexts(treeOid: string): void {
    for (const name of [treeOid, `${treeOid}.d`]) try { this.fs.unlinkSync(path.join(this.dir, `texts`, name)); } catch { /* already gone */ }
  }

  private readDelta(treeOid: string): {base: string; depth: number; set: Record<string, string>; del: string[]} | null {
    const text = this.readFile(`texts/${treeOid}.d`);
    return text === null ? null : JSON.parse(text);
  }

  private readFile(name: string): string | null {
    try {
      return this.fs.readFileSync(path.join(this.dir, name), `utf8`);
    } catch {
      return null;
    }
  }

  /** Best effort: a cache that cannot be written only makes the next read slower. */
  private writeFile(name: string, content: string): void {
    const file = path.join(this.dir, name);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      try {
        this.fs.writeFileSync(tmp, content);
      } catch {
        this.fs.mkdirSync(path.dirname(file), {recursive: true});
        this.fs.writeFileSync(tmp, content);
      }
      this.fs.renameSync(tmp, file);
    } catch {
      try { this.fs.unlinkSync(tmp); } catch { /* never created */ }
    }
  }
}
