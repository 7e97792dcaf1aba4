import {Command, Option} from 'clipanion';
import type {syncState, SyncView} from '../lib/sync/syncState.ts';
import {MaestroCommand} from './base.ts';

export class SyncCommand extends MaestroCommand {
  static paths = [[`sync`]];
  static usage = Command.Usage({
    category: `Sharing state`,
    description: `fetch, merge and push the state through a git remote`,
    details: `
      Fetches the remote's \`refs/maestro/main\`, checkpoint tags (\`refs/tags/maestro/*\`) and notes (\`refs/notes/maestro\`) with native \`git fetch\` into \`refs/remotes/<remote>/maestro/main\` and \`refs/notes/remotes/<remote>/maestro\`, so every URL, ssh setting and credential helper you have works. It merges them into the local state, then pushes the state, the notes and new tags with native \`git push\`, never forced. If another machine pushed meanwhile it fetches, merges and pushes again (up to 6 rounds).

      The merge is maestro's own, three-way against the merge base, per entity file and per field: a change made on one side is taken, lists (dependencies, evidence, tags) are merged as sets, and a field changed differently on both sides keeps the later change (by \`updatedAt\`, then agent id, then content hash); the other value is written to \`conflicts/\` and listed by \`maestro conflicts\`. A handoff claimed on both machines goes to the earlier claim. A status change that would move backwards is not applied and is recorded as a conflict. Two machines merging the same pair produce the same tree, so they converge.

      REMOTE defaults to \`origin\`, or the only remote. On a fresh clone, one \`maestro sync\` brings the whole state.
    `,
    examples: [[`Share state through origin`, `$0 sync`], [`Through another remote, as JSON`, `$0 sync backup --json`]],
  });

  remote = Option.String({required: false, name: `remote`});
  json = Option.Boolean(`--json`, false, {description: `Print {remote, fetched, merge, notes, pushed, attempts, lostClaims} as one JSON document`});

  async run() {
    const {syncState, SyncView} = await import('../lib/sync/syncState.ts');
    const view = await syncState(this.context.openWorkspace(), this.remote === undefined ? {} : {remote: this.remote});
    this.print(SyncView, view, describeSync);
  }
}

function describeSync(v: SyncView): string {
  const short = (oid: string | null) => (oid ? oid.slice(0, 12) : `nothing`);
  const merge = v.merge.kind === `up-to-date` ? `state up to date at ${short(v.merge.after)}`
    : v.merge.kind === `fast-forward` ? `state fast-forwarded ${short(v.merge.before)}..${short(v.merge.after)} (${v.merge.received.length} file(s) in)`
      : `state merged with ${v.remote} at ${short(v.merge.after)} (${v.merge.received.length} file(s) in, ${v.merge.conflicts.length} conflict(s))`;
  const out = [v.pushed.state ? `refs/maestro/main pushed` : `nothing new to push`, ...(v.pushed.tags.length ? [`${v.pushed.tags.length} checkpoint tag(s) pushed`] : []), ...(v.pushed.notes ? [`notes pushed`] : [])];
  const lines = [`synced with ${v.remote}: ${merge}; ${out.join(`, `)}${v.attempts > 1 ? ` (${v.attempts} rounds: the remote moved)` : ``}`];
  if (v.fetched.tags.length) lines.push(`  ${v.fetched.tags.length} new checkpoint tag(s) fetched`);
  if (v.notes.kind !== `up-to-date`) lines.push(`  notes ${v.notes.kind === `merged` ? `merged` : `fast-forwarded`} (${v.notes.objects.length} commit(s) annotated)`);
  for (const conflict of v.merge.conflicts) {
    lines.push(`  conflict ${conflict.id}: ${conflict.path}${conflict.field ? ` ${conflict.field}` : ``} kept ${conflict.kept.agent ?? `?`}'s value over ${conflict.other.agent ?? `?`}'s (${conflict.rule})`);
  }
  for (const lost of v.lostClaims) lines.push(`  your claim on ${lost.path} lost: ${lost.rule}`);
  if (v.merge.conflicts.length) lines.push(`  see them with \`maestro conflicts\`; swap one with \`maestro conflicts resolve <id> --take theirs\``);
  return lines.join(`\n`);
}
