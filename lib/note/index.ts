// What commands/ use of scratch notes (`maestro note`; lib/notes/ is the git notes on code commits).
export {parseNoteRequest, ScratchNote, ScratchNoteList} from './scratchNote.ts';
export {saveScratchNote} from './saveScratchNote.ts';
export {listScratchNotes} from './listScratchNotes.ts';
