import {checkDependencies, checkParentChain, parsePriority, parseTaskStatus, parseTaskType, parseTitle, splitLabels, type Task} from '../domain/task.ts';
import {GateError, InputError, TransitionError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {resolveDependencies} from './createTask.ts';
import {findTask, readTasks, resolveTaskId, taskChange} from './taskStore.ts';

/** What `task update` takes, as typed. An empty `parent` or `assignee` clears it. */
export interface UpdateTaskRequest {
  id: string;
  title?: string;
  description?: string;
  status?: string;
  priority?: string;
  type?: string;
  parent?: string;
  assignee?: string;
  addLabels?: string;
  removeLabels?: string;
  addDependsOn?: string;
  removeDependsOn?: string;
  /** Take the task: assignee `<agent>-<session>`, status in_progress, in one commit. */
  claim?: boolean;
}

const FLAGS = `--title, --description, --status, --priority, --type, --parent, --assignee, --add-label, --remove-label, --add-depends-on, --remove-depends-on or --claim`;

/**
 * Changes a task's fields in one state commit (reference-missions §3.5): any status but `closed`
 * (that is `task close`), reopening included; a parent that keeps the parent chain acyclic; added
 * dependencies that keep the dependency graph acyclic (beyond the original, which fixes them at
 * creation). `claim` is atomic: of agents claiming one task at once, one wins.
 * @throws InputError, NotFoundError, GateError (cycle, claimed by another), TransitionError (claiming
 *   a closed task); nothing is written when thrown
 */
export async function updateTask(workspace: Workspace, request: UpdateTaskRequest): Promise<Task> {
  const {id: _id, claim, ...fields} = request;
  if (!claim && Object.values(fields).every(value => value === undefined)) throw new InputError(`no update specified`, {hint: `give ${FLAGS}`});
  const status = request.status === undefined ? undefined : parseTaskStatus(request.status);
  if (status === `closed`) throw new InputError(`a task is not closed with task update`, {hint: `close it with \`maestro task close ${request.id} --reason "…"\``});
  const title = request.title === undefined ? undefined : parseTitle(request.title);
  const priority = request.priority === undefined ? undefined : parsePriority(request.priority);
  const type = request.type === undefined ? undefined : parseTaskType(request.type);
  await workspace.requireTip();
  const outcome = await workspace.transact(`task update`, async snapshot => {
    const tasks = await readTasks(snapshot);
    const task = findTask(tasks, request.id);
    const next: Task = {...task, updatedAt: workspace.store.deps.now().toISOString(), updatedBy: workspace.identity.agent};
    if (title !== undefined) next.title = title;
    if (request.description !== undefined) setOptional(next, `description`, request.description.trim());
    if (status !== undefined) next.status = status;
    if (priority !== undefined) next.priority = priority;
    if (type !== undefined) next.type = type;
    if (request.parent !== undefined) {
      const parentId = request.parent.trim() === `` ? `` : resolveTaskId(tasks.keys(), request.parent, `parent task`);
      if (parentId !== ``) checkParentChain(tasks, task.id, parentId);
      setOptional(next, `parentId`, parentId);
    }
    if (request.assignee !== undefined) setOptional(next, `assignee`, request.assignee.trim());
    const removed = new Set(splitLabels(request.removeLabels));
    next.labels = [...new Set([...task.labels, ...splitLabels(request.addLabels)])].filter(label => !removed.has(label));
    if (request.addDependsOn !== undefined || request.removeDependsOn !== undefined) {
      const drop = new Set(splitLabels(request.removeDependsOn).map(dep => resolveTaskId(task.dependsOn, dep, `dependency of ${task.id}:`)));
      next.dependsOn = [...new Set([...task.dependsOn, ...resolveDependencies(tasks.keys(), splitLabels(request.addDependsOn))])].filter(dep => !drop.has(dep));
      checkDependencies(tasks, task.id, next.dependsOn);
    }
    if (claim) claimTask(next, task, `${workspace.identity.agent}-${workspace.identity.session}`);
    return {changes: [taskChange(next)], result: next};
  });
  return outcome.result;
}

/** The claim: refused on a closed task and on one another agent holds. */
function claimTask(next: Task, current: Task, claimer: string): void {
  if (current.status === `closed`) throw new TransitionError(`task ${current.id} is closed; it cannot be claimed`, {hint: `reopen it first with \`maestro task update ${current.id} --status open\``});
  if (current.assignee && current.assignee !== claimer) throw new GateError(`task ${current.id} is already claimed by ${current.assignee}`, {hint: `pick another one with \`maestro task ready --unassigned\``});
  next.assignee = claimer;
  next.status = `in_progress`;
}

function setOptional<K extends `description` | `parentId` | `assignee`>(task: Task, key: K, value: string): void {
  if (value === ``) delete task[key];
  else task[key] = value;
}
