import * as z from 'zod/mini';
import {parseLimit, parsePriority, parseTaskStatus, parseTaskType, Task} from '../domain/task.ts';
import type {Workspace} from '../workspace.ts';
import {byCreation, findTask, readTasks, resolveTaskId} from './taskStore.ts';

/** What `task list --json` prints: the tasks, oldest first. */
export const TaskListView = z.array(Task);

/** The filters of `task list`, as typed; each narrows the list. */
export interface ListTasksRequest {
  status?: string;
  priority?: string;
  type?: string;
  label?: string;
  parent?: string;
  assignee?: string;
  /** At most this many; 0 (the default) for all. */
  limit?: string;
}

/**
 * The tasks of the state that pass every filter, oldest first.
 * @throws InputError (a bad filter value), NotFoundError (an unknown --parent), NotInitializedError
 */
export async function listTasks(workspace: Workspace, request: ListTasksRequest): Promise<Task[]> {
  const status = request.status === undefined ? undefined : parseTaskStatus(request.status);
  const priority = request.priority === undefined ? undefined : parsePriority(request.priority);
  const type = request.type === undefined ? undefined : parseTaskType(request.type);
  const limit = request.limit === undefined ? 0 : parseLimit(request.limit);
  const tasks = await readTasks(await workspace.store.snapshot(await workspace.requireTip()));
  const parent = request.parent === undefined ? undefined : resolveTaskId(tasks.keys(), request.parent, `parent task`);
  const selected = [...tasks.values()].sort(byCreation).filter(task =>
    (status === undefined || task.status === status) && (priority === undefined || task.priority === priority) &&
    (type === undefined || task.type === type) && (request.label === undefined || task.labels.includes(request.label.trim())) &&
    (parent === undefined || task.parentId === parent) && (request.assignee === undefined || task.assignee === request.assignee.trim()));
  return limit === 0 ? selected : selected.slice(0, limit);
}

/** One task by id or unique prefix. @throws InputError, NotFoundError, NotInitializedError */
export async function showTask(workspace: Workspace, request: {id: string}): Promise<Task> {
  return findTask(await readTasks(await workspace.store.snapshot(await workspace.requireTip())), request.id);
}
