import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after} from 'node:test';
import {gitEnv, runGit} from './gitRepo.ts';
import {README_PLAN_TEXT} from './missions.ts';
import {runCli, type CliResult} from './runCli.ts';

export interface Clone {
  name: string;
  dir: string;
  /** Runs maestro in-process in this clone as agent `name`. */
  maestro(argv: string[], stdin?: string): Promise<CliResult>;
  /** Like `maestro`, but fails the test unless the command exits 0, and parses `--json` output. */
  json<T = any>(argv: string[]): Promise<T>;
  git(args: string[]): string;
  tree(): string;
}

export interface Cluster {
  root: string;
  remote: string;
  clones: Clone[];
  missionId: string;
  /** A new clone of the remote that has not synced yet. */
  addClone(name: string): Clone;
}

/**
 * A bare remote on a local path and `count` real clones of it, every one with the README mission
 * after one `maestro sync`: the machines of the sync tests. Cleaned up after the test file.
 */
export async function makeCluster(count: number, options: {mission?: boolean} = {}): Promise<Cluster> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-sync-`)));
  after(() => fs.rmSync(root, {recursive: true, force: true}));
  const remote = path.join(root, `remote.git`);
  runGit(root, [`-c`, `init.defaultBranch=main`, `init`, `--quiet`, `--bare`, remote]);
  const seed = path.join(root, `seed`);
  runGit(root, [`-c`, `init.defaultBranch=main`, `init`, `--quiet`, seed]);
  for (const [key, value] of [[`user.name`, `Seed`], [`user.email`, `seed@maestro.invalid`]]) runGit(seed, [`config`, key!, value!]);
  fs.writeFileSync(path.join(seed, `README.md`), `# project\n`);
  runGit(seed, [`add`, `README.md`]);
  runGit(seed, [`commit`, `--quiet`, `-m`, `first code commit`]);
  runGit(seed, [`remote`, `add`, `origin`, remote]);
  runGit(seed, [`push`, `--quiet`, `origin`, `main`]);

  const addClone = (name: string): Clone => {
    const dir = path.join(root, name);
    runGit(root, [`clone`, `--quiet`, remote, dir]);
    for (const [key, value] of [[`user.name`, name], [`user.email`, `${name}@maestro.invalid`]]) runGit(dir, [`config`, key!, value!]);
    const env = {...gitEnv(), MAESTRO_AGENT: name, MAESTRO_SESSION: `${name}-session`, HOME: dir};
    const maestro = (argv: string[], stdin?: string) => runCli(argv, {cwd: dir, env, ...(stdin === undefined ? {} : {stdin})});
    return {
      name, dir, maestro,
      json: async argv => {
        const result = await maestro(argv);
        if (result.code !== 0) throw new Error(`maestro ${argv.join(` `)} in ${name} exited ${result.code}: ${result.stderr}`);
        return JSON.parse(result.stdout);
      },
      git: args => runGit(dir, args),
      tree: () => runGit(dir, [`rev-parse`, `refs/maestro/main^{tree}`]).trim(),
    };
  };

  const clones = Array.from({length: count}, (_, i) => addClone(`agent-${String.fromCharCode(97 + i)}`));
  const first = clones[0]!;
  await first.json([`init`, `--json`]);
  let missionId = ``;
  if (options.mission !== false) {
    const created = await first.maestro([`mission`, `create`, `--file`, `-`, `--json`], README_PLAN_TEXT);
    missionId = JSON.parse(created.stdout).mission.id;
  }
  await first.json([`sync`, `--json`]);
  for (const clone of clones.slice(1)) await clone.json([`sync`, `--json`]);
  return {root, remote, clones, missionId, addClone};
}

/** Syncs every clone in turn, twice, so that all of them hold what any of them had. */
export async function syncAll(clones: Clone[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const clone of clones) await clone.json([`sync`, `--json`]);
}
