import {Command, Option} from 'clipanion';
import type {readStatus, StatusView} from '../lib/status/readStatus.ts';
import {MaestroCommand} from './base.ts';
import {clip, formatAge} from './format.ts';

export class StatusCommand extends MaestroCommand {
  static paths = [[`status`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `show the state tip, pending handoffs, locks, hand edits and conflicts`,
    details: `
      Reads the tip of \`refs/maestro/main\` and reports its age and last command, the pending handoffs, a lock left behind on the state ref, files in \`.maestro/\` edited by hand, and merge conflicts waiting for a person. Brings a stale \`.maestro/\` mirror up to date.
    `,
    examples: [[`Show the status`, `$0 status`], [`Status as JSON for an agent`, `$0 status --json`]],
  });

  json = Option.Boolean(`--json`, false, {description: `Print the status as one JSON document`});

  async run() {
    const {readStatus, StatusView} = await import('../lib/status/readStatus.ts');
    const view = await readStatus(this.context.openWorkspace());
    this.print(StatusView, view, renderStatus);
  }
}

function renderStatus(v: StatusView): string {
  if (!v.tip) return `[!] Not initialized in ${v.repository.worktree}. Run: maestro init`;
  const lines = [
    `[ok] Initialized (config: ${v.configSource})`,
    `state   ${v.stateRef} at ${v.tip.commit.slice(0, 12)}, ${formatAge(v.tip.ageSeconds)} ago by ${v.tip.agent ?? `unknown`}: ${clip(v.tip.subject)}`,
    `mirror  .maestro/ ${v.mirror.fresh ? `up to date` : `stale (mirrors ${v.mirror.commit?.slice(0, 12) ?? `nothing`})`}`,
    `handoffs  ${v.pendingHandoffs.length} pending`,
    ...v.pendingHandoffs.map(h => `  ${h.id}  from ${h.agent ?? `unknown`}${h.to ? ` to ${h.to}` : ``}`),
  ];
  if (v.lock) lines.push(`[!] ${v.stateRef} is locked${v.lock.pid ? ` by pid ${v.lock.pid}${v.lock.alive === false ? ` (not running)` : ``}` : ``}, ${formatAge(v.lock.ageSeconds)} old: ${v.lock.alive === false ? `run maestro doctor --fix` : `rm '${v.lock.path}' if nothing is running`}`);
  if (v.handEdits.length > 0) {
    lines.push(`[!] ${v.handEdits.length} file(s) in .maestro/ edited by hand, not in the state (\`maestro mirror commit\` commits them, \`maestro mirror discard\` drops them):`);
    lines.push(...v.handEdits.map(e => `  ${e.kind.padEnd(8)} .maestro/${e.path}`));
  }
  if (v.conflicts.length > 0) {
    lines.push(`[!] ${v.conflicts.length} merge conflict(s) to review:`);
    lines.push(...v.conflicts.map(c => `  ${c.id}  ${c.path ?? ``}${c.field ? ` ${c.field}` : ``}`));
  }
  return lines.join(`\n`);
}
