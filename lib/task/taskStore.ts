import {canonicalJson} from '../canonicalJson.ts';
import {resolveIdPrefix} from '../domain/ids.ts';
import {Task} from '../domain/task.ts';
import {InputError, NotFoundError} from '../errors.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';

/** One task per file (DESIGN.md): two agents creating tasks at once never touch the same file. */
export const TASKS_DIR = `tasks`;
export const taskPath = (id: string) => `${TASKS_DIR}/${id}.json`;
export const taskChange = (task: Task): Change => ({path: taskPath(task.id), content: canonicalJson(task)});

export const TASK_LIST_HINT = `list tasks with \`maestro task list\``;

/** The ids of every task, from the directory listing alone (no file is read). */
export async function readTaskIds(snapshot: StateSnapshot): Promise<string[]> {
  return (await snapshot.list(TASKS_DIR)).filter(name => name.endsWith(`.json`)).map(name => name.slice(0, -5));
}

/** Every task of a snapshot by id. @throws CorruptStateError naming a file that is not a task */
export async function readTasks(snapshot: StateSnapshot): Promise<Map<string, Task>> {
  return snapshot.readAll(TASKS_DIR, Task);
}

/** Oldest first, then by id: the order of `task list`. */
export function byCreation(a: Task, b: Task): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The full id of a task given in full, by a unique prefix, or without its `tsk-`.
 * @throws InputError (not an id, ambiguous), NotFoundError
 */
export function resolveTaskId(ids: Iterable<string>, given: string, what = `task`): string {
  const trimmed = given.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(trimmed)) throw new InputError(`"${given}" is not a task id`, {hint: TASK_LIST_HINT});
  const full = trimmed.toLowerCase().startsWith(`tsk-`) ? trimmed.toLowerCase() : `tsk-${trimmed.toLowerCase()}`;
  return resolveIdPrefix(ids, full, what, TASK_LIST_HINT);
}

/** A task by id or prefix. @throws InputError, NotFoundError */
export function findTask(tasks: ReadonlyMap<string, Task>, given: string): Task {
  const task = tasks.get(resolveTaskId(tasks.keys(), given));
  if (!task) throw new NotFoundError(`task ${given} not found`, {hint: TASK_LIST_HINT});
  return task;
}
