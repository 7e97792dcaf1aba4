import {Command, Option} from 'clipanion';
import type {commitHandEdits, HandEditsView} from '../../lib/mirror/handEdits.ts';
import {MaestroCommand} from '../base.ts';

export class MirrorCommitCommand extends MaestroCommand {
  static paths = [[`mirror`, `commit`]];
  static usage = Command.Usage({
    category: `State`,
    description: `commit files edited by hand in .maestro/ to the state`,
    details: `
      \`.maestro/\` mirrors the state for reading; \`maestro status\` lists files edited there by hand. This commits them in one state commit: each JSON file must be a valid entity for its path (it is written back in canonical form), a deleted file is deleted from the state, and other files are taken as they are. Nothing is written when a file is invalid, or when the state changed that file after the mirror wrote it (the edit would undo that change). PATHS are files or directories under \`.maestro/\`; all hand edits when none is given.
    `,
    examples: [[`Commit every hand edit`, `$0 mirror commit`], [`One file, as JSON`, `$0 mirror commit .maestro/missions/2026-11-25-0x3/features/auth-impl.json --json`]],
  });

  files = Option.Rest({name: `paths`});
  json = Option.Boolean(`--json`, false, {description: `Print {paths, commit} as one JSON document`});

  async run() {
    const {commitHandEdits, HandEditsView} = await import('../../lib/mirror/handEdits.ts');
    const view = await commitHandEdits(this.context.openWorkspace(), {paths: this.files});
    this.print(HandEditsView, view, describe(`committed`));
  }
}

export function describe(verb: string): (v: HandEditsView) => string {
  return v => (v.paths.length === 0 ? `no hand edits in .maestro/`
    : [`${verb} ${v.paths.length} hand edit(s)${v.commit ? ` in ${v.commit.slice(0, 12)}` : ``}:`, ...v.paths.map(p => `  ${p.kind.padEnd(8)} .maestro/${p.path}`)].join(`\n`));
}
