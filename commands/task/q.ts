import {Command, Option} from 'clipanion';
import type {createTask, TaskIdView} from '../../lib/task/index.ts';
import {MaestroCommand} from '../base.ts';

export class TaskQCommand extends MaestroCommand {
  static paths = [[`task`, `q`]];
  static usage = Command.Usage({
    category: `Tasks`,
    description: `quick capture: create a task and print only its id`,
    details: `The same as \`task create\` with fewer flags, for capturing an idea without breaking flow. Prints the new id alone (\`{"id": …}\` with \`--json\`).`,
    examples: [[`Capture an idea`, `$0 task q "Cache the mission list"`], [`As JSON`, `$0 task q "Flaky login test" --type bug --json`]],
  });

  title = Option.String({name: `title`});
  type = Option.String(`--type`, {description: `task (default), bug, feature, epic or chore`});
  priority = Option.String(`--priority`, {description: `0 (critical) to 4 (backlog); default 2`});
  labels = Option.String(`--labels`, {description: `Comma list of labels`});
  parent = Option.String(`--parent`, {description: `Parent task id`});
  json = Option.Boolean(`--json`, false, {description: `Print {id} as one JSON document`});

  async run() {
    const {createTask, TaskIdView} = await import('../../lib/task/index.ts');
    const task = await createTask(this.context.openWorkspace(), {title: this.title, type: this.type, priority: this.priority, labels: this.labels, parent: this.parent});
    this.print(TaskIdView, {id: task.id}, view => view.id);
  }
}
