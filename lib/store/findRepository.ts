import * as path from 'node:path';
import {RepositoryError} from '../errors.ts';
import {readGitConfig} from './gitConfig.ts';
import type {GitFs, Repository} from './types.ts';

/**
 * Finds the repository that contains `cwd`, from any subdirectory and any linked worktree.
 * isomorphic-git ignores `commondir`, so we resolve it here once: refs and objects always go to the
 * common directory and every worktree shares one state.
 * @throws RepositoryError outside a repository, in a bare one, or in one whose format we cannot write
 */
export function findRepository(fs: GitFs, cwd: string): Repository {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, `.git`);
    const stat = statOrNull(fs, dotGit);
    if (stat?.isDirectory()) return checked(fs, {worktree: dir, gitdir: dotGit, commondir: commonDir(fs, dotGit)});
    if (stat?.isFile()) {
      const gitdir = readGitdirFile(fs, dotGit);
      return checked(fs, {worktree: dir, gitdir, commondir: commonDir(fs, gitdir)});
    }
    if (isBareRepository(fs, dir))
      throw new RepositoryError(`${dir} is a bare git repository; maestro needs a working tree`, {hint: `run maestro in a clone or a worktree of it (git worktree add <path>)`});
    if (path.dirname(dir) === dir) break;
  }
  throw new RepositoryError(`not inside a git repository (searched from ${cwd} upwards)`, {hint: `run \`git init\` first, or cd into a repository`});
}

function statOrNull(fs: GitFs, p: string) {
  return fs.statSync(p, {throwIfNoEntry: false}) ?? null;
}

function readGitdirFile(fs: GitFs, dotGit: string): string {
  const text = fs.readFileSync(dotGit, `utf8`);
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (!match) throw new RepositoryError(`${dotGit} is not a valid gitdir file`, {hint: `run \`git worktree repair\``});
  return path.resolve(path.dirname(dotGit), match[1]!);
}

function commonDir(fs: GitFs, gitdir: string): string {
  try {
    return path.resolve(gitdir, fs.readFileSync(path.join(gitdir, `commondir`), `utf8`).trim());
  } catch {
    return gitdir;
  }
}

function isBareRepository(fs: GitFs, dir: string): boolean {
  if (!statOrNull(fs, path.join(dir, `HEAD`))?.isFile() || !statOrNull(fs, path.join(dir, `objects`))?.isDirectory()) return false;
  return readGitConfig(fs, path.join(dir, `config`)).get(`core.bare`) === `true`;
}

/** Refuses repositories whose object or ref format our writer would corrupt. */
function checked(fs: GitFs, repo: Repository): Repository {
  if (!statOrNull(fs, path.join(repo.commondir, `objects`))?.isDirectory())
    throw new RepositoryError(`${repo.gitdir} does not look like a git directory (no objects/)`, {hint: `run \`git status\` to see what git makes of it`});
  const config = readGitConfig(fs, path.join(repo.commondir, `config`));
  const format = config.get(`extensions.objectformat`);
  if (format !== undefined && format.toLowerCase() !== `sha1`)
    throw new RepositoryError(`this repository uses ${format} object ids; maestro supports sha1 repositories only`, {hint: `use a repository created by a plain \`git init\``});
  const refStorage = config.get(`extensions.refstorage`);
  if (refStorage !== undefined && refStorage.toLowerCase() !== `files`)
    throw new RepositoryError(`this repository stores refs in ${refStorage}; maestro supports the files ref backend only`, {hint: `convert it with \`git refs migrate --ref-format=files\``});
  return repo;
}
