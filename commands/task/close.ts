import {Command, Option} from 'clipanion';
import type {closeTask, formatClosed, Task} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskCloseCommand extends MaestroCommand {
  static paths = [[`task`, `close`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `close a task, with the reason`,
    details: `Closes a task in one state commit: the tasks that wait for it may become ready. The reason is kept and shown by \`task ready\` as a hint on ready tasks that share its words. Closing a closed task is refused (exit 1) and keeps the first reason; reopen with \`task update <id> --status open\`.`,
    examples: [[`Close with a reason`, `$0 task close tsk-2026-11-25-0du5 --reason "redirect kept the return url"`], [`As JSON`, `$0 task close tsk-2026-11-25-0du5 --json`]],
  });

  id = Option.String({name: `task-id`});
  reason = Option.String(`--reason`, {description: `Why or how it was closed`});
  json = Option.Boolean(`--json`, false, {description: `Print the task as one JSON document`});

  async run() {
    const {closeTask, formatClosed, Task} = await import('../../lib/task/index.ts');
    const task = await closeTask(this.context.openWorkspace(), {id: this.id, reason: this.reason});
    this.print(Task, task, formatClosed);
  }
}
