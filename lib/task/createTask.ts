import * as z from 'zod/mini';
import {newTaskId, parsePriority, parseTaskType, parseTitle, splitLabels, type Task} from '../domain/task.ts';
import {NotFoundError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {readTaskIds, resolveTaskId, TASK_LIST_HINT, taskChange} from './taskStore.ts';

/** What `task create` and `task q` take, as typed (comma lists unsplit). */
export interface CreateTaskRequest {
  title: string;
  description?: string;
  type?: string;
  priority?: string;
  parent?: string;
  labels?: string;
  dependsOn?: string;
  assignee?: string;
}

/**
 * Creates an open task as `tasks/<id>.json` in one state commit (reference-missions §1.10). The
 * parent and every dependency must exist (given by id or unique prefix); a new task cannot close a
 * cycle, since nothing depends on it yet.
 * @throws InputError (bad title, type, priority), NotFoundError (unknown parent or dependency),
 *   NotInitializedError; nothing is written when thrown
 */
export async function createTask(workspace: Workspace, request: CreateTaskRequest): Promise<Task> {
  const title = parseTitle(request.title);
  const type = request.type === undefined ? `task` : parseTaskType(request.type);
  const priority = request.priority === undefined ? 2 : parsePriority(request.priority);
  const labels = splitLabels(request.labels);
  const given = splitLabels(request.dependsOn);
  const assignee = request.assignee?.trim() || undefined;
  const description = request.description?.trim() || undefined;
  await workspace.requireTip();
  const now = workspace.store.deps.now();
  const outcome = await workspace.transact(`task create`, async snapshot => {
    // Names only: a new task cannot close a cycle, so creating one costs the same at any graph size.
    const ids = await readTaskIds(snapshot);
    const parentId = request.parent?.trim() ? resolveTaskId(ids, request.parent, `parent task`) : undefined;
    const dependsOn = resolveDependencies(ids, given);
    let id = newTaskId(now, Math.random);
    while (ids.includes(id)) id = newTaskId(now, Math.random);
    const at = now.toISOString();
    const task: Task = {
      id, title, type, priority, status: `open`, labels, dependsOn, createdAt: at, updatedAt: at, updatedBy: workspace.identity.agent,
      ...(description ? {description} : {}), ...(parentId ? {parentId} : {}), ...(assignee ? {assignee} : {}),
    };
    return {changes: [taskChange(task)], result: task};
  });
  return outcome.result;
}

/** Full ids of the given dependencies. @throws NotFoundError naming every unknown one at once */
export function resolveDependencies(ids: Iterable<string>, given: readonly string[]): string[] {
  const known = [...ids];
  const resolved: string[] = [];
  const unknown: string[] = [];
  for (const dep of given) {
    try {
      resolved.push(resolveTaskId(known, dep));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      unknown.push(dep);
    }
  }
  if (unknown.length > 0) throw new NotFoundError(`unknown task${unknown.length > 1 ? `s` : ``} in --depends-on: ${unknown.join(`, `)}`, {hint: TASK_LIST_HINT});
  return [...new Set(resolved)];
}

/** What `task q --json` prints. */
export const TaskIdView = z.object({id: z.string()});
