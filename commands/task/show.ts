import {Command, Option} from 'clipanion';
import type {formatTask, showTask, Task} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskShowCommand extends MaestroCommand {
  static paths = [[`task`, `show`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `show one task`,
    details: `Shows a task by id or unique prefix (the \`tsk-\` may be left out): title, status, priority, type, times, and its description, parent, assignee, labels, dependencies and close reason when it has them. It changes nothing.`,
    examples: [[`Show a task`, `$0 task show tsk-2026-11-25-0du5`], [`As JSON`, `$0 task show tsk-2026-11-25-0du5 --json`]],
  });

  id = Option.String({name: `task-id`});
  json = Option.Boolean(`--json`, false, {description: `Print the task as one JSON document`});

  async run() {
    const {formatTask, showTask, Task} = await import('../../lib/task/index.ts');
    const task = await showTask(this.context.openWorkspace(), {id: this.id});
    this.print(Task, task, formatTask);
  }
}
