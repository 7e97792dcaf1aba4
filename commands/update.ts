import {Command, Option} from 'clipanion';
import {MaestroCommand} from './base.ts';

export class UpdateCommand extends MaestroCommand {
  static paths = [[`update`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `refresh every maestro instruction block to this version and say how to upgrade maestro`,
    details: `
      Rewrites the block between \`<!-- maestro:start -->\` and \`<!-- maestro:end -->\` to what this version of maestro writes: in the global file of each agent installed here (as \`maestro install\`) and in the repository's \`AGENTS.md\`, \`CLAUDE.md\` and \`GEMINI.md\` that already hold one (\`--project\` writes all three). Then prints the command that upgrades maestro itself: maestro never downloads itself. \`--dry-run\` prints the diff and writes nothing.
    `,
    examples: [
      [`Refresh the blocks after upgrading maestro`, `$0 update`],
      [`See what would change, as JSON`, `$0 update --dry-run --json`],
    ],
  });

  project = Option.Boolean(`--project`, false, {description: `Also write the repository's AGENTS.md, CLAUDE.md and GEMINI.md that have no block yet`});
  dryRun = Option.Boolean(`--dry-run`, false, {description: `Print the diff of every change; write nothing`});
  json = Option.Boolean(`--json`, false, {description: `Print {version, current, agents, upgrade: {packageRoot, command}} as one JSON document`});

  async run() {
    const {UpdateView, updateInstructions} = await import('../lib/install/updateInstructions.ts');
    const {formatAgentBlocks} = await import('../lib/install/formatAgentBlocks.ts');
    const view = await updateInstructions({cwd: this.context.cwd, env: this.context.env}, {project: this.project, dryRun: this.dryRun});
    this.print(UpdateView, view, v => [
      v.current ? `[ok] every instruction block is current (maestro ${v.version})` : v.dryRun ? `[dry-run] nothing written` : `[ok] instruction blocks refreshed to maestro ${v.version}`,
      ...formatAgentBlocks(v.agents, {preview: v.dryRun, version: v.version}),
      ``,
      `To upgrade maestro itself: ${v.upgrade.command}`,
    ].join(`\n`));
  }
}
