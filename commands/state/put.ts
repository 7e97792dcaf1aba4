import {Command, Option} from 'clipanion';
import {InputError} from '../../lib/errors.ts';
import type {putStateFile, StateFileView} from '../../lib/plumbing/stateFiles.ts';
import {MaestroCommand} from '../base.ts';

export class StatePutCommand extends MaestroCommand {
  static paths = [[`state`, `put`]];
  static usage = Command.Usage({
    category: `Plumbing`,
    description: `write one file of the state as a commit`,
    details: `
      Commits CONTENT (or the file given with \`--file\`, \`-\` for stdin) at PATH on \`refs/maestro/main\`. JSON files are validated and written canonically (sorted keys, 2-space indent). Empty content deletes the file. Plumbing for scripts and repairs: the entity commands validate their own rules, this does not.
    `,
    examples: [[`Write a note`, `$0 state put notes/hello.json '{"text":"hi"}'`], [`From stdin`, `echo '{"a":1}' | $0 state put notes/a.json --file -`]],
  });

  statePath = Option.String({name: `path`});
  content = Option.String({required: false});
  file = Option.String(`--file`, {description: `Read the content from this file, or - for stdin`});
  agent = Option.String(`--agent`, {description: `Who is writing (default: MAESTRO_AGENT or the detected agent)`});
  json = Option.Boolean(`--json`, false, {description: `Print {path, commit, content} as one JSON document`});

  async run() {
    const {putStateFile, StateFileView} = await import('../../lib/plumbing/stateFiles.ts');
    if ((this.content === undefined) === (this.file === undefined)) throw new InputError(`give the content either as an argument or with --file, not ${this.content === undefined ? `neither` : `both`}`, {hint: `maestro state put <path> '<json>'`});
    const content = this.content ?? await this.readInput(this.file!);
    const workspace = this.context.openWorkspace(this.agent ? {agent: this.agent} : {});
    const view = await putStateFile(workspace, {path: this.statePath, content, command: `state put ${this.statePath}`});
    this.print(StateFileView, view, v => `${v.path} @ ${v.commit.slice(0, 12)}`);
  }
}
