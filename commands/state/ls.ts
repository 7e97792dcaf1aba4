import {Command, Option} from 'clipanion';
import type {listStateDir, StateDirView} from '../../lib/plumbing/stateFiles.ts';
import {MaestroCommand} from '../base.ts';

export class StateLsCommand extends MaestroCommand {
  static paths = [[`state`, `ls`]];
  static usage = Command.Usage({
    category: `Plumbing`,
    description: `list a directory of the state at the tip`,
    details: `Lists the names in DIR (default: the root) of the tree of \`refs/maestro/main\`.`,
    examples: [[`List the root`, `$0 state ls`], [`List the handoffs as JSON`, `$0 state ls handoffs --json`]],
  });

  statePath = Option.String({required: false, name: `dir`});
  json = Option.Boolean(`--json`, false, {description: `Print {path, commit, entries} as one JSON document`});

  async run() {
    const {listStateDir, StateDirView} = await import('../../lib/plumbing/stateFiles.ts');
    const view = await listStateDir(this.context.openWorkspace(), {path: this.statePath ?? ``});
    this.print(StateDirView, view, v => v.entries.join(`\n`));
  }
}
