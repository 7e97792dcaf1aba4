import {Command, Option} from 'clipanion';
import type {createTask, formatCreated, Task} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskCreateCommand extends MaestroCommand {
  static paths = [[`task`, `create`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `create a task in the issue graph`,
    details: `Creates an open task as \`tasks/<id>.json\` on the state ref. Tasks are independent of missions: an issue graph of bugs, chores and ideas with priorities (0 = critical … 4 = backlog, default 2), labels, a parent and dependencies. Every \`--depends-on\` and the \`--parent\` must name an existing task (id or unique prefix; the \`tsk-\` may be left out). \`maestro task ready\` lists the tasks whose dependencies are all closed.`,
    examples: [
      [`Create a bug`, `$0 task create "Fix the login redirect" --type bug --priority 1 --labels auth,web`],
      [`A task that waits for another, as JSON`, `$0 task create "Ship the login page" --depends-on tsk-2026-11-25-0du5 --json`],
    ],
  });

  title = Option.String({name: `title`});
  description = Option.String(`--description`, {description: `Longer text`});
  type = Option.String(`--type`, {description: `task (default), bug, feature, epic or chore`});
  priority = Option.String(`--priority`, {description: `0 (critical) to 4 (backlog); default 2`});
  parent = Option.String(`--parent`, {description: `Parent task id`});
  labels = Option.String(`--labels`, {description: `Comma list of labels`});
  dependsOn = Option.String(`--depends-on`, {description: `Comma list of task ids this task waits for`});
  assignee = Option.String(`--assignee`, {description: `Who works on it`});
  silent = Option.Boolean(`--silent`, false, {description: `Print only the new id`});
  json = Option.Boolean(`--json`, false, {description: `Print the task as one JSON document`});

  async run() {
    const {createTask, formatCreated, Task} = await import('../../lib/task/index.ts');
    const task = await createTask(this.context.openWorkspace(), {
      title: this.title, description: this.description, type: this.type, priority: this.priority, parent: this.parent,
      labels: this.labels, dependsOn: this.dependsOn, assignee: this.assignee,
    });
    this.print(Task, task, t => (this.silent ? t.id : formatCreated(t)));
  }
}
