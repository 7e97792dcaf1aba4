import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {gitEnv} from './gitRepo.ts';

const ROOT = fileURLToPath(new URL(`../..`, import.meta.url));
const WORKER = fileURLToPath(new URL(`storeWorker.ts`, import.meta.url));

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `storeWorker.ts` with tsx in its own process (cwd: the project root). */
export function startWorker(args: string[]): ChildProcess & {exited: Promise<WorkerExit>} {
  const child = spawn(process.execPath, [`--import`, `tsx`, WORKER, ...args], {cwd: ROOT, env: gitEnv(), stdio: [`ignore`, `pipe`, `pipe`]});
  let stdout = ``;
  let stderr = ``;
  child.stdout.setEncoding(`utf8`).on(`data`, chunk => { stdout += chunk; });
  child.stderr.setEncoding(`utf8`).on(`data`, chunk => { stderr += chunk; });
  const exited = new Promise<WorkerExit>((resolve, reject) => {
    child.on(`error`, reject);
    child.on(`close`, (code, signal) => resolve({code, signal, stdout, stderr}));
  });
  return Object.assign(child, {exited});
}

/** Runs a worker to its end. */
export function runWorker(args: string[]): Promise<WorkerExit> {
  return startWorker(args).exited;
}

/** Resolves with the first line the worker prints on stdout; rejects if it exits first. */
export function firstLine(child: ChildProcess & {exited: Promise<WorkerExit>}): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ``;
    child.stdout!.on(`data`, (chunk: string) => {
      seen += chunk;
      const newline = seen.indexOf(`\n`);
      if (newline !== -1) resolve(seen.slice(0, newline));
    });
    void child.exited.then(exit => reject(new Error(`worker exited (${exit.code ?? exit.signal}) before reporting: ${exit.stderr}`)));
  });
}
