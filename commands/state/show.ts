import {Command, Option} from 'clipanion';
import type {showStateFile, StateFileView} from '../../lib/plumbing/stateFiles.ts';
import {MaestroCommand} from '../base.ts';

export class StateShowCommand extends MaestroCommand {
  static paths = [[`state`, `show`]];
  static usage = Command.Usage({
    category: `Plumbing`,
    description: `print one file of the state at the tip`,
    details: `Prints the file at PATH in the tree of \`refs/maestro/main\`, as \`git show refs/maestro/main:PATH\` would.`,
    examples: [[`Show the state format file`, `$0 state show maestro.json`], [`As JSON`, `$0 state show maestro.json --json`]],
  });

  statePath = Option.String({name: `path`});
  json = Option.Boolean(`--json`, false, {description: `Print {path, commit, content} as one JSON document`});

  async run() {
    const {showStateFile, StateFileView} = await import('../../lib/plumbing/stateFiles.ts');
    const view = await showStateFile(this.context.openWorkspace(), {path: this.statePath});
    this.print(StateFileView, view, v => (typeof v.content === `string` ? v.content : JSON.stringify(v.content, null, 2)));
  }
}
