import {Command, Option} from 'clipanion';
import type {InitView, initProject} from '../lib/setup/initProject.ts';
import {MaestroCommand} from './base.ts';

export class InitCommand extends MaestroCommand {
  static paths = [[`init`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `initialise maestro in this git repository`,
    details: `
      Creates the state ref \`refs/maestro/main\` with its first commit, the local settings file \`.maestro/config.yaml\`, the \`.maestro/\` line in \`.git/info/exclude\`, and the \`.maestro/\` mirror of the state. Works from any subdirectory and any worktree: all worktrees share one state. Idempotent: a second run creates nothing.
    `,
    examples: [[`Initialise the current repository`, `$0 init`], [`Report what was created as JSON`, `$0 init --json`]],
  });

  json = Option.Boolean(`--json`, false, {description: `Print what was created and skipped as one JSON document`});

  async run() {
    const {InitView, initProject} = await import('../lib/setup/initProject.ts');
    const view = await initProject(this.context.openWorkspace());
    this.print(InitView, view, v => [
      v.created.length > 0 ? `[ok] Initialized maestro in ${v.worktree}` : `[ok] Already initialized in ${v.worktree}`,
      ...v.created.map(item => `  --> ${item}`),
      ...v.skipped.map(item => `  [skip] ${item}`),
      `state: ${v.stateRef} at ${v.tip.slice(0, 12)}`,
    ].join(`\n`));
  }
}
