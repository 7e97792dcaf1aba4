import {Command, Option} from 'clipanion';
import type {describeNoteLink} from '../lib/notes/noteLink.ts';
import type {traceCommit, TraceView} from '../lib/notes/traceCommit.ts';
import {MaestroCommand} from './base.ts';

export class TraceCommand extends MaestroCommand {
  static paths = [[`trace`]];
  static usage = Command.Usage({
    category: `History`,
    description: `show which missions, features and assertions a code commit serves`,
    details: `
      Reads the note on a code commit in \`refs/notes/maestro\`, written by \`feature update\` and \`validate update\` (\`--commit <rev>\`, HEAD by default), and lists its links oldest first: the feature and the status it reached, the assertion and its result with the evidence, who and when. Lines of the note that maestro did not write are shown as they are. \`git log --notes=maestro\` shows the same notes; \`maestro feature show\` goes the other way, from a feature to its commits. REV is anything git names a commit by (HEAD, a branch, a tag, an id or a unique prefix, \`HEAD~2\`); HEAD when omitted.
    `,
    examples: [[`What the last commit was for`, `$0 trace HEAD`], [`An older commit, as JSON`, `$0 trace 3f1c0d2 --json`]],
  });

  rev = Option.String({required: false, name: `rev`});
  json = Option.Boolean(`--json`, false, {description: `Print {commit, ref, note, links, missions, otherLines} as one JSON document`});

  async run() {
    const {describeNoteLink} = await import('../lib/notes/noteLink.ts');
    const {traceCommit, TraceView} = await import('../lib/notes/traceCommit.ts');
    const view = await traceCommit(this.context.openWorkspace(), this.rev === undefined ? {} : {rev: this.rev});
    this.print(TraceView, view, v => v.note === null ? `${v.commit}  no note in ${v.ref}` : [
      `${v.commit}  (${v.ref})`,
      ...v.missions.flatMap(mission => [`  mission ${mission}`, ...v.links.filter(link => link.mission === mission).map(link => `    ${describeNoteLink(link)}`)]),
      ...(v.otherLines.length ? [`  other lines:`, ...v.otherLines.map(line => `    ${line}`)] : []),
    ].join(`\n`));
  }
}
