import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {renderInstructionBlock} from '../../lib/install/instructionBlock.ts';
import {MAESTRO_VERSION} from '../../lib/install/installInstructions.ts';
import {runCli} from '../helpers/runCli.ts';
import {installPlaces} from './places.ts';

const BLOCK = renderInstructionBlock(MAESTRO_VERSION);
type Entry = {agent: string; action: string; configPath: string; realPath: string | null; sameAs: string | null; diff: string | null};

describe(`maestro install`, () => {
  const {makeHome, makeRepo} = installPlaces();
  const install = (args: string[], home: string, cwd = home, env: Record<string, string> = {}) => runCli([`install`, ...args], {cwd, env: {HOME: home, ...env}});
  const entries = (stdout: string): Entry[] => JSON.parse(stdout).agents;
  const action = (stdout: string, agent: string) => entries(stdout).find(entry => entry.agent === agent)?.action;

  it(`writes the block into each agent file whose folder exists and reports the others not-detected`, async () => {
    const home = makeHome(`.claude`, `.codex`);

    const result = await install([`--json`], home);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(entries(result.stdout).map(entry => [entry.agent, entry.action]), [[`Claude Code`, `injected`], [`Codex`, `injected`], [`Gemini CLI`, `not-detected`]]);
    assert.equal(fs.readFileSync(path.join(home, `.claude`, `CLAUDE.md`), `utf8`), `${BLOCK}\n`);
    assert.equal(fs.readFileSync(path.join(home, `.codex`, `AGENTS.md`), `utf8`), `${BLOCK}\n`);
    assert.ok(!fs.existsSync(path.join(home, `.gemini`)));
  });

  it(`changes nothing on a second run (skipped) and passes --check`, async () => {
    const home = makeHome(`.gemini`);
    await install([], home);
    const file = path.join(home, `.gemini`, `GEMINI.md`);
    const before = fs.statSync(file).mtimeMs;

    const again = await install([`--json`], home);
    const check = await install([`--check`], home);

    assert.equal(action(again.stdout, `Gemini CLI`), `skipped`);
    assert.equal(JSON.parse(again.stdout).current, true);
    assert.equal(fs.statSync(file).mtimeMs, before);
    assert.equal(check.code, 0);
    assert.match(check.stdout, /^\[ok\] every instruction block is current/);
  });

  it(`--check exits 1 naming the missing and the outdated block, and writes nothing`, async () => {
    const home = makeHome(`.claude`, `.codex`);
    const old = `<!-- maestro:start -->\n<!-- maestro 0.0.1: written by \`maestro install\` -->\nold\n<!-- maestro:end -->\n`;
    fs.writeFileSync(path.join(home, `.codex`, `AGENTS.md`), old);

    const result = await install([`--check`], home);

    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\[!!\] 2 instruction block\(s\) missing or out of date \(fix: run `maestro install`\)$/m);
    assert.match(result.stdout, /^ {2}Claude Code: would inject /m);
    assert.match(result.stdout, /^ {2}Codex: would update \(.*; was maestro 0\.0\.1\)$/m);
    assert.ok(!fs.existsSync(path.join(home, `.claude`, `CLAUDE.md`)));
    assert.equal(fs.readFileSync(path.join(home, `.codex`, `AGENTS.md`), `utf8`), old);
  });

  it(`--dry-run prints the unified diff of each change and writes nothing`, async () => {
    const home = makeHome(`.claude`);
    const file = path.join(home, `.claude`, `CLAUDE.md`);
    fs.writeFileSync(file, `# Mine\n`);

    const result = await install([`--dry-run`], home);

    assert.equal(result.code, 0);
    assert.match(result.stdout, new RegExp(`^--- ${file}\n\\+\\+\\+ ${file}\n@@ -1,1 \\+1,\\d+ @@\n # Mine\n\\+\n\\+<!-- maestro:start -->$`, `m`));
    assert.equal(fs.readFileSync(file, `utf8`), `# Mine\n`);
  });

  it(`replaces a hand-written block in place and keeps everything around it byte for byte`, async () => {
    const home = makeHome(`.claude`);
    const file = path.join(home, `.claude`, `CLAUDE.md`);
    fs.writeFileSync(file, `# Mine\n\n<!-- maestro:start -->\n## Maestro\nmy own words\n<!-- maestro:end -->\n\n## After\nkeep me\n`);

    const result = await install([`--json`], home);

    assert.equal(action(result.stdout, `Claude Code`), `updated`);
    assert.equal(fs.readFileSync(file, `utf8`), `# Mine\n\n${BLOCK}\n\n## After\nkeep me\n`);
  });

  it(`follows a symlink to the real file, writes it once and leaves the link a link`, async () => {
    const home = makeHome(`.claude`, `.codex`);
    const real = path.join(home, `.claude`, `CLAUDE.md`);
    const link = path.join(home, `.codex`, `AGENTS.md`);
    fs.writeFileSync(real, `# Shared\n`);
    fs.symlinkSync(`../.claude/CLAUDE.md`, link);

    const result = await install([`--json`], home);

    const codex = entries(result.stdout).find(entry => entry.agent === `Codex`)!;
    assert.equal(action(result.stdout, `Claude Code`), `injected`);
    assert.deepEqual([codex.action, codex.realPath, codex.sameAs], [`linked`, real, real]);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, `utf8`), `# Shared\n\n${BLOCK}\n`);
  });

  it(`writes through a link that names a file not yet there, in $CODEX_HOME`, async () => {
    const home = makeHome();
    const codexHome = path.join(home, `codex-home`);
    fs.mkdirSync(path.join(codexHome, `shared`), {recursive: true});
    fs.symlinkSync(`shared/rules.md`, path.join(codexHome, `AGENTS.md`));

    const result = await install([`--json`], home, home, {CODEX_HOME: codexHome});

    assert.equal(action(result.stdout, `Codex`), `injected`);
    assert.equal(fs.readFileSync(path.join(codexHome, `shared`, `rules.md`), `utf8`), `${BLOCK}\n`);
  });

  it(`--project writes the repository's AGENTS.md, CLAUDE.md and GEMINI.md from a subdirectory, once per real file`, async () => {
    const home = makeHome();
    const repo = makeRepo();
    fs.mkdirSync(path.join(repo.dir, `src`));
    fs.symlinkSync(`AGENTS.md`, path.join(repo.dir, `CLAUDE.md`));

    const result = await install([`--project`, `--json`], home, path.join(repo.dir, `src`));

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(entries(result.stdout).filter(entry => entry.agent.endsWith(`.md`)).map(entry => [entry.agent, entry.action]),
      [[`AGENTS.md`, `injected`], [`CLAUDE.md`, `linked`], [`GEMINI.md`, `injected`]]);
    assert.equal(fs.readFileSync(path.join(repo.dir, `AGENTS.md`), `utf8`), `${BLOCK}\n`);
    assert.equal(fs.readFileSync(path.join(repo.dir, `GEMINI.md`), `utf8`), `${BLOCK}\n`);
    assert.ok(fs.lstatSync(path.join(repo.dir, `CLAUDE.md`)).isSymbolicLink());
  });

  it(`changes no file when one of them cannot be written, and says which`, async () => {
    const home = makeHome(`.claude`, `.codex`);
    // Where install stages Codex's new file, a directory: writing it fails after Claude's was staged.
    fs.mkdirSync(path.join(home, `.codex`, `.AGENTS.md.maestro-${process.pid}.tmp`));

    const result = await install([], home);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: cannot write .*\.codex\/AGENTS\.md: EISDIR; nothing was changed; hint: /);
    assert.equal(fs.existsSync(path.join(home, `.claude`, `CLAUDE.md`)), false);
    assert.deepEqual(fs.readdirSync(path.join(home, `.claude`)), []);
  });

  it(`refuses a file with a start marker and no end marker with exit 2 and writes no file`, async () => {
    const home = makeHome(`.claude`, `.codex`);
    const file = path.join(home, `.codex`, `AGENTS.md`);
    fs.writeFileSync(file, `# Mine\n<!-- maestro:start -->\nhalf a block\n`);

    const result = await install([], home);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: ${file} has <!-- maestro:start --> without <!-- maestro:end --> after it; hint: fix or delete the stray marker, then run the command again\n`);
    assert.equal(fs.readFileSync(file, `utf8`), `# Mine\n<!-- maestro:start -->\nhalf a block\n`);
    assert.ok(!fs.existsSync(path.join(home, `.claude`, `CLAUDE.md`)));
  });

  it(`refuses --project outside a repository with exit 2, one line, and writes nothing`, async () => {
    const home = makeHome(`.claude`);

    const result = await install([`--project`], home);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: not inside a git repository \(searched from .*\); hint: run `git init` first, or cd into a repository\n$/);
    assert.ok(!fs.existsSync(path.join(home, `.claude`, `CLAUDE.md`)));
  });
});
