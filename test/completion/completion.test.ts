import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {COMMAND_TABLE} from '../../commands/table.ts';
import {runCli} from '../helpers/runCli.ts';

const bin = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`, `dist`, `maestro.cjs`);
const ZSH = `/usr/bin/zsh`;

describe(`maestro completion bash`, () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-completion-`));
    // The shipped bundle (scripts/test.mjs builds it): its per-command bundle must carry every command.
    const shipped = spawnSync(process.execPath, [bin, `completion`, `bash`], {encoding: `utf8`});
    assert.equal(shipped.status, 0, shipped.stderr);
    script = path.join(dir, `maestro.bash`);
    fs.writeFileSync(script, shipped.stdout);
  });
  after(() => fs.rmSync(dir, {recursive: true, force: true}));

  /** What bash's completion offers for the command line `words`, the last one being completed. */
  const complete = (...words: string[]): string[] => {
    const line = [`maestro`, ...words].map(word => `'${word}'`).join(` `);
    const result = spawnSync(`bash`, [`--norc`, `--noprofile`, `-c`, `source "$1"; COMP_WORDS=(${line}); COMP_CWORD=${words.length}; _maestro; printf '%s\\n' "\${COMPREPLY[@]}"`, `bash`, script], {encoding: `utf8`});
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split(`\n`).filter(word => word !== ``);
  };

  it(`is what the source prints, and registers _maestro for maestro`, async () => {
    const source = await runCli([`completion`, `bash`], {cwd: dir});
    const registered = spawnSync(`bash`, [`--norc`, `-c`, `source "$1"; complete -p maestro`, `bash`, script], {encoding: `utf8`});

    assert.equal(source.code, 0);
    assert.equal(fs.readFileSync(script, `utf8`), source.stdout);
    assert.equal(registered.stdout.trim(), `complete -o default -F _maestro maestro`);
  });

  it(`completes command words, then the subcommands of a group`, () => {
    assert.deepEqual(complete(`fea`), [`feature`]);
    assert.deepEqual(complete(`feature`, `u`), [`update`]);
    assert.deepEqual(complete(`memory-c`).sort(), [`memory-compile`, `memory-correct`]);
  });

  it(`offers every command of the table`, () => {
    const top = complete(``);
    const missing = COMMAND_TABLE.flatMap(entry => entry.paths).filter(commandPath =>
      commandPath.length === 1 ? !top.includes(commandPath[0]!) : !complete(commandPath[0]!, ``).includes(commandPath[1]!));

    assert.deepEqual(missing, []);
  });

  it(`completes a command's options after its positional arguments`, () => {
    assert.deepEqual(complete(`feature`, `update`, `auth-impl`, `--mi`), [`--mission`]);
    assert.deepEqual(complete(`handoff`, `pickup`, `--c`), [`--claim`]);
    assert.deepEqual(complete(`status`, ``), [`--json`, `--help`]);
    assert.deepEqual(complete(`conflicts`, `--a`), [`--all`]);
  });

  it(`offers the fixed values of a positional and leaves an option's value to bash`, () => {
    assert.deepEqual(complete(`completion`, ``), [`bash`, `zsh`]);
    assert.deepEqual(complete(`feature`, `update`, `auth-impl`, `--mission`, ``), []);
    assert.deepEqual(complete(`no-such-command`, ``), []);
  });
});

describe(`maestro completion zsh`, () => {
  it(`defines _maestro with each command's options and descriptions for compdef`, async () => {
    const result = await runCli([`completion`, `zsh`], {cwd: os.tmpdir()});

    assert.equal(result.code, 0);
    assert.match(result.stdout, /^#compdef maestro\n/);
    assert.match(result.stdout, /\n {4}'feature update'\) _arguments -s '--mission\[Mission id \(or a unique prefix\)\]:value: ' .*'\*:argument:_files' ;;\n/);
    assert.match(result.stdout, /\n {4}'completion'\) _arguments -s .*'1:<shell>:\(bash zsh\)' ;;\n/);
    assert.match(result.stdout, /'handoff:create, list, show, pickup, complete, replay'/);
    assert.match(result.stdout, /\nif \(\( \$\+functions\[compdef\] \)\); then compdef _maestro maestro; fi\n$/);
  });

  it(`loads in a real zsh and registers itself with compinit`, {skip: fs.existsSync(ZSH) ? false : `${ZSH} is not installed: the script text is tested above`}, async () => {
    const {stdout} = await runCli([`completion`, `zsh`], {cwd: os.tmpdir()});
    const file = path.join(os.tmpdir(), `maestro-${process.pid}.zsh`);
    fs.writeFileSync(file, stdout);

    const result = spawnSync(ZSH, [`-f`, `-c`, `autoload -U compinit && compinit -u -D && source "$1" && print -r -- $_comps[maestro]`, `zsh`, file], {encoding: `utf8`});
    fs.rmSync(file, {force: true});

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), `_maestro`);
  });

  it(`refuses another shell with exit 2 and one line`, async () => {
    const result = await runCli([`completion`, `fish`], {cwd: os.tmpdir()});

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: no completion for shell "fish"; hint: use \`maestro completion bash\` or \`maestro completion zsh\`\n`);
  });
});
