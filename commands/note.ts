import {Command, Option} from 'clipanion';
import type {ScratchNote} from '../lib/note/index.ts';
import {oneLine} from '../lib/oneLine.ts';
import {MaestroCommand} from './base.ts';

export class NoteCommand extends MaestroCommand {
  static paths = [[`note`], [`notes`]];
  static usage = Command.Usage({
    category: `Notes`,
    description: `save a scratch note, or list them`,
    details: `Scratch notes are short free-text notes for the next session, stored one per file (\`scratch-notes/<id>.json\`) on the state ref with the time, the checked-out branch and the agent. \`--content\` saves one, \`--list\` lists them oldest first; give exactly one of the two. \`maestro notes\` is the same command.`,
    examples: [[`Save a note`, `$0 note --content "the retry limit lives in config/auth.ts"`], [`List the notes as JSON`, `$0 note --list --json`]],
  });

  content = Option.String(`--content`, {description: `The note's text`});
  list = Option.Boolean(`--list`, false, {description: `List the notes instead`});
  json = Option.Boolean(`--json`, false, {description: `Print the saved note, or the list, as one JSON document`});

  async run() {
    const {listScratchNotes, parseNoteRequest, saveScratchNote, ScratchNote, ScratchNoteList} = await import('../lib/note/index.ts');
    const request = parseNoteRequest({content: this.content, list: this.list});
    if (request.kind === `list`) this.print(ScratchNoteList, await listScratchNotes(this.context.openWorkspace()), formatNotes);
    else this.print(ScratchNote, await saveScratchNote(this.context.openWorkspace(), request), formatSaved);
  }
}

function formatSaved(note: ScratchNote): string {
  return [`[ok] Note saved`, `  Timestamp: ${note.timestamp}`, `  Branch: ${note.git_branch}`, `  Content: ${oneLine(note.content)}`].join(`\n`);
}

function formatNotes(notes: ScratchNote[]): string {
  if (notes.length === 0) return `No notes found`;
  return [`${notes.length} note(s)`, ...notes.flatMap(note => [``, `${note.timestamp}  [${note.git_branch}]`, `  ${oneLine(note.content)}`])].join(`\n`);
}
