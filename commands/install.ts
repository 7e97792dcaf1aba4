import {Command, Option} from 'clipanion';
import type {InstallView} from '../lib/install/installInstructions.ts';
import {MaestroCommand} from './base.ts';

export class InstallCommand extends MaestroCommand {
  static paths = [[`install`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `write the maestro instruction block into each agent's instruction file`,
    details: `
      Writes a short block between \`<!-- maestro:start -->\` and \`<!-- maestro:end -->\` that tells an agent the commands it needs (\`feature next\`, \`feature prompt\`, \`handoff pickup --claim\`, \`feature update\`, \`validate update\`, \`sync\`, all with \`--json\`) into the global file of each agent installed here: \`~/.claude/CLAUDE.md\` (Claude Code), \`~/.codex/AGENTS.md\` (Codex, or \`$CODEX_HOME/AGENTS.md\`), \`~/.gemini/GEMINI.md\` (Gemini CLI), each only when that agent's folder exists; the others are reported as not-detected. \`--project\` also writes into the repository's own \`AGENTS.md\`, \`CLAUDE.md\` and \`GEMINI.md\` (created when missing).

      Idempotent: a current block is left alone (skipped), an older or hand-edited one is replaced in place, and nothing outside the markers changes. Symlinks are followed to the real file, and a file reached twice is written once (linked). \`--dry-run\` prints the diff and writes nothing; \`--check\` writes nothing and exits 1 when a block is missing or out of date. \`maestro uninstall\` removes the block again.
    `,
    examples: [
      [`Install for every agent found in your home`, `$0 install`],
      [`Also into this repository's AGENTS.md, CLAUDE.md, GEMINI.md`, `$0 install --project`],
      [`Show the diff, write nothing`, `$0 install --project --dry-run`],
      [`Fail (exit 1) in CI when a block is missing or stale, as JSON`, `$0 install --project --check --json`],
    ],
  });

  project = Option.Boolean(`--project`, false, {description: `Also write into the repository's AGENTS.md, CLAUDE.md and GEMINI.md`});
  dryRun = Option.Boolean(`--dry-run`, false, {description: `Print the diff of every change; write nothing`});
  check = Option.Boolean(`--check`, false, {description: `Write nothing; exit 1 when a block is missing or out of date`});
  json = Option.Boolean(`--json`, false, {description: `Print {version, current, agents: [{agent, action, configPath, …}]} as one JSON document`});

  async run() {
    const {InstallView, installInstructions} = await import('../lib/install/installInstructions.ts');
    const {formatAgentBlocks} = await import('../lib/install/formatAgentBlocks.ts');
    const view = await installInstructions({cwd: this.context.cwd, env: this.context.env}, {project: this.project, dryRun: this.dryRun, check: this.check});
    this.print(InstallView, view, v => [headline(v), ...formatAgentBlocks(v.agents, {preview: v.dryRun || v.check, version: v.version})].join(`\n`));
    return this.check && !view.current ? 1 : 0;
  }
}

function headline(view: InstallView): string {
  const missing = view.agents.filter(entry => entry.action === `injected` || entry.action === `updated`).length;
  const found = view.agents.some(entry => entry.action !== `not-detected`);
  if (!found) return `[--] no agent folder found (~/.claude, ~/.codex, ~/.gemini): nothing to write; --project writes into this repository`;
  if (view.check) return view.current ? `[ok] every instruction block is current (maestro ${view.version})` : `[!!] ${missing} instruction block(s) missing or out of date (fix: run \`maestro install${view.agents.some(e => e.scope === `project`) ? ` --project` : ``}\`)`;
  if (view.dryRun) return view.current ? `[ok] nothing to change (maestro ${view.version})` : `[dry-run] ${missing} file(s) would change; nothing written`;
  return view.current ? `[ok] every instruction block is current (maestro ${view.version})` : `[ok] instruction blocks written (maestro ${view.version})`;
}
