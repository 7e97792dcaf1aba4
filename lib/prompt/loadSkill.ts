import * as nodePath from 'node:path';
import {shippedSkill} from '../domain/skills/shippedSkill.ts';
import type {Workspace} from '../workspace.ts';

/** A worker skill and where it came from: a workspace file's path, or `shipped:<name>`. */
export interface LoadedSkill {
  text: string;
  source: string;
}

/**
 * The skill for a worker type. A workspace file overrides the skill maestro ships: from the directory
 * the command runs in up to the worktree root, nearest first, `.maestro/skills/<type>/SKILL.md` then
 * `skills/built-in/<type>/SKILL.md` (reference §6's lookup, bounded by the repository). Without one,
 * the shipped skill, the generic one for an unknown type: a prompt never fails for want of a skill.
 * `workerType` has passed WORKER_TYPE_PATTERN, so it is one safe path segment.
 */
export function loadSkill(workspace: Workspace, workerType: string): LoadedSkill {
  const {fs} = workspace.store.deps;
  for (const dir of searchDirs(workspace.options.cwd, workspace.repo.worktree)) {
    for (const candidate of [nodePath.join(dir, `.maestro`, `skills`, workerType, `SKILL.md`), nodePath.join(dir, `skills`, `built-in`, workerType, `SKILL.md`)]) {
      let text: string;
      try {
        text = fs.readFileSync(candidate, `utf8`);
      } catch {
        continue;
      }
      return {text, source: nodePath.relative(workspace.repo.worktree, candidate)};
    }
  }
  const shipped = shippedSkill(workerType);
  return {text: shipped.text, source: `shipped:${shipped.name}`};
}

/** `cwd` and its ancestors up to the worktree root; only the root when `cwd` is outside it. */
function searchDirs(cwd: string, worktree: string): string[] {
  const dirs: string[] = [];
  let current = nodePath.resolve(cwd);
  const root = nodePath.resolve(worktree);
  while (current.startsWith(root + nodePath.sep)) {
    dirs.push(current);
    current = nodePath.dirname(current);
  }
  dirs.push(root);
  return dirs;
}
