import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

describe(`maestro status`, () => {
  const repos: GitRepo[] = [];
  const initialised = async () => {
    const repo = makeGitRepo();
    repos.push(repo);
    assert.equal((await runCli([`init`], {cwd: repo.dir})).code, 0);
    return repo;
  };
  after(() => repos.forEach(repo => repo.cleanup()));

  it(`says how to initialise a repository that has no state yet`, async () => {
    const repo = makeGitRepo();
    repos.push(repo);

    const result = await runCli([`status`], {cwd: repo.dir});

    assert.equal(result.code, 0);
    assert.match(result.stdout, /Not initialized .* Run: maestro init/);
  });

  it(`shows the tip, its agent and command, and a fresh mirror`, async () => {
    const repo = await initialised();
    await runCli([`state`, `put`, `notes/a.json`, `{"a":1}`], {cwd: repo.dir, env: {MAESTRO_AGENT: `codex`}});

    const result = await runCli([`status`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    const view = JSON.parse(result.stdout);
    assert.equal(view.initialized, true);
    assert.equal(view.tip.commit, repo.git([`rev-parse`, `refs/maestro/main`]).trim());
    assert.equal(view.tip.agent, `codex`);
    assert.equal(view.tip.subject, `maestro state put notes/a.json '{"a":1}'`);
    assert.deepEqual(view.mirror, {commit: view.tip.commit, fresh: true});
    assert.deepEqual(view.handEdits, []);
    assert.equal(view.lock, null);
  });

  it(`lists pending handoffs and conflicts found in the state`, async () => {
    const repo = await initialised();
    await runCli([`state`, `put`, `handoffs/h1.json`, `{"id":"h1","status":"pending","agent":"codex","createdAt":"2026-11-25T00:00:00.000Z"}`], {cwd: repo.dir});
    await runCli([`state`, `put`, `handoffs/h2.json`, `{"id":"h2","status":"completed"}`], {cwd: repo.dir});
    await runCli([`state`, `put`, `conflicts/c1.json`, `{"id":"c1","path":"missions/m/features/f.json","field":"status"}`], {cwd: repo.dir});

    const result = await runCli([`status`, `--json`], {cwd: repo.dir});

    const view = JSON.parse(result.stdout);
    assert.deepEqual(view.pendingHandoffs, [{agent: `codex`, createdAt: `2026-11-25T00:00:00.000Z`, id: `h1`, to: null}]);
    assert.deepEqual(view.conflicts, [{field: `status`, id: `c1`, path: `missions/m/features/f.json`}]);
  });

  it(`reports a file edited by hand in .maestro/ and leaves the state alone`, async () => {
    const repo = await initialised();
    await runCli([`state`, `put`, `notes/a.json`, `{"a":1}`], {cwd: repo.dir});
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]);
    fs.writeFileSync(path.join(repo.dir, `.maestro`, `notes`, `a.json`), `{"a": 2}\n`);

    const result = await runCli([`status`], {cwd: repo.dir});

    assert.equal(result.code, 0);
    assert.match(result.stdout, /1 file\(s\) in \.maestro\/ edited by hand/);
    assert.match(result.stdout, /modified +\.maestro\/notes\/a\.json/);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]), tip);
  });

  it(`reports hand edits in a mirror of 1,000 files, where it asks find what changed`, async () => {
    const repo = await initialised();
    const {Workspace} = await import('../../lib/workspace.ts');
    const workspace = new Workspace({cwd: repo.dir, env: {MAESTRO_NO_GC: `1`}});
    await workspace.transact(`seed`, async () => ({changes: Array.from({length: 1000}, (_, i) => ({path: `notes/n${i}.json`, content: `{"n": ${i}}\n`})), result: null}));
    assert.equal((await runCli([`status`], {cwd: repo.dir})).code, 0);
    fs.appendFileSync(path.join(repo.dir, `.maestro`, `notes`, `n7.json`), ` `);
    fs.rmSync(path.join(repo.dir, `.maestro`, `notes`, `n8.json`));

    const result = await runCli([`status`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).handEdits, [{path: `notes/n7.json`, kind: `modified`}, {path: `notes/n8.json`, kind: `deleted`}]);
    assert.ok(fs.existsSync(path.join(repo.dir, `.maestro`, `.mirror-scan`)), `status recorded where its scan started`);
  });

  it(`rebuilds a stale mirror after the ref moved by hand`, async () => {
    const repo = await initialised();
    const first = repo.git([`rev-parse`, `refs/maestro/main`]).trim();
    await runCli([`state`, `put`, `notes/a.json`, `{"a":1}`], {cwd: repo.dir});
    repo.git([`update-ref`, `refs/maestro/main`, first]);

    const result = await runCli([`status`, `--json`], {cwd: repo.dir});

    assert.equal(JSON.parse(result.stdout).mirror.fresh, true);
    assert.ok(!fs.existsSync(path.join(repo.dir, `.maestro`, `notes`, `a.json`)));
  });

  it(`shows a lock left on the state ref with the command that clears it`, async () => {
    const repo = await initialised();
    fs.writeFileSync(path.join(repo.dir, `.git`, `refs`, `maestro`, `main.lock`), ``);

    const result = await runCli([`status`], {cwd: repo.dir});

    assert.match(result.stdout, /refs\/maestro\/main is locked.*rm '.*main\.lock'/);
  });
});
