import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {nativeScannerSkip} from '../helpers/nativeScanner.ts';
import {runCli} from '../helpers/runCli.ts';

type Check = {name: string; status: string; fix: string | null};

describe(`maestro doctor`, () => {
  const repos: GitRepo[] = [];
  const initialised = async () => {
    const repo = makeGitRepo();
    repos.push(repo);
    await runCli([`init`], {cwd: repo.dir});
    return repo;
  };
  const check = (stdout: string, name: string): Check => JSON.parse(stdout).checks.find((c: Check) => c.name === name);
  after(() => repos.forEach(repo => repo.cleanup()));

  it(`passes every check on a fresh repository`, async () => {
    const repo = await initialised();

    const result = await runCli([`doctor`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stdout);
    const view = JSON.parse(result.stdout);
    assert.equal(view.ok, true);
    assert.deepEqual(view.checks.filter((c: Check) => c.status === `fail`), []);
    assert.equal(check(result.stdout, `fsck`).status, `ok`);
  });

  it(`says status scans a large mirror with the native scanner, or with find and why`, {skip: nativeScannerSkip()}, async () => {
    const repo = await initialised();

    const native = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    const find = await runCli([`doctor`], {cwd: repo.dir, env: {MAESTRO_NATIVE_SCAN: `0`}});

    assert.deepEqual(check(native.stdout, `scan`), {name: `scan`, status: `ok`, detail: `status lists what changed in a large .maestro/ with the native scanner`, fix: null});
    assert.match(find.stdout, /^ok +scan +status lists what changed in a large \.maestro\/ with find \(MAESTRO_NATIVE_SCAN=0\), which costs it about 15 ms more$/m);
  });

  it(`fails before init and names the command that fixes it`, async () => {
    const repo = makeGitRepo();
    repos.push(repo);

    const result = await runCli([`doctor`], {cwd: repo.dir});

    assert.equal(result.code, 1);
    assert.match(result.stdout, /^fail +state +refs\/maestro\/main does not exist +\(fix: run `maestro init`\)$/m);
  });

  it(`finds a lock left by a dead maestro process and removes it with --fix`, async () => {
    const repo = await initialised();
    const lock = path.join(repo.dir, `.git`, `refs`, `maestro`, `main.lock`);
    fs.writeFileSync(lock, `maestro-lock pid 999999 host ${os.hostname()}\n`);

    const found = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});

    assert.equal(found.code, 1);
    assert.equal(check(found.stdout, `lock`).status, `fail`);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.equal(check(fixed.stdout, `lock`).status, `fixed`);
    assert.ok(!fs.existsSync(lock));
  });

  it(`finds a stale mirror and brings it up to date with --fix`, async () => {
    const repo = await initialised();
    await runCli([`state`, `put`, `notes/a.json`, `{"a":1}`], {cwd: repo.dir});
    fs.writeFileSync(path.join(repo.dir, `.maestro`, `.mirror`), `${`0`.repeat(40)} ${`0`.repeat(40)}\n`);

    const found = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});

    assert.equal(check(found.stdout, `mirror`).status, `fail`);
    assert.equal(check(fixed.stdout, `mirror`).status, `fixed`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `.maestro`, `.mirror`), `utf8`).split(` `)[0], repo.git([`rev-parse`, `refs/maestro/main`]).trim());
  });

  it(`warns when a remote does not carry the state on a plain git fetch`, async () => {
    const repo = await initialised();
    repo.git([`remote`, `add`, `origin`, `/nonexistent/remote.git`]);

    const result = await runCli([`doctor`, `--json`], {cwd: repo.dir});

    const remotes = check(result.stdout, `remotes`);
    assert.equal(remotes.status, `warn`);
    assert.equal(remotes.fix, `run \`maestro remote setup origin\``);
  });

  it(`finds .maestro/ stale after plain git moved the state ref, and --fix materializes the new commit`, async () => {
    const repo = await initialised();
    const tip = repo.git([`rev-parse`, `refs/maestro/main`]).trim();
    const blob = repo.git([`hash-object`, `-w`, `--stdin`], {input: `{"moved":"by git"}\n`}).trim();
    const tree = repo.git([`mktree`], {input: `${repo.git([`ls-tree`, tip])}100644 blob ${blob}\tplanted.json\n`}).trim();
    const moved = repo.git([`commit-tree`, tree, `-p`, tip, `-m`, `planted`]).trim();
    repo.git([`update-ref`, `refs/maestro/main`, moved, tip]);

    const found = await runCli([`doctor`], {cwd: repo.dir});
    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});

    assert.equal(found.code, 1);
    assert.match(found.stdout, /^fail +mirror +\.maestro\/ is stale .* +\(fix: run `maestro doctor --fix`/m);
    assert.equal(check(fixed.stdout, `mirror`).status, `fixed`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `.maestro`, `planted.json`), `utf8`), `{"moved":"by git"}\n`);
  });

  it(`warns about an instruction block edited after install --project and names maestro update`, async () => {
    const repo = await initialised();
    await runCli([`install`, `--project`], {cwd: repo.dir});
    const agents = path.join(repo.dir, `AGENTS.md`);
    fs.writeFileSync(agents, fs.readFileSync(agents, `utf8`).replace(`## Maestro`, `## Maestro, edited`));

    const found = await runCli([`doctor`, `--json`], {cwd: repo.dir});
    await runCli([`update`], {cwd: repo.dir});
    const after = await runCli([`doctor`, `--json`], {cwd: repo.dir});

    assert.equal(found.code, 0);
    assert.deepEqual(check(found.stdout, `blocks`), {name: `blocks`, status: `warn`, detail: `instruction blocks out of date: AGENTS.md (edited by hand)`, fix: `run \`maestro update\``});
    assert.equal(check(after.stdout, `blocks`).status, `ok`);
  });

  it(`warns about a detected agent without a block and names maestro install`, async () => {
    const repo = await initialised();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-home-`));
    fs.mkdirSync(path.join(home, `.codex`));

    const result = await runCli([`doctor`, `--json`], {cwd: repo.dir, env: {HOME: home}});
    fs.rmSync(home, {recursive: true, force: true});

    assert.deepEqual(check(result.stdout, `blocks`), {name: `blocks`, status: `warn`, detail: `instruction blocks missing: ~/.codex/AGENTS.md`, fix: `run \`maestro install\``});
  });

  it(`with every fault planted, --fix mends the lock and the mirror and leaves the rest as warnings with their fix`, async () => {
    const repo = await initialised();
    await runCli([`install`, `--project`], {cwd: repo.dir});
    fs.writeFileSync(path.join(repo.dir, `CLAUDE.md`), `<!-- maestro:start -->\nold\n<!-- maestro:end -->\n`);
    repo.git([`remote`, `add`, `origin`, `/nonexistent/remote.git`]);
    fs.writeFileSync(path.join(repo.dir, `.git`, `refs`, `maestro`, `main.lock`), `maestro-lock pid 999999 host ${os.hostname()}\n`);
    fs.writeFileSync(path.join(repo.dir, `.maestro`, `.mirror`), `${`0`.repeat(40)} ${`0`.repeat(40)}\n`);

    const fixed = await runCli([`doctor`, `--fix`, `--json`], {cwd: repo.dir});
    const again = await runCli([`doctor`], {cwd: repo.dir});

    assert.equal(fixed.code, 0, fixed.stdout);
    assert.deepEqual([`lock`, `mirror`, `remotes`, `blocks`].map(name => check(fixed.stdout, name).status), [`fixed`, `fixed`, `warn`, `warn`]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^warn +blocks +instruction blocks out of date: CLAUDE\.md \(not written by maestro\) +\(fix: run `maestro update`\)$/m);
    assert.match(again.stdout, /^warn +remotes +.* +\(fix: run `maestro remote setup origin`\)$/m);
  });
});
