/**
 * A separate process appending notes through the lib, for the concurrency test.
 *   node --import tsx test/notes/noteWorker.ts <repo dir> <id> <shared commit> <own commit>...
 * For each own commit: one line on the shared commit's note, then one on the own commit's note.
 */
import {MaestroError} from '../../lib/errors.ts';
import {appendNote} from '../../lib/store/notes.ts';
import {openTestStore} from '../helpers/gitRepo.ts';

const [dir, id, shared, ...own] = process.argv.slice(2);
if (!dir || !id || !shared) {
  process.stderr.write(`usage: noteWorker.ts <repo dir> <id> <shared commit> <own commit>...\n`);
  process.exit(2);
}
const store = openTestStore(dir);
try {
  for (const [n, commit] of own.entries()) {
    await appendNote(store, {object: shared, lines: [`shared ${id} ${n}`], subject: `maestro: note shared ${id} ${n}`, agent: id, session: id});
    await appendNote(store, {object: commit, lines: [`own ${id} ${n}`], subject: `maestro: note own ${id} ${n}`, agent: id, session: id});
  }
} catch (error) {
  if (!(error instanceof MaestroError)) throw error;
  process.stderr.write(`maestro: ${error.message}\n`);
  process.exit(error.exitCode);
}
