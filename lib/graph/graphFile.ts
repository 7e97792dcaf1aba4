import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {canonicalJson} from '../canonicalJson.ts';
import {EMPTY_GRAPH, ProjectGraph} from '../domain/graph.ts';
import {describeIssue} from '../domain/schema.ts';
import {CorruptStateError, MaestroError, StoreBusyError} from '../errors.ts';
import {resolveHome} from '../resolveHome.ts';
import {findRepository} from '../store/findRepository.ts';
import {acquireLock, commitLock, describeLock, releaseLock} from '../store/lockFile.ts';
import type {GitFs} from '../store/types.ts';

/** Where a graph command runs: the directory (its project) and the environment (its `HOME`). */
export interface GraphPlace {
  cwd: string;
  env: Record<string, string | undefined>;
  fs?: GitFs;
  /** How long to wait for another writer's lock; default 10 s. */
  lockTimeoutMs?: number;
}

/** `~/.maestro/graph/projects.json`, global as the original's: `$HOME` first, else the user's home. */
export function graphFile(place: GraphPlace): string {
  return path.join(resolveHome(place.env), `.maestro`, `graph`, `projects.json`);
}

/**
 * The project a command runs in: its repository's top directory (the main worktree's, so every
 * worktree of a repository is one project), or the directory itself outside a repository.
 */
export function currentProject(place: GraphPlace): {name: string; path: string} {
  let root = path.resolve(place.cwd);
  try {
    const repo = findRepository(place.fs ?? nodeFs, place.cwd);
    root = path.basename(repo.commondir) === `.git` ? path.dirname(repo.commondir) : repo.worktree;
  } catch (error) {
    if (!(error instanceof MaestroError)) throw error;
  }
  return {name: path.basename(root) || root, path: root};
}

/** The graph; a missing file is an empty graph. @throws CorruptStateError naming the file */
export function readGraph(place: GraphPlace): ProjectGraph {
  const file = graphFile(place);
  let text: string;
  try {
    text = (place.fs ?? nodeFs).readFileSync(file, `utf8`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === `ENOENT`) return EMPTY_GRAPH;
    throw error;
  }
  const hint = `fix it, or move it aside to start an empty graph`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorruptStateError(`${file}: not valid JSON (${(error as Error).message})`, {hint});
  }
  const parsed = ProjectGraph.safeParse(data);
  if (!parsed.success) throw new CorruptStateError(`${file}: ${parsed.error.issues.map(describeIssue).join(`; `)}`, {hint});
  return parsed.data;
}

/**
 * Read-modify-write of the graph under `projects.json.lock` (git's lock protocol, lib/store/lockFile):
 * the new graph is renamed over the file while the lock is held, so two agents linking at once both
 * land and a reader never sees half a file. Nothing is written when `change` throws.
 * @throws StoreBusyError when the lock stays held past the timeout; whatever `change` throws
 */
export async function updateGraph<T>(place: GraphPlace, change: (graph: ProjectGraph) => {graph: ProjectGraph; result: T}): Promise<T> {
  const fs = place.fs ?? nodeFs;
  const file = graphFile(place);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  const lockPath = `${file}.lock`;
  const lock = await acquireLock(fs, lockPath, {timeoutMs: place.lockTimeoutMs ?? 10_000});
  if (!lock) throw busyError(fs, lockPath);
  let committed = false;
  try {
    const {graph, result} = change(readGraph(place));
    // Renames the new file into place and then removes the lock: releasing it again could remove
    // the lock of the next writer.
    commitLock(fs, lock, file, canonicalJson(graph));
    committed = true;
    return result;
  } finally {
    if (!committed) releaseLock(fs, lock);
  }
}

function busyError(fs: GitFs, lockPath: string): StoreBusyError {
  const owner = describeLock(fs, lockPath, Date.now());
  return new StoreBusyError(`${lockPath} is held by ${owner?.pid ? `pid ${owner.pid}` : `another process`}`, {hint: `wait for it to finish; if no maestro is running, remove it: rm '${lockPath}'`});
}
