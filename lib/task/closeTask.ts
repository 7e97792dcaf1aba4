import type {Task} from '../domain/task.ts';
import {TransitionError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {findTask, readTasks, taskChange} from './taskStore.ts';

/**
 * Closes a task, with an optional reason, in one state commit. A closed task no longer blocks the
 * tasks that depend on it, and its reason becomes a hint for ready tasks that share its words
 * (reference-missions §3.5). Closing a closed task is refused and keeps the first reason.
 * @throws TransitionError (already closed), NotFoundError, InputError; nothing is written when thrown
 */
export async function closeTask(workspace: Workspace, request: {id: string; reason?: string}): Promise<Task> {
  await workspace.requireTip();
  const outcome = await workspace.transact(`task close`, async snapshot => {
    const task = findTask(await readTasks(snapshot), request.id);
    if (task.status === `closed`) throw new TransitionError(`task ${task.id} is already closed`, {hint: `reopen it with \`maestro task update ${task.id} --status open\`, or see it with \`maestro task show ${task.id}\``});
    const at = workspace.store.deps.now().toISOString();
    const reason = request.reason?.trim();
    const {closeReason: _previous, ...rest} = task;
    const closed: Task = {...rest, status: `closed`, closedAt: at, updatedAt: at, updatedBy: workspace.identity.agent, ...(reason ? {closeReason: reason} : {})};
    return {changes: [taskChange(closed)], result: closed};
  });
  return outcome.result;
}
