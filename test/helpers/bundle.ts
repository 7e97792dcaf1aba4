import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gitEnv} from './gitRepo.ts';

const root = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`);
/** The shipped CLI, for tests that need real processes. */
export const bin = path.join(root, `dist`, `maestro.cjs`);

/** Builds the bundle unless it is newer than every source file (scripts/test.mjs has just built it). */
export function ensureBundle(): void {
  const newest = (dir: string): number => Math.max(0, ...fs.readdirSync(path.join(root, dir), {withFileTypes: true, recursive: true})
    .filter(entry => entry.isFile() && entry.name.endsWith(`.ts`)).map(entry => fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs));
  const built = fs.statSync(bin, {throwIfNoEntry: false})?.mtimeMs ?? 0;
  if (built > Math.max(newest(`lib`), newest(`commands`))) return;
  const build = spawnSync(process.execPath, [path.join(root, `scripts`, `build.mjs`)], {cwd: root, encoding: `utf8`});
  assert.equal(build.status, 0, build.stderr);
}

/** Runs the bundle as its own process. */
export function runBundle(cwd: string, args: string[], env: Record<string, string | undefined> = {MAESTRO_AGENT: `e2e`}): Promise<ProcessResult> {
  return runNode([bin, ...args], cwd, {...gitEnv(), ...env});
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` to its end with exactly the environment given, collecting its output. */
export function runNode(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd, env});
    let stdout = ``;
    let stderr = ``;
    child.stdout.setEncoding(`utf8`).on(`data`, chunk => { stdout += chunk; });
    child.stderr.setEncoding(`utf8`).on(`data`, chunk => { stderr += chunk; });
    child.on(`error`, reject);
    child.on(`close`, code => resolve({code, stdout, stderr}));
  });
}
