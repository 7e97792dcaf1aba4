import assert from 'node:assert/strict';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, whatIsWritten} from '../helpers/missions.ts';

/** Runs a command that must fail: its exit code, its single stderr line, and nothing written (ref and `.maestro/`). */
export async function refused(repo: GitRepo, argv: string[], code: number, line: RegExp): Promise<void> {
  const before = whatIsWritten(repo);

  const result = await maestro(repo, argv);

  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, ``);
  assert.equal(result.stderr.trimEnd().split(`\n`).length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.deepEqual(whatIsWritten(repo), before);
}
