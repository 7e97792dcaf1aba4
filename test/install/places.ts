import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

/** Temporary HOMEs and repositories for one test file, removed after it. */
export function installPlaces() {
  const dirs: string[] = [];
  const repos: GitRepo[] = [];
  after(() => {
    dirs.forEach(dir => fs.rmSync(dir, {recursive: true, force: true}));
    repos.forEach(repo => repo.cleanup());
  });
  /** A temporary HOME with the named agent folders (`.claude`, `.codex`, `.gemini`). */
  const makeHome = (...folders: string[]): string => {
    const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-home-`)));
    dirs.push(home);
    for (const folder of folders) fs.mkdirSync(path.join(home, folder));
    return home;
  };
  const makeRepo = (): GitRepo => {
    const repo = makeGitRepo();
    repos.push(repo);
    return repo;
  };
  return {makeHome, makeRepo};
}
