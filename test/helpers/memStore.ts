import {createFsFromVolume, Volume} from 'memfs';
import {findRepository} from '../../lib/store/findRepository.ts';
import {Store} from '../../lib/store/store.ts';
import type {GitFs} from '../../lib/store/types.ts';

/** A clock that stands still until a test moves it. */
export interface FixedClock {
  now: () => Date;
  advance(ms: number): void;
}

export function fixedClock(start = `2025-01-01T12:00:00.000Z`): FixedClock {
  let at = new Date(start).getTime();
  return {now: () => new Date(at), advance: ms => { at += ms; }};
}

export interface MemRepo {
  fs: GitFs;
  /** The working tree's top directory in the volume. */
  dir: string;
  clock: FixedClock;
}

export interface MemStore extends MemRepo {
  store: Store;
}

/** An empty repository (what `git init` makes that the store reads) on a fresh in-memory volume. */
export function makeMemRepo(dir = `/repo`): MemRepo {
  // memfs implements the node:fs calls the store makes, but its types differ from node's in details
  // (Dirent generics, Buffer-or-string names): this is the one place that bridges them.
  const fs = createFsFromVolume(new Volume()) as unknown as GitFs;
  createReadOnlyFilesAsPosixDoes(fs);
  fs.mkdirSync(`${dir}/.git/objects`, {recursive: true});
  fs.mkdirSync(`${dir}/.git/refs/heads`, {recursive: true});
  fs.writeFileSync(`${dir}/.git/HEAD`, `ref: refs/heads/main\n`);
  fs.writeFileSync(`${dir}/.git/config`, `[core]\n\trepositoryformatversion = 0\n\tbare = false\n[user]\n\tname = Maestro Test\n\temail = test@maestro.invalid\n`);
  return {fs, dir, clock: fixedClock()};
}

/**
 * POSIX applies a new file's mode only after `open(O_CREAT)` returns, so writing a file created 0o444
 * succeeds (git's loose objects, and ObjectDb.write, do exactly that); memfs 4 checks the mode first and
 * throws EACCES. Create such files writable, then chmod them, as the kernel effectively does.
 */
function createReadOnlyFilesAsPosixDoes(fs: GitFs): void {
  const writeFileSync = fs.writeFileSync.bind(fs);
  fs.writeFileSync = ((file: string, data: string | Uint8Array, options?: {mode?: number} | string) => {
    const mode = typeof options === `object` ? options?.mode : undefined;
    if (mode === undefined || (mode & 0o200) !== 0 || fs.existsSync(file)) return writeFileSync(file, data, options as never);
    writeFileSync(file, data, {...(options as object), mode: mode | 0o200});
    fs.chmodSync(file, mode);
  }) as typeof fs.writeFileSync;
}

/** A Store on an in-memory repository, with a fixed clock: the fast default for unit tests. */
export function makeMemStore(env: Record<string, string | undefined> = {MAESTRO_NO_GC: `1`}): MemStore {
  const memRepo = makeMemRepo();
  const store = new Store({fs: memRepo.fs, repo: findRepository(memRepo.fs, memRepo.dir), cache: {}, now: memRepo.clock.now, env: {...env}});
  return {...memRepo, store};
}
