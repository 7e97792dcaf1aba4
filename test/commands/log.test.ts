import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

describe(`maestro log`, () => {
  let repo: GitRepo;
  before(async () => {
    repo = makeGitRepo();
    await runCli([`init`], {cwd: repo.dir});
    await runCli([`state`, `put`, `handoffs/h1.json`, `{"id":"h1"}`], {cwd: repo.dir, env: {MAESTRO_AGENT: `codex`}});
    await runCli([`state`, `put`, `notes/n1.json`, `{"n":1}`], {cwd: repo.dir, env: {MAESTRO_AGENT: `claude-code`}});
    await runCli([`state`, `put`, `handoffs/h1.json`, `{"id":"h1","status":"completed"}`], {cwd: repo.dir, env: {MAESTRO_AGENT: `gemini`}});
  });
  after(() => repo.cleanup());

  it(`lists state commits newest first with agent and command, as git log does`, async () => {
    const result = await runCli([`log`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    const {entries} = JSON.parse(result.stdout);
    assert.deepEqual(entries.map((e: {agent: string}) => e.agent), [`gemini`, `claude-code`, `codex`, `test-agent`]);
    assert.deepEqual(entries.map((e: {command: string}) => e.command), [`maestro state put handoffs/h1.json '{"id":"h1","status":"completed"}'`, `maestro state put notes/n1.json '{"n":1}'`, `maestro state put handoffs/h1.json '{"id":"h1"}'`, `maestro init`]);
    assert.deepEqual(entries.map((e: {commit: string}) => e.commit), repo.git([`rev-list`, `refs/maestro/main`]).trim().split(`\n`));
    assert.deepEqual(entries[0].paths, [`handoffs/h1.json`]);
  });

  it(`limits the walk with -n`, async () => {
    const result = await runCli([`log`, `-n`, `2`], {cwd: repo.dir});

    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim().split(`\n`).length, 2);
    assert.match(result.stdout, /gemini +maestro state put handoffs\/h1\.json/);
  });

  it(`keeps only the commits that changed a path`, async () => {
    const result = await runCli([`log`, `handoffs`, `--json`], {cwd: repo.dir});

    const {entries} = JSON.parse(result.stdout);
    assert.deepEqual(entries.map((e: {agent: string}) => e.agent), [`gemini`, `codex`]);
  });

  it(`refuses a bad -n with exit 2`, async () => {
    const result = await runCli([`log`, `-n`, `zero`], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: -n "zero" is not a number; hint: use e\.g\. -n 20\n$/);
  });
});
