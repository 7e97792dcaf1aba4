import {Command, Option} from 'clipanion';
import type {RemoteSetupView, setupRemote} from '../../lib/sync/remoteSetup.ts';
import {MaestroCommand} from '../base.ts';

export class RemoteSetupCommand extends MaestroCommand {
  static paths = [[`remote`, `setup`]];
  static usage = Command.Usage({
    category: `Sharing state`,
    description: `make a plain git fetch bring the state from a remote`,
    details: `
      Adds fetch refspecs to \`remote.<remote>.fetch\` in the repository's git config, only those missing:

      - \`+refs/maestro/*:refs/remotes/<remote>/maestro/*\`: the remote's state, into a tracking namespace (never into \`refs/maestro/*\` itself);
      - \`refs/tags/maestro/*:refs/tags/maestro/*\`: checkpoint tags;
      - \`+refs/notes/maestro*:refs/notes/remotes/<remote>/maestro*\`: notes on code commits (a glob, so \`git fetch\` does not fail while the remote has none).

      It does not set \`remote.<remote>.push\`, so a bare \`git push\` does what it did before; \`maestro sync\` pushes the state, and \`git push <remote> refs/maestro/main\` works by hand when it is a fast-forward. REMOTE defaults to \`origin\`, or the only remote. \`maestro doctor\` checks this setup.
    `,
    examples: [[`Set up origin`, `$0 remote setup`], [`Another remote, as JSON`, `$0 remote setup backup --json`]],
  });

  remote = Option.String({required: false, name: `remote`});
  json = Option.Boolean(`--json`, false, {description: `Print {remote, url, present, missing, added} as one JSON document`});

  async run() {
    const {RemoteSetupView, setupRemote} = await import('../../lib/sync/remoteSetup.ts');
    const view = setupRemote(this.context.openWorkspace().store.deps, this.remote);
    this.print(RemoteSetupView, view, v => (v.added.length === 0
      ? `${v.remote} is already set up: git fetch ${v.remote} brings the state`
      : [`${v.remote}: added ${v.added.length} fetch refspec(s); git fetch ${v.remote} now brings the state`, ...v.added.map(spec => `  ${spec}`)].join(`\n`)));
  }
}
