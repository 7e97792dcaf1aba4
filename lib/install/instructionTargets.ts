import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {InputError} from '../errors.ts';
import {resolveHome} from '../resolveHome.ts';
import {findRepository} from '../store/findRepository.ts';

/** One file an instruction block can go into. */
export interface InstructionTarget {
  /** Who reads it: `Claude Code`, `Codex`, `Gemini CLI`, or the file name for a project file. */
  agent: string;
  scope: `home` | `project`;
  /** The path as the agent knows it (a symlink is followed only when reading and writing). */
  path: string;
  /** The folder whose existence means the agent is installed (home scope); null for project files. */
  agentFolder: string | null;
}

/** Where the install commands run: the files they touch are all found from here. */
export interface InstallSite {
  fs: typeof nodeFs;
  /** The command's environment (`$CODEX_HOME`). */
  env: Record<string, string | undefined>;
  home: string;
  /** The working tree's top directory, or null outside a repository. */
  projectRoot: string | null;
}

/**
 * The install site for a command run in `cwd` with `env`. The repository is optional (the agents'
 * global files need none) unless `needsProject`.
 * @throws RepositoryError when `needsProject` and `cwd` is not in a git working tree
 */
export function openInstallSite(options: {cwd: string; env: Record<string, string | undefined>; needsProject: boolean}): InstallSite {
  return {fs: nodeFs, env: options.env, home: resolveHome(options.env), projectRoot: projectRootOf(options.cwd, options.needsProject)};
}

function projectRootOf(cwd: string, needed: boolean): string | null {
  try {
    return findRepository(nodeFs, cwd).worktree;
  } catch (error) {
    if (needed) throw error;
    return null;
  }
}

/**
 * The agents' global instruction files (spec 10.1, in its order; Codex honours `$CODEX_HOME`), then,
 * with `project`, the repository's own AGENTS.md, CLAUDE.md and GEMINI.md.
 */
export function instructionTargets(site: InstallSite, project: boolean): InstructionTarget[] {
  const codexHome = site.env.CODEX_HOME || path.join(site.home, `.codex`);
  const targets: InstructionTarget[] = [
    {agent: `Claude Code`, scope: `home`, path: path.join(site.home, `.claude`, `CLAUDE.md`), agentFolder: path.join(site.home, `.claude`)},
    {agent: `Codex`, scope: `home`, path: path.join(codexHome, `AGENTS.md`), agentFolder: codexHome},
    {agent: `Gemini CLI`, scope: `home`, path: path.join(site.home, `.gemini`, `GEMINI.md`), agentFolder: path.join(site.home, `.gemini`)},
  ];
  if (project && site.projectRoot) {
    for (const name of [`AGENTS.md`, `CLAUDE.md`, `GEMINI.md`]) targets.push({agent: name, scope: `project`, path: path.join(site.projectRoot, name), agentFolder: null});
  }
  return targets;
}

/** Whether the target's agent is installed here (its folder exists); project files always count. */
export function isTargetDetected(site: InstallSite, target: InstructionTarget): boolean {
  return target.agentFolder === null || site.fs.statSync(target.agentFolder, {throwIfNoEntry: false})?.isDirectory() === true;
}

/**
 * The file a write to `file` really changes: symlinks are followed (also a dangling one, to the
 * file it names) and the directory is resolved, so two targets that share a file compare equal.
 * @throws InputError on a symlink loop
 */
export function followSymlinks(fs: typeof nodeFs, file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const stat = fs.lstatSync(current, {throwIfNoEntry: false});
    if (stat?.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), fs.readlinkSync(current));
      continue;
    }
    if (stat) return fs.realpathSync(current);
    let dir: string;
    try {
      dir = fs.realpathSync(path.dirname(current));
    } catch {
      dir = path.dirname(current);
    }
    return path.join(dir, path.basename(current));
  }
  throw new InputError(`${file}: too many levels of symbolic links`, {hint: `fix the link with \`ls -l ${file}\``});
}
