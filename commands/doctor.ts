import {Command, Option} from 'clipanion';
import type {DoctorView, runDoctor} from '../lib/doctor/runDoctor.ts';
import {MaestroCommand} from './base.ts';

export class DoctorCommand extends MaestroCommand {
  static paths = [[`doctor`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `check the repository, the state ref and the mirror, with a fix for each problem`,
    details: `
      One line per check: git, repository, worktrees, state, fsck, lock, mirror, scan (how \`status\` finds hand edits in a large \`.maestro/\`), identity, remotes, blocks (the agents' instruction blocks are this version's: see \`maestro install\`), objects; each ok, warn or fail with the command that fixes it. Exits 1 when a check fails. \`--fix\` repairs what is safe to repair: a stale \`.maestro/\` mirror and a lock left by a maestro process that is no longer running.
    `,
    examples: [[`Check everything`, `$0 doctor`], [`Repair what is safe`, `$0 doctor --fix`], [`As JSON`, `$0 doctor --json`]],
  });

  fix = Option.Boolean(`--fix`, false, {description: `Repair a stale mirror and a dead lock`});
  json = Option.Boolean(`--json`, false, {description: `Print the checks as one JSON document`});

  async run() {
    const {DoctorView, runDoctor} = await import('../lib/doctor/runDoctor.ts');
    const view = await runDoctor(this.context.openWorkspace(), {fix: this.fix});
    this.print(DoctorView, view, v => v.checks.map(c =>
      `${c.status.padEnd(5)}  ${c.name.padEnd(10)}  ${c.detail}${c.fix ? `  (fix: ${c.fix})` : ``}`).join(`\n`));
    return view.ok ? 0 : 1;
  }
}
