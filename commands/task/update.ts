import {Command, Option} from 'clipanion';
import type {formatUpdated, Task, updateTask} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskUpdateCommand extends MaestroCommand {
  static paths = [[`task`, `update`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `change a task's fields, or claim it`,
    details: `Changes the fields given, in one state commit. \`--status\` takes any status but closed (use \`task close\`), so a closed task can be reopened. \`--parent ""\` and \`--assignee ""\` clear them. A parent or dependency that would make a cycle is refused (exit 1) with the cycle named. \`--claim\` takes the task atomically: assignee \`<agent>-<session>\`, status in_progress; a task another agent holds, or a closed one, is refused (exit 1).`,
    examples: [
      [`Raise the priority and label it`, `$0 task update tsk-2026-11-25-0du5 --priority 0 --add-label urgent`],
      [`Claim a task, as JSON`, `$0 task update tsk-2026-11-25-0du5 --claim --json`],
    ],
  });

  id = Option.String({name: `task-id`});
  title = Option.String(`--title`, {description: `New title`});
  description = Option.String(`--description`, {description: `New description ("" clears it)`});
  status = Option.String(`--status`, {description: `open, in_progress, blocked or deferred`});
  priority = Option.String(`--priority`, {description: `0 (critical) to 4 (backlog)`});
  type = Option.String(`--type`, {description: `task, bug, feature, epic or chore`});
  parent = Option.String(`--parent`, {description: `Parent task id ("" clears it)`});
  assignee = Option.String(`--assignee`, {description: `Who works on it ("" clears it)`});
  addLabel = Option.String(`--add-label`, {description: `Comma list of labels to add`});
  removeLabel = Option.String(`--remove-label`, {description: `Comma list of labels to remove`});
  addDependsOn = Option.String(`--add-depends-on`, {description: `Comma list of task ids to wait for`});
  removeDependsOn = Option.String(`--remove-depends-on`, {description: `Comma list of task ids to stop waiting for`});
  claim = Option.Boolean(`--claim`, false, {description: `Take the task: assign it to this agent's session and start it`});
  agent = Option.String(`--agent`, {description: `Who is updating (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print the task as one JSON document`});

  async run() {
    const {formatUpdated, Task, updateTask} = await import('../../lib/task/index.ts');
    const task = await updateTask(this.context.openWorkspace(this.agent ? {agent: this.agent} : {}), {
      id: this.id, title: this.title, description: this.description, status: this.status, priority: this.priority, type: this.type,
      parent: this.parent, assignee: this.assignee, addLabels: this.addLabel, removeLabels: this.removeLabel,
      addDependsOn: this.addDependsOn, removeDependsOn: this.removeDependsOn, claim: this.claim,
    });
    this.print(Task, task, formatUpdated);
  }
}
