import {Command, Option} from 'clipanion';
import {InputError} from '../lib/errors.ts';
import type {LogView, readLog} from '../lib/history/readLog.ts';
import {MaestroCommand} from './base.ts';
import {clip} from './format.ts';

export class LogCommand extends MaestroCommand {
  static paths = [[`log`]];
  static usage = Command.Usage({
    category: `History`,
    description: `show the state history: who did what, from git`,
    details: `
      Lists the commits of \`refs/maestro/main\`, newest first, with the agent and the command of each, and the state files it changed. With a PATH (such as \`missions/<id>\` or \`handoffs\`), only the commits that changed it. The same history is in \`git log refs/maestro/main\`.
    `,
    examples: [[`The last 10 state changes`, `$0 log -n 10`], [`Changes to the handoffs`, `$0 log handoffs`], [`As JSON`, `$0 log --json -n 5`]],
  });

  statePath = Option.String({required: false, name: `path`});
  limit = Option.String(`-n,--max-count`, {description: `Show at most N commits`});
  json = Option.Boolean(`--json`, false, {description: `Print the history as one JSON document`});

  async run() {
    const {LogView, readLog} = await import('../lib/history/readLog.ts');
    const limit = this.limit === undefined ? undefined : Number(this.limit);
    if (limit !== undefined && Number.isNaN(limit)) throw new InputError(`-n "${this.limit}" is not a number`, {hint: `use e.g. -n 20`});
    const view = await readLog(this.context.openWorkspace(), {...(limit !== undefined ? {limit} : {}), ...(this.statePath ? {path: this.statePath} : {})});
    this.print(LogView, view, v => v.entries.map(e =>
      `${e.commit.slice(0, 10)}  ${e.committedAt.slice(0, 16).replace(`T`, ` `)}  ${(e.agent ?? `unknown`).padEnd(12)}  ${clip(e.command)}${e.parents.length > 1 ? `  (merge)` : ``}`).join(`\n`));
  }
}
