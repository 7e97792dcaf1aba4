import {Command, Option} from 'clipanion';
import type {formatList, listTasks, TaskListView} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskListCommand extends MaestroCommand {
  static paths = [[`task`, `list`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `list tasks, optionally filtered`,
    details: `Lists the tasks of the issue graph, oldest first: id, priority, status and title. Every filter narrows the list; \`--limit 0\` (the default) shows them all.`,
    examples: [[`Every task`, `$0 task list`], [`Open bugs as JSON`, `$0 task list --status open --type bug --json`]],
  });

  status = Option.String(`--status`, {description: `open, in_progress, blocked, deferred or closed`});
  priority = Option.String(`--priority`, {description: `0 to 4`});
  type = Option.String(`--type`, {description: `task, bug, feature, epic or chore`});
  label = Option.String(`--label`, {description: `Only tasks with this label`});
  parent = Option.String(`--parent`, {description: `Only subtasks of this task`});
  assignee = Option.String(`--assignee`, {description: `Only tasks assigned to this name`});
  limit = Option.String(`--limit`, {description: `At most this many (0 = all, the default)`});
  json = Option.Boolean(`--json`, false, {description: `Print the tasks as one JSON array`});

  async run() {
    const {formatList, listTasks, TaskListView} = await import('../../lib/task/index.ts');
    const tasks = await listTasks(this.context.openWorkspace(), {
      status: this.status, priority: this.priority, type: this.type, label: this.label, parent: this.parent, assignee: this.assignee, limit: this.limit,
    });
    this.print(TaskListView, tasks, formatList);
  }
}
