import type {GitRepo} from '../helpers/gitRepo.ts';

/**
 * Makes `count` code commits on refs/heads/main in one `git fast-import` stream (a pack, about 0.3 s
 * for a thousand), and, with `gitNotes`, a commit on refs/notes/maestro by git holding a note on
 * each of the first `gitNotes` commits (fast-import fans the notes tree out as git does). Returns the
 * commit ids, oldest first.
 */
export function fastImportHistory(repo: GitRepo, count: number, options: {gitNotes?: number; noteText?: (i: number) => string} = {}): string[] {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  let stream = ``;
  for (let i = 1; i <= count; i++) {
    stream += `commit refs/heads/main\nmark :${i}\ncommitter Code <code@example.invalid> ${1_700_000_000 + i} +0000\n${data(`code ${i}\n`)}`;
    stream += i > 1 ? `from :${i - 1}\n\n` : `\n`;
  }
  if (options.gitNotes) {
    stream += `commit refs/notes/maestro\ncommitter Git <git@example.invalid> 1700100000 +0000\n${data(`notes by git\n`)}`;
    for (let i = 1; i <= options.gitNotes; i++) stream += `N inline :${i}\n${data(options.noteText?.(i) ?? `git note ${i}\n`)}`;
    stream += `\n`;
  }
  repo.git([`fast-import`, `--quiet`], {input: stream});
  return repo.git([`rev-list`, `--reverse`, `main`]).trim().split(`\n`);
}
