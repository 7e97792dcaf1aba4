import * as z from 'zod/mini';
import {GateError, InputError} from '../errors.ts';
import {NonEmpty, Timestamp} from './common.ts';
import {newDatedId} from './ids.ts';
import {STOP_WORDS} from './memory.ts';

// The original's issue graph (reference-missions §1.10, §2.8, §3.5), independent of missions.

export const TASK_STATUSES = [`open`, `in_progress`, `blocked`, `deferred`, `closed`] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TASK_TYPES = [`task`, `bug`, `feature`, `epic`, `chore`] as const;
export const TaskType = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskType>;

/**
 * `tsk-` then a dated id (`tsk-2026-11-25-0du5yopf`): the original's prefix, which tells a task id
 * from every other id, and our collision-free body (its `tsk-` + 6 random hex digits would collide
 * across machines). The original's short form still reads.
 */
export const TASK_ID_PATTERN = /^tsk-[a-z0-9][a-z0-9-]*$/;
export const TaskId = z.string().check(z.regex(TASK_ID_PATTERN));

/** `tasks/<id>.json`: the original's Task, plus who last changed it and when it was last closed. */
export const Task = z.object({
  id: TaskId,
  title: NonEmpty,
  description: z.optional(z.string()),
  type: TaskType,
  priority: z.int().check(z.minimum(0), z.maximum(4)),
  status: TaskStatus,
  parentId: z.optional(TaskId),
  labels: z.array(NonEmpty),
  dependsOn: z.array(TaskId),
  assignee: z.optional(NonEmpty),
  deferUntil: z.optional(Timestamp),
  closeReason: z.optional(z.string()),
  /** When it was last closed: a closed task's reason is a hint for ready tasks with the same words. */
  closedAt: z.optional(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.optional(z.string()),
});
export type Task = z.infer<typeof Task>;

export function newTaskId(now: Date, random: () => number): string {
  return `tsk-${newDatedId(now, random)}`;
}

export function parseTaskType(value: string): TaskType {
  const parsed = TaskType.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new InputError(`--type "${value}" is not a task type`, {hint: `use one of: ${TASK_TYPES.join(`, `)}`});
  return parsed.data;
}

export function parseTaskStatus(value: string): TaskStatus {
  const parsed = TaskStatus.safeParse(value.trim().toLowerCase().replace(/-/g, `_`));
  if (!parsed.success) throw new InputError(`--status "${value}" is not a task status`, {hint: `use one of: ${TASK_STATUSES.join(`, `)}`});
  return parsed.data;
}

/** `0`..`4` (also `P0`..`P4`); 0 is critical, 4 the backlog. */
export function parsePriority(value: string): number {
  const match = /^[Pp]?(\d+)$/.exec(value.trim());
  const priority = match ? Number(match[1]) : NaN;
  if (!(priority >= 0 && priority <= 4)) throw new InputError(`--priority "${value}" is not a priority`, {hint: `use 0, 1, 2, 3 or 4 (0 = critical, 4 = backlog)`});
  return priority;
}

/** A non-negative integer; 0 means no limit. */
export function parseLimit(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InputError(`--limit "${value}" is not a non-negative integer`, {hint: `give a number of tasks, or 0 for all of them`});
  return Number(value.trim());
}

export function parseTitle(value: string): string {
  const title = value.trim();
  if (title === ``) throw new InputError(`the task title is empty`, {hint: `give a title in quotes: maestro task create "Fix the login redirect"`});
  return title;
}

/**
 * Refuses a parent that would make the parent chain loop or run deeper than 32 (reference §3.5).
 * @throws GateError naming the loop
 */
export function checkParentChain(tasks: ReadonlyMap<string, Task>, taskId: string, parentId: string): void {
  const chain = [taskId];
  for (let at: string | undefined = parentId; at !== undefined; at = tasks.get(at)?.parentId) {
    chain.push(at);
    if (at === taskId) throw new GateError(`task ${taskId} cannot have parent ${parentId}: the parent chain would loop (${chain.join(` -> `)})`, {hint: `choose a parent that is not ${taskId} or one of its subtasks`});
    if (chain.length > 33) throw new GateError(`task ${taskId} cannot have parent ${parentId}: the parent chain would be deeper than 32`, {hint: `choose a parent higher up`});
  }
}

/**
 * Refuses dependencies that would put `taskId` on a dependency cycle: a cycle would keep every task
 * on it out of `task ready` for ever. Only cycles through `taskId` count, so a cycle elsewhere (left
 * by a merge) does not block unrelated edits. @throws GateError naming the cycle
 */
export function checkDependencies(tasks: ReadonlyMap<string, Task>, taskId: string, dependsOn: readonly string[]): void {
  for (const first of dependsOn) {
    // Breadth-first from the new dependency, remembering how each task was reached.
    const cameFrom = new Map<string, string>([[first, taskId]]);
    const queue = [first];
    while (queue.length > 0) {
      const at = queue.shift()!;
      if (at === taskId) {
        const path = [taskId];
        for (let step = cameFrom.get(taskId)!; step !== taskId; step = cameFrom.get(step)!) path.unshift(step);
        path.unshift(taskId);
        throw new GateError(`task ${taskId} cannot depend on ${first}: it would make a dependency cycle (${path.join(` -> `)})`, {hint: `a task cannot wait, even indirectly, for itself; drop that dependency`});
      }
      for (const next of tasks.get(at)?.dependsOn ?? []) {
        if (cameFrom.has(next)) continue;
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
}

/**
 * The words a hint is matched on (reference §3.5, step 7): lower-case, split on anything but letters
 * and digits, at least 3 characters, no stop words, no numbers, each once in order.
 */
export function extractKeywords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[\W_]+/).filter(word => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)))];
}

/** Labels from a comma list, trimmed, empties and repeats dropped, in order. */
export function splitLabels(value: string | undefined): string[] {
  return value === undefined ? [] : [...new Set(value.split(`,`).map(label => label.trim()).filter(label => label !== ``))];
}
