import * as fs from 'node:fs';
import {createRequire} from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Runs a CommonJS bundle of dist/ with V8's code cache: the bytecode V8 compiled on a first run is
 * saved, and later runs start from it instead of parsing and compiling the bundle again (about 10 ms
 * of a 60 ms `node -e 0`, scripts/bench.mjs). Node 20 has no compile cache for ES modules, which is
 * why the bundles are CommonJS.
 *
 * The cache file is named after the bundle's install directory, size and mtime and the node version
 * and architecture, so a rebuilt bundle or another node never meets an old cache; V8 itself rejects a
 * cache made with other flags, and a rejected or missing cache is simply written again. It is written
 * only after a run that exited 0, by rename, so concurrent first runs cannot tear it.
 * MAESTRO_COMPILE_CACHE=0 turns it off.
 *
 * A cache holds only the functions compiled by the run that wrote it, and V8 compiles a function
 * when it first runs: a cache written by `status` in a small repository lacks the code a large one
 * runs, which then costs each later run about 7 ms. So the first SAVES successful runs each write
 * the cache again, with what the cache gave them and what they compiled; a header counts them.
 */
export function loadBundle(file: string, env: NodeJS.ProcessEnv): void {
  const source = fs.readFileSync(file, `utf8`);
  const cacheFile = cachePath(file, env);
  let cached: {saves: number; data: Buffer} | null = null;
  if (cacheFile) try { cached = readCache(fs.readFileSync(cacheFile)); } catch { /* first run */ }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, {filename: file, ...(cached ? {cachedData: cached.data} : {})});
  const saves = cached && !script.cachedDataRejected ? cached.saves : 0;
  if (cacheFile && saves < SAVES) {
    process.once(`exit`, code => {
      if (code === 0) saveCache(script, saves + 1, cacheFile, bundleStem(file));
    });
  }
  const module = {exports: {}};
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
}

/** How many successful runs write the cache: enough for a command's common paths to be in it. */
const SAVES = 8;
/** `mc1` and a count of saves, before V8's data. */
const MAGIC = `mc1`;

function readCache(file: Buffer): {saves: number; data: Buffer} | null {
  return file.length > 4 && file.toString(`latin1`, 0, 3) === MAGIC ? {saves: file[3]!, data: file.subarray(4)} : null;
}

/**
 * `<cache>/maestro/v8/<bundle>-<install>-<size>-<mtime>-<node>-<arch>`, or null when there is no home
 * to keep it in. `<install>` hashes the bundle's directory, so two installs (a global one and a
 * clone's dist/) keep a cache each instead of replacing each other's on every run.
 */
function cachePath(file: string, env: NodeJS.ProcessEnv): string | null {
  if (env.MAESTRO_COMPILE_CACHE === `0`) return null;
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, `.cache`) : env.LOCALAPPDATA);
  if (!base) return null;
  const stat = fs.statSync(file);
  return path.join(base, `maestro`, `v8`, `${bundleStem(file)}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}`);
}

/** `<bundle>-<install>`: the part of the cache name that stays the same across rebuilds of one install. */
function bundleStem(file: string): string {
  // FNV-1a: loading node:crypto for this would cost more than the hash saves.
  let hash = 0x811c9dc5;
  for (const char of path.dirname(file)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `${path.basename(file, `.cjs`)}-${hash.toString(16).padStart(8, `0`)}`;
}

/**
 * Best effort: a cache that cannot be written only leaves the next run as slow as this one. The
 * bundle's caches for other builds are removed, so rebuilds do not pile them up.
 */
function saveCache(script: vm.Script, saves: number, cacheFile: string, stem: string): void {
  const dir = path.dirname(cacheFile);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, {recursive: true, mode: 0o700});
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${String.fromCharCode(saves)}`, `latin1`), script.createCachedData()]), {mode: 0o600});
    fs.renameSync(tmp, cacheFile);
  } catch {
    try { fs.unlinkSync(tmp); } catch { /* never written */ }
    return;
  }
  // `<stem>-<size>-<mtime>-<this node>`: the stem's hash keeps `cmd-task` from matching
  // `cmd-task-list`'s caches, and another node's cache is kept (two nodes in turn would otherwise
  // remove each other's on every run).
  const stale = new RegExp(`^${stem}-\\d+-\\d+-${process.version.replace(/\./g, `\\.`)}-${process.arch}$`);
  try {
    for (const name of fs.readdirSync(dir)) {
      if (stale.test(name) && path.join(dir, name) !== cacheFile) fs.rmSync(path.join(dir, name), {force: true});
    }
  } catch { /* left for the next write */ }
}
