import {Command, Option} from 'clipanion';
import {MaestroCommand} from './base.ts';

export class UninstallCommand extends MaestroCommand {
  static paths = [[`uninstall`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `remove the maestro instruction block from each agent's instruction file`,
    details: `
      Removes exactly the block between \`<!-- maestro:start -->\` and \`<!-- maestro:end -->\` from \`~/.claude/CLAUDE.md\`, \`~/.codex/AGENTS.md\` (or \`$CODEX_HOME/AGENTS.md\`) and \`~/.gemini/GEMINI.md\`, and with \`--project\` from the repository's \`AGENTS.md\`, \`CLAUDE.md\` and \`GEMINI.md\`. Everything outside the markers stays; a file that held only the block (one \`maestro install\` created) is deleted. Symlinks are followed to the real file. \`--dry-run\` prints the diff and writes nothing.
    `,
    examples: [
      [`Remove the block from every agent's global file`, `$0 uninstall`],
      [`Also from this repository's files, as JSON`, `$0 uninstall --project --json`],
    ],
  });

  project = Option.Boolean(`--project`, false, {description: `Also remove it from the repository's AGENTS.md, CLAUDE.md and GEMINI.md`});
  dryRun = Option.Boolean(`--dry-run`, false, {description: `Print the diff of every change; write nothing`});
  json = Option.Boolean(`--json`, false, {description: `Print {dryRun, agents: [{agent, action, configPath, …}]} as one JSON document`});

  async run() {
    const {UninstallView, uninstallInstructions} = await import('../lib/install/uninstallInstructions.ts');
    const {formatAgentBlocks} = await import('../lib/install/formatAgentBlocks.ts');
    const view = await uninstallInstructions({cwd: this.context.cwd, env: this.context.env}, {project: this.project, dryRun: this.dryRun});
    const removed = view.agents.filter(entry => entry.action === `removed`).length;
    this.print(UninstallView, view, v => [
      v.dryRun ? `[dry-run] ${removed} block(s) would be removed; nothing written` : `[ok] ${removed} block(s) removed`,
      ...formatAgentBlocks(v.agents, {preview: v.dryRun}),
    ].join(`\n`));
  }
}
