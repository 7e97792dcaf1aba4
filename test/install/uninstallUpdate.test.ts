import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {renderInstructionBlock} from '../../lib/install/instructionBlock.ts';
import {MAESTRO_VERSION} from '../../lib/install/installInstructions.ts';
import {runCli} from '../helpers/runCli.ts';
import {installPlaces} from './places.ts';

const BLOCK = renderInstructionBlock(MAESTRO_VERSION);
const OLD_BLOCK = `<!-- maestro:start -->\n<!-- maestro 0.0.1: written by \`maestro install\` -->\nmaestro status\n<!-- maestro:end -->`;
type Entry = {agent: string; action: string; written: boolean};

const {makeHome, makeRepo} = installPlaces();
const cli = (args: string[], home: string, cwd = home) => runCli(args, {cwd, env: {HOME: home}});
const actions = (stdout: string) => (JSON.parse(stdout).agents as Entry[]).map(entry => [entry.agent, entry.action]);

describe(`maestro uninstall`, () => {
  it(`after install, gives back every file as it was: hand-written text kept, a file install created removed`, async () => {
    const home = makeHome(`.claude`, `.codex`, `.gemini`);
    const mine = path.join(home, `.claude`, `CLAUDE.md`);
    fs.writeFileSync(mine, `# Mine\n\nUse tabs.\n`);
    await cli([`install`], home);

    const first = await cli([`uninstall`, `--json`], home);
    const second = await cli([`uninstall`, `--json`], home);

    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(actions(first.stdout), [[`Claude Code`, `removed`], [`Codex`, `removed`], [`Gemini CLI`, `removed`]]);
    assert.equal(fs.readFileSync(mine, `utf8`), `# Mine\n\nUse tabs.\n`);
    assert.deepEqual(fs.readdirSync(path.join(home, `.codex`)), []);
    assert.deepEqual(actions(second.stdout), [[`Claude Code`, `not-found`], [`Codex`, `not-found`], [`Gemini CLI`, `not-found`]]);
  });

  it(`removes the block through a symlink from the real file and leaves the link`, async () => {
    const home = makeHome(`.claude`, `.codex`);
    const real = path.join(home, `.claude`, `CLAUDE.md`);
    fs.writeFileSync(real, `# Shared\n`);
    fs.symlinkSync(real, path.join(home, `.codex`, `AGENTS.md`));
    await cli([`install`], home);

    const result = await cli([`uninstall`, `--json`], home);

    assert.deepEqual(actions(result.stdout), [[`Claude Code`, `removed`], [`Codex`, `linked`], [`Gemini CLI`, `not-detected`]]);
    assert.equal(fs.readFileSync(real, `utf8`), `# Shared\n`);
    assert.ok(fs.lstatSync(path.join(home, `.codex`, `AGENTS.md`)).isSymbolicLink());
  });

  it(`--project --dry-run prints the diff and writes nothing; --project then removes exactly the block`, async () => {
    const home = makeHome();
    const repo = makeRepo();
    const agents = path.join(repo.dir, `AGENTS.md`);
    fs.writeFileSync(agents, `# Team rules\n`);
    await cli([`install`, `--project`], home, repo.dir);
    const installed = fs.readFileSync(agents, `utf8`);

    const dryRun = await cli([`uninstall`, `--project`, `--dry-run`], home, repo.dir);
    const unchanged = fs.readFileSync(agents, `utf8`);
    const result = await cli([`uninstall`, `--project`, `--json`], home, repo.dir);

    assert.match(dryRun.stdout, /^\[dry-run\] 3 block\(s\) would be removed; nothing written$/m);
    assert.match(dryRun.stdout, new RegExp(`^--- ${path.join(repo.dir, `CLAUDE.md`)}\n\\+\\+\\+ /dev/null$`, `m`));
    assert.equal(unchanged, installed);
    assert.equal(result.code, 0);
    assert.equal(fs.readFileSync(agents, `utf8`), `# Team rules\n`);
    assert.ok(!fs.existsSync(path.join(repo.dir, `CLAUDE.md`)) && !fs.existsSync(path.join(repo.dir, `GEMINI.md`)));
  });
});

describe(`maestro update`, () => {
  it(`refreshes outdated blocks in agent files and in the repository files that hold one, and says how to upgrade`, async () => {
    const home = makeHome(`.codex`);
    const repo = makeRepo();
    fs.writeFileSync(path.join(home, `.codex`, `AGENTS.md`), `# Codex\n\n${OLD_BLOCK}\n`);
    fs.writeFileSync(path.join(repo.dir, `AGENTS.md`), `${OLD_BLOCK}\n\n# Project\n`);
    fs.writeFileSync(path.join(repo.dir, `CLAUDE.md`), `# No block here\n`);

    const result = await cli([`update`, `--json`], home, repo.dir);

    const view = JSON.parse(result.stdout);
    const root = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(actions(result.stdout), [[`Claude Code`, `not-detected`], [`Codex`, `updated`], [`Gemini CLI`, `not-detected`], [`AGENTS.md`, `updated`]]);
    assert.equal(fs.readFileSync(path.join(home, `.codex`, `AGENTS.md`), `utf8`), `# Codex\n\n${BLOCK}\n`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `AGENTS.md`), `utf8`), `${BLOCK}\n\n# Project\n`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `CLAUDE.md`), `utf8`), `# No block here\n`);
    assert.equal(view.upgrade.packageRoot, root);
    assert.match(view.upgrade.command, /npm ci && npm run build && npm install -g \. && maestro update$/);
  });

  it(`prints the upgrade command after the agent lines`, async () => {
    const home = makeHome(`.gemini`);

    const result = await cli([`update`], home);

    assert.equal(result.code, 0);
    assert.match(result.stdout, /^\[ok\] instruction blocks refreshed to maestro \S+\n {2}Claude Code: not-detected/);
    assert.match(result.stdout, /\n\nTo upgrade maestro itself: .*npm run build.*\n$/);
    assert.equal(fs.readFileSync(path.join(home, `.gemini`, `GEMINI.md`), `utf8`), `${BLOCK}\n`);
  });
});
