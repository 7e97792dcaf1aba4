#!/usr/bin/env node
// Runs every test/**/*.test.ts through Node's built-in runner with tsx.
// Node 20's --test takes no globs, so the files are listed here. Arguments filter by path substring.
import {readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = join(fileURLToPath(import.meta.url), `..`, `..`);
const filters = process.argv.slice(2);
const files = [];
const walk = dir => {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(`.test.ts`)) files.push(relative(root, path));
  }
};
walk(join(root, `test`));
const selected = files.sort().filter(file => filters.length === 0 || filters.some(filter => file.includes(filter)));
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(` `)}`);
  process.exit(2);
}
// The end-to-end tests spawn the shipped bundle: build it first so they test what ships.
const build = spawnSync(process.execPath, [join(root, `scripts`, `build.mjs`)], {stdio: `inherit`, cwd: root});
if (build.status !== 0) process.exit(build.status ?? 1);
// The bundle's compile cache (lib/loadBundle.ts) goes into node_modules/.cache, not the home directory.
const env = {...process.env, MAESTRO_TEST: `1`, XDG_CACHE_HOME: join(root, `node_modules`, `.cache`)};
const result = spawnSync(process.execPath, [`--import`, `tsx`, `--test`, `--test-concurrency=2`, ...selected], {stdio: `inherit`, cwd: root, env});
process.exit(result.status ?? 1);
