import * as path from 'node:path';
import * as z from 'zod/mini';
import {STATE_FORMAT, STATE_FORMAT_PATH, StateFormat} from '../domain/stateFormat.ts';
import {childProcess} from '../lazyBuiltins.ts';
import {breakDeadLock, describeLock} from '../store/lockFile.ts';
import {nativeScanner} from '../store/nativeScanner.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

export const DoctorCheck = z.object({
  name: z.string(),
  status: z.enum([`ok`, `warn`, `fail`, `fixed`]),
  detail: z.string(),
  fix: z.nullable(z.string()),
});
export type DoctorCheck = z.infer<typeof DoctorCheck>;
export const DoctorView = z.object({ok: z.boolean(), checks: z.array(DoctorCheck)});
export type DoctorView = z.infer<typeof DoctorView>;

type Check = (workspace: Workspace, fix: boolean) => Promise<DoctorCheck> | DoctorCheck;

const ok = (name: string, detail: string): DoctorCheck => ({name, status: `ok`, detail, fix: null});
const warn = (name: string, detail: string, fix: string | null): DoctorCheck => ({name, status: `warn`, detail, fix});
const fail = (name: string, detail: string, fix: string | null): DoctorCheck => ({name, status: `fail`, detail, fix});

function git(workspace: Workspace, args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = childProcess().spawnSync(`git`, args, {cwd: workspace.repo.worktree, encoding: `utf8`});
  if (result.error) return {status: null, stdout: ``, stderr: result.error.message};
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const checkGit: Check = workspace => {
  const result = git(workspace, [`--version`]);
  return result.status === 0 ? ok(`git`, result.stdout.trim()) : warn(`git`, `git is not on PATH: sync and gc need it`, `install git`);
};

const checkRepository: Check = workspace => {
  const {repo} = workspace;
  const linked = repo.gitdir !== repo.commondir;
  return ok(`repository`, `${repo.worktree}${linked ? ` (linked worktree of ${repo.commondir})` : ``}, sha1, files refs`);
};

const checkWorktreesShare: Check = workspace => {
  const result = git(workspace, [`rev-parse`, `--path-format=absolute`, `--git-common-dir`]);
  if (result.status !== 0) return warn(`worktrees`, `could not ask git for the common directory`, null);
  const common = path.resolve(result.stdout.trim());
  return common === path.resolve(workspace.repo.commondir)
    ? ok(`worktrees`, `every worktree shares the state in ${common}`)
    : fail(`worktrees`, `maestro uses ${workspace.repo.commondir} but git uses ${common}`, `run \`git worktree repair\``);
};

const checkStateRef: Check = async workspace => {
  const tip = await workspace.store.tip();
  if (!tip) return fail(`state`, `${STATE_REF} does not exist`, `run \`maestro init\``);
  const snapshot = await workspace.store.snapshot(tip);
  const format = await snapshot.read(STATE_FORMAT_PATH, StateFormat);
  if (!format) return fail(`state`, `${STATE_REF} has no ${STATE_FORMAT_PATH}`, `run \`maestro init\``);
  if (format.format > STATE_FORMAT) return fail(`state`, `state format ${format.format} is newer than this maestro (${STATE_FORMAT})`, `upgrade maestro`);
  return ok(`state`, `${STATE_REF} at ${tip.commit.slice(0, 12)}, format ${format.format}`);
};

const checkFsck: Check = workspace => {
  const result = git(workspace, [`fsck`, `--no-dangling`, `--no-progress`, STATE_REF]);
  if (result.status === null) return warn(`fsck`, `skipped: git is not on PATH`, null);
  return result.status === 0 ? ok(`fsck`, `git fsck of ${STATE_REF} is clean`)
    : fail(`fsck`, `git fsck reports: ${result.stderr.trim().split(`\n`)[0] ?? `errors`}`, `run \`git fsck ${STATE_REF}\` and restore missing objects from a clone`);
};

const checkLock: Check = (workspace, fix) => {
  const {fs, repo, now} = workspace.store.deps;
  const lockPath = path.join(repo.commondir, `${STATE_REF}.lock`);
  const owner = describeLock(fs, lockPath, now().getTime());
  if (!owner) return ok(`lock`, `no lock on ${STATE_REF}`);
  if (owner.alive) return ok(`lock`, `held by running pid ${owner.pid}`);
  if (owner.alive === false && fix && breakDeadLock(fs, lockPath, now().getTime()))
    return {name: `lock`, status: `fixed`, detail: `removed the lock left by pid ${owner.pid}`, fix: null};
  const who = owner.pid ? `pid ${owner.pid} (not running)` : `a process that left no pid`;
  return fail(`lock`, `${STATE_REF} is locked by ${who}, ${Math.round(owner.ageMs / 1000)}s old`, owner.alive === false ? `run \`maestro doctor --fix\`` : `if nothing is running: rm '${lockPath}'`);
};

const checkMirror: Check = async (workspace, fix) => {
  const tip = await workspace.store.tip();
  if (!tip) return ok(`mirror`, `nothing to mirror yet`);
  if (workspace.mirror.stampedCommit() === tip.commit) {
    const edits = await workspace.mirror.handEdits();
    return edits.length === 0 ? ok(`mirror`, `.maestro/ mirrors ${tip.commit.slice(0, 12)}`)
      : warn(`mirror`, `${edits.length} file(s) in .maestro/ edited by hand: ${edits.slice(0, 3).map(e => e.path).join(`, `)}`, `see \`maestro status\``);
  }
  if (!fix) return fail(`mirror`, `.maestro/ is stale (mirrors ${workspace.mirror.stampedCommit()?.slice(0, 12) ?? `nothing`})`, `run \`maestro doctor --fix\` (any maestro command also refreshes it)`);
  await workspace.mirror.sync();
  return {name: `mirror`, status: `fixed`, detail: `.maestro/ brought up to ${tip.commit.slice(0, 12)}`, fix: null};
};

/** Which way `status` finds hand edits in a large mirror (lib/store/mirrorScan.ts): information, never a problem. */
const checkScan: Check = workspace => {
  const {env} = workspace.options;
  if (process.platform === `win32`) return ok(`scan`, `status checks every file of a large .maestro/ (no quick scan on Windows)`);
  if (nativeScanner(env)) return ok(`scan`, `status lists what changed in a large .maestro/ with the native scanner`);
  const why = env.MAESTRO_NATIVE_SCAN === `0` ? `MAESTRO_NATIVE_SCAN=0` : `the native scanner was not built: no C compiler when maestro was built`;
  return ok(`scan`, `status lists what changed in a large .maestro/ with find (${why}), which costs it about 15 ms more`);
};

const checkIdentity: Check = workspace => {
  const {identity} = workspace.store;
  return identity.configured ? ok(`identity`, `state commits are authored by ${identity.name} <${identity.email}>`)
    : warn(`identity`, `no git identity: state commits use ${identity.name} <${identity.email}>`, `git config --global user.name "Your Name" && git config --global user.email you@example.com`);
};

const checkRemotes: Check = async workspace => {
  const {remoteSetupStatuses} = await import('../sync/remoteSetup.ts');
  let statuses: Awaited<ReturnType<typeof remoteSetupStatuses>>;
  try {
    statuses = remoteSetupStatuses(workspace.store.deps);
  } catch {
    return warn(`remotes`, `skipped: git is not on PATH`, null);
  }
  if (statuses.length === 0) return ok(`remotes`, `no remotes: state stays on this machine`);
  const remotes = statuses.map(status => status.remote);
  const partial = statuses.filter(status => status.missing.length > 0);
  return partial.length === 0 ? ok(`remotes`, `git fetch carries the state, tags and notes from ${remotes.join(`, `)}`)
    : warn(`remotes`, `a plain git fetch does not bring all of the state from ${partial.map(p => `${p.remote} (missing ${p.missing.length} of 3 refspecs)`).join(`, `)}`, `run \`maestro remote setup ${partial[0]!.remote}\``);
};

const checkInstructionBlocks: Check = async workspace => {
  const {checkInstructionBlocks: inspect} = await import('../install/checkInstructionBlocks.ts');
  try {
    return {name: `blocks`, ...await inspect({env: workspace.options.env, projectRoot: workspace.repo.worktree})};
  } catch (error) {
    return warn(`blocks`, (error as Error).message, `fix the file, then run \`maestro install --check\``);
  }
};

const checkLooseObjects: Check = workspace => {
  const estimate = workspace.store.objects.estimateLooseObjects();
  return estimate > 6700 ? warn(`objects`, `about ${estimate} loose objects`, `run \`git gc\``) : ok(`objects`, `about ${estimate} loose objects`);
};

const CHECKS: Check[] = [checkGit, checkRepository, checkWorktreesShare, checkStateRef, checkFsck, checkLock, checkMirror, checkScan, checkIdentity, checkRemotes, checkInstructionBlocks, checkLooseObjects];

/** Runs every check; with `fix`, repairs what is safe (a stale mirror, a lock left by a dead maestro). */
export async function runDoctor(workspace: Workspace, request: {fix: boolean}): Promise<DoctorView> {
  const checks: DoctorCheck[] = [];
  for (const check of CHECKS) checks.push(await check(workspace, request.fix));
  return {ok: checks.every(check => check.status !== `fail`), checks};
}
