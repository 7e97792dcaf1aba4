import * as z from 'zod/mini';
import {Timestamp} from '../domain/common.ts';
import {extractKeywords, parseLimit, parsePriority, parseTaskType, Task} from '../domain/task.ts';
import type {Workspace} from '../workspace.ts';
import {readTasks} from './taskStore.ts';

/** A closed task whose reason shares words with a ready task: what was learnt there (reference §3.5). */
export const TaskHint = z.object({
  sourceTaskId: z.string(),
  sourceType: z.literal(`task-close`),
  title: z.string(),
  reason: z.string(),
  capturedAt: Timestamp,
  matchedKeywords: z.array(z.string()),
});
export type TaskHint = z.infer<typeof TaskHint>;

/** A ready task and its hints: what `task ready --json` prints, as an array. */
export const TaskBriefing = z.extend(Task, {hints: z.array(TaskHint)});
export type TaskBriefing = z.infer<typeof TaskBriefing>;
export const TaskReadyView = z.array(TaskBriefing);

export interface ReadyFilters {
  limit: number;
  label?: string;
  priority?: number;
  type?: string;
  assignee?: string;
  unassigned?: boolean;
  includeDeferred?: boolean;
  hints?: boolean;
}

/** What `task ready` takes, as typed. */
export interface ReadyTasksRequest extends Omit<ReadyFilters, `limit` | `priority`> {
  limit?: string;
  priority?: string;
}

/**
 * The work queue: tasks not closed, blocked or deferred whose dependencies, followed transitively,
 * are all closed (a dependency cycle blocks; an unknown dependency does not; a parent never does),
 * P0 and P1 first, then oldest first, with at most 3 hints each. Read-only.
 * @throws InputError (a bad filter value), NotInitializedError
 */
export async function readyTasks(workspace: Workspace, request: ReadyTasksRequest): Promise<TaskBriefing[]> {
  const {limit, priority, type, ...rest} = request;
  const filters: ReadyFilters = {
    ...rest,
    limit: limit === undefined ? 20 : parseLimit(limit),
    ...(priority === undefined ? {} : {priority: parsePriority(priority)}),
    ...(type === undefined ? {} : {type: parseTaskType(type)}),
  };
  const tasks = await readTasks(await workspace.store.snapshot(await workspace.requireTip()));
  return selectReady(tasks, workspace.store.deps.now().toISOString(), filters);
}

/** The ready algorithm of reference-missions §3.5, steps 1 to 7. Pure. */
export function selectReady(tasks: ReadonlyMap<string, Task>, now: string, filters: ReadyFilters): TaskBriefing[] {
  const blocked = blockedByDependencies(tasks);
  const ready = [...tasks.values()].filter(task =>
    task.status !== `closed` && task.status !== `blocked` && (filters.includeDeferred || (task.status !== `deferred` && !(task.deferUntil && task.deferUntil > now))) &&
    !blocked(task.id) &&
    (filters.label === undefined || task.labels.includes(filters.label.trim())) && (filters.priority === undefined || task.priority === filters.priority) &&
    (filters.type === undefined || task.type === filters.type) && (filters.assignee === undefined || task.assignee === filters.assignee.trim()) &&
    (!filters.unassigned || task.assignee === undefined));
  ready.sort((a, b) => Number(a.priority > 1) - Number(b.priority > 1) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const selected = filters.limit === 0 ? ready : ready.slice(0, filters.limit);
  const sources = filters.hints === false ? [] : hintSources(tasks);
  return selected.map(task => ({...task, hints: hintsFor(task, sources)}));
}

/** Whether a task waits on a dependency that is not closed, or whose own dependencies are not, or on a cycle. */
function blockedByDependencies(tasks: ReadonlyMap<string, Task>): (id: string) => boolean {
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const blocked = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return true;
    visiting.add(id);
    const result = (tasks.get(id)?.dependsOn ?? []).some(dep => {
      const task = tasks.get(dep);
      return task !== undefined && (task.status !== `closed` || blocked(dep));
    });
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };
  return blocked;
}

interface HintSource {
  task: Task;
  reason: string;
  capturedAt: string;
  keywords: string[];
}

/** Closed-with-a-reason tasks and their words: the original's hint candidates. */
function hintSources(tasks: ReadonlyMap<string, Task>): HintSource[] {
  return [...tasks.values()].flatMap(task => {
    const reason = task.closeReason?.trim();
    if (!reason || !task.closedAt) return [];
    const keywords = extractKeywords(`${task.title} ${reason}`);
    return keywords.length === 0 ? [] : [{task, reason, capturedAt: task.closedAt, keywords}];
  });
}

function hintsFor(task: Task, sources: HintSource[]): TaskHint[] {
  const words = new Set(extractKeywords(`${task.title} ${task.labels.join(` `)}`));
  return sources
    .filter(source => source.task.id !== task.id)
    .map(source => ({source, matched: source.keywords.filter(word => words.has(word))}))
    .filter(({matched}) => matched.length > 0)
    .sort((a, b) => b.matched.length - a.matched.length || (a.source.capturedAt < b.source.capturedAt ? 1 : a.source.capturedAt > b.source.capturedAt ? -1 : 0))
    .slice(0, 3)
    .map(({source, matched}) => ({sourceTaskId: source.task.id, sourceType: `task-close` as const, title: source.task.title, reason: source.reason, capturedAt: source.capturedAt, matchedKeywords: matched}));
}
