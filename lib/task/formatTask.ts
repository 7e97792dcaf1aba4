import type {Task} from '../domain/task.ts';
import {formatAge} from '../formatAge.ts';
import {oneLine} from '../oneLine.ts';
import type {TaskBriefing} from './readyTasks.ts';

// Human output of the task commands, in the original's words (reference-missions §1.10).

const cut = (title: string) => (title.length > 40 ? `${title.slice(0, 37)}...` : title);

export function formatCreated(task: Task): string {
  return [`[ok] Task created: ${task.id}`, `  Title: ${oneLine(task.title)}`, `  Status: ${task.status}`, `  Priority: P${task.priority}`, `  Type: ${task.type}`,
    ...(task.parentId ? [`  Parent: ${task.parentId}`] : []), ...(task.labels.length ? [`  Labels: ${task.labels.join(`, `)}`] : []),
    ...(task.dependsOn.length ? [`  Depends on: ${task.dependsOn.join(`, `)}`] : [])].join(`\n`);
}

export function formatUpdated(task: Task): string {
  return [`[ok] Task updated: ${task.id}`, `  Status: ${task.status}`, `  Priority: P${task.priority}`,
    ...(task.assignee ? [`  Assignee: ${task.assignee}`] : []), ...(task.labels.length ? [`  Labels: ${task.labels.join(`, `)}`] : []),
    ...(task.dependsOn.length ? [`  Depends on: ${task.dependsOn.join(`, `)}`] : [])].join(`\n`);
}

export function formatClosed(task: Task): string {
  return [`[ok] Task closed: ${task.id}`, `  Title: ${oneLine(task.title)}`, ...(task.closeReason ? [`  Reason: ${oneLine(task.closeReason)}`] : [])].join(`\n`);
}

export function formatTask(task: Task): string {
  return [`Task: ${task.id}`, `  Title: ${oneLine(task.title)}`, `  Status: ${task.status}`, `  Priority: P${task.priority}`, `  Type: ${task.type}`,
    `  Created: ${task.createdAt}`, `  Updated: ${task.updatedAt}`,
    ...(task.description ? [`  Description: ${oneLine(task.description)}`] : []), ...(task.parentId ? [`  Parent: ${task.parentId}`] : []),
    ...(task.assignee ? [`  Assignee: ${task.assignee}`] : []), ...(task.labels.length ? [`  Labels: ${task.labels.join(`, `)}`] : []),
    ...(task.dependsOn.length ? [`  Depends on: ${task.dependsOn.join(`, `)}`] : []), ...(task.deferUntil ? [`  Deferred until: ${task.deferUntil}`] : []),
    ...(task.closeReason ? [`  Close reason: ${oneLine(task.closeReason)}`] : [])].join(`\n`);
}

function row(task: Task): string {
  return `${task.id}  P${task.priority}  ${task.status.padEnd(12)}  ${cut(oneLine(task.title))}`;
}

/** `<n> task(s)`, a blank line, one row per task. */
export function formatList(tasks: Task[]): string {
  return [`${tasks.length} task(s)`, ...(tasks.length ? [``] : []), ...tasks.map(row)].join(`\n`);
}

/** As the list, each task followed by its hints (`>> 2h ago closed <id>: <reason>`) and a blank line. */
export function formatReady(tasks: TaskBriefing[], now: Date): string {
  const lines = [`${tasks.length} task(s)`, ...(tasks.length ? [``] : [])];
  for (const task of tasks) {
    lines.push(row(task));
    for (const hint of task.hints) lines.push(`  >> ${relativeAge(hint.capturedAt, now)} closed ${hint.sourceTaskId}: ${oneLine(hint.reason)}`);
    if (task.hints.length) lines.push(``);
  }
  return lines.join(`\n`);
}

// The original's words for a hint's age: `just now` under a minute, else the age and `ago`.
function relativeAge(at: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000));
  return seconds < 60 ? `just now` : `${formatAge(seconds)} ago`;
}
