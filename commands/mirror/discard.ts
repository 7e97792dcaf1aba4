import {Command, Option} from 'clipanion';
import type {discardHandEdits} from '../../lib/mirror/handEdits.ts';
import {MaestroCommand} from '../base.ts';
import {describe} from './commit.ts';

export class MirrorDiscardCommand extends MaestroCommand {
  static paths = [[`mirror`, `discard`]];
  static usage = Command.Usage({
    category: `State`,
    description: `put files edited by hand in .maestro/ back as the state has them`,
    details: `
      Rewrites hand-edited files of \`.maestro/\` from the state (a file added by hand is removed), like \`git restore\` for the mirror. The state itself does not change. PATHS are files or directories under \`.maestro/\`; all hand edits when none is given.
    `,
    examples: [[`Drop every hand edit`, `$0 mirror discard`], [`One file, as JSON`, `$0 mirror discard .maestro/missions/2026-11-25-0x3/mission.json --json`]],
  });

  files = Option.Rest({name: `paths`});
  json = Option.Boolean(`--json`, false, {description: `Print {paths, commit} as one JSON document`});

  async run() {
    const {discardHandEdits, HandEditsView} = await import('../../lib/mirror/handEdits.ts');
    const view = await discardHandEdits(this.context.openWorkspace(), {paths: this.files});
    this.print(HandEditsView, view, describe(`discarded`));
  }
}
