import type {Task} from '../domain/task.ts';
import type {TaskBriefing} from './readyTasks.ts';

// Human output of the task commands, in the original's words (reference-missions §1.10).

const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ` `);
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

function relativeAge(at: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000));
  if (seconds < 60) return `just now`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}
