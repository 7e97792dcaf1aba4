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
   * The entities of a directory tree, parsed and all valid under the schema with this fingerprint,
   * as one JSON object by name: listing 2,000 features is then one file read and one JSON.parse.
   */
  readParsed(fingerprint: string, treeOid: string): Record<string, unknown> | null {
    const text = this.readFile(`parsed/${fingerprint}/${treeOid}`);
    if (text === null) return null;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return null; // a torn or damaged cache file is only a miss
    }
  }

  /** Writes a parsed directory, keeping only the newest PARSED_KEEP per schema (each is the size of the directory). */
  writeParsed(fingerprint: string, treeOid: string, entities: Record<string, unknown>): void {
    this.writeFile(`parsed/${fingerprint}/${treeOid}`, JSON.stringify(entities));
    try {
      const dir = path.join(this.dir, `parsed`, fingerprint);
      const files = this.fs.readdirSync(dir).filter(name => !name.endsWith(`.tmp`)).map(name => ({name, at: this.fs.statSync(path.join(dir, name)).mtimeMs}));
      files.sort((a, b) => b.at - a.at);
      for (const old of files.slice(PARSED_KEEP)) this.fs.unlinkSync(path.join(dir, old.name));
    } catch { /* best effort */ }
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
