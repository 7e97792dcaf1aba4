import {Command, Option} from 'clipanion';
import type {formatReady, readyTasks, TaskReadyView} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskReadyCommand extends MaestroCommand {
  static paths = [[`task`, `ready`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `list the tasks ready to work on: every dependency closed`,
    details: `The work queue of the issue graph: tasks that are not closed, blocked or deferred and whose dependencies, followed transitively, are all closed (a dependency cycle blocks; a parent never does). P0 and P1 come first, then the oldest. Each task carries up to 3 hints: closed tasks whose reason shares words with its title or labels (\`--no-hints\` leaves them out).`,
    examples: [[`What to do next`, `$0 task ready`], [`Unassigned bugs, as JSON`, `$0 task ready --type bug --unassigned --json`]],
  });

  limit = Option.String(`--limit`, {description: `At most this many (default 20; 0 = all)`});
  label = Option.String(`--label`, {description: `Only tasks with this label`});
  priority = Option.String(`--priority`, {description: `Only tasks of this priority (0 to 4)`});
  type = Option.String(`--type`, {description: `Only tasks of this type`});
  assignee = Option.String(`--assignee`, {description: `Only tasks assigned to this name`});
  unassigned = Option.Boolean(`--unassigned`, false, {description: `Only tasks nobody holds`});
  includeDeferred = Option.Boolean(`--include-deferred`, false, {description: `Include deferred tasks`});
  hints = Option.Boolean(`--hints`, true, {description: `Add hints from closed tasks (--no-hints to skip)`});
  json = Option.Boolean(`--json`, false, {description: `Print the ready tasks, each with its hints, as one JSON array`});

  async run() {
    const {formatReady, readyTasks, TaskReadyView} = await import('../../lib/task/index.ts');
    const tasks = await readyTasks(this.context.openWorkspace(), {
      limit: this.limit, label: this.label, priority: this.priority, type: this.type, assignee: this.assignee,
      unassigned: this.unassigned, includeDeferred: this.includeDeferred, hints: this.hints,
    });
    this.print(TaskReadyView, tasks, list => formatReady(list, new Date()));
  }
}
