import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {aHandoff} from '../handoff/handoffs.ts';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {createMission, maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {runCli} from '../helpers/runCli.ts';

const STARTED = Date.UTC(2026, 0, 2, 8, 0, 0);
const homes: string[] = [];
after(() => homes.forEach(home => fs.rmSync(home, {recursive: true, force: true})));

/** A home directory holding the session files Claude Code and Codex write. */
function agentHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-home-`));
  homes.push(home);
  fs.mkdirSync(path.join(home, `.claude`, `sessions`), {recursive: true});
  // The in-process command's parent is this test process's parent.
  fs.writeFileSync(path.join(home, `.claude`, `sessions`, `${process.ppid}.json`), JSON.stringify({pid: process.ppid, sessionId: `c7a1-session`, cwd: `/work/app`, startedAt: STARTED}));
  const day = path.join(home, `.codex`, `sessions`, `2026`, `01`, `02`);
  fs.mkdirSync(day, {recursive: true});
  fs.writeFileSync(path.join(day, `rollout-2026-01-02T03-04-05-019a-thread-77.jsonl`), ``);
  fs.writeFileSync(path.join(day, `rollout-2026-01-02T03-04-05-other.jsonl`), ``);
  return home;
}

/** The environment of an agent with nothing set by hand (no MAESTRO_AGENT, no MAESTRO_SESSION). */
// undefined unsets runCli's default MAESTRO_AGENT and MAESTRO_SESSION; the helpers' type only takes strings.
const agentEnv = (home: string, extra: Record<string, string>) => ({HOME: home, MAESTRO_AGENT: undefined, MAESTRO_SESSION: undefined, ...extra}) as unknown as Record<string, string>;

describe(`maestro session`, () => {
  const {initialised} = missionRepos();

  it(`describes a Claude Code session from its session file, and the identity commits record`, async () => {
    const repo = await initialised();
    const home = agentHome();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`session`], {env: agentEnv(home, {CLAUDECODE: `1`})});

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      `Agent:     claude-code`, `Session:   c7a1-session`, `Source:    ${path.join(home, `.claude`, `projects`, `-work-app`, `c7a1-session.jsonl`)}`,
      `Started:   ${new Date(STARTED).toLocaleString()}`, `Commits:   Maestro-Agent: claude-code, Maestro-Session: c7a1-session`, ``,
    ].join(`\n`));
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`finds a Codex session by its thread id prefix, as {session, identity} with --json`, async () => {
    const repo = await initialised();
    const home = agentHome();

    const view = parseJson(await maestro(repo, [`session`, `--json`], {env: agentEnv(home, {CODEX_THREAD_ID: `019a-thread`})}));

    assert.deepEqual(view, {
      session: {agent: `codex`, sessionId: `019a-thread-77`, sourcePath: path.join(home, `.codex`, `sessions`, `2026`, `01`, `02`, `rollout-2026-01-02T03-04-05-019a-thread-77.jsonl`), startedAt: new Date(2026, 0, 2, 3, 4, 5).getTime()},
      identity: {agent: `codex`, session: `019a-thread`},
    });
  });

  it(`prints only the session id with -q`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`session`, `-q`], {env: agentEnv(agentHome(), {CLAUDECODE: `1`})});

    assert.deepEqual([result.code, result.stdout, result.stderr], [0, `c7a1-session\n`, ``]);
  });

  it(`runs outside a repository`, async () => {
    const home = agentHome();

    const result = await runCli([`session`, `--quiet`], {cwd: home, env: agentEnv(home, {CODEX_THREAD_ID: `019a-thread-77`})});

    assert.deepEqual([result.code, result.stdout], [0, `019a-thread-77\n`]);
  });

  it(`refuses with exit 1 when no session is detected, naming the identity commits carry`, async () => {
    const repo = await initialised();
    const home = agentHome();

    const result = await maestro(repo, [`session`], {env: {HOME: home}});
    const json = await maestro(repo, [`session`, `--json`], {env: agentEnv(home, {CODEX_THREAD_ID: `no-such-thread`})});

    assert.equal(result.code, 1);
    assert.equal(result.stdout, ``);
    assert.equal(result.stderr, `maestro: no session detected; hint: run inside Claude Code or Codex (maestro reads CLAUDECODE and CODEX_THREAD_ID); state commits are signed agent test-agent, session test-session (MAESTRO_AGENT, MAESTRO_SESSION)\n`);
    assert.equal(json.code, 1);
    assert.equal(JSON.parse(json.stderr).error.code, `E_CHECK_FAILED`);
  });

  it(`exits 1 silently with -q when no session is detected`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`session`, `-q`], {env: {HOME: agentHome()}});

    assert.deepEqual([result.code, result.stdout, result.stderr], [1, ``, ``]);
  });

  it(`refuses an unknown flag or a stray argument with exit 2`, async () => {
    const repo = await initialised();

    const flag = await maestro(repo, [`session`, `--all`]);
    const word = await maestro(repo, [`session`, `now`]);

    assert.deepEqual([flag.code, word.code], [2, 2]);
    assert.equal(flag.stderr, `maestro: Unsupported option name ("--all") (run \`maestro session --help\`)\n`);
    assert.match(word.stderr, /^maestro: .*\(run `maestro session --help`\)\n$/);
  });
});

describe(`agent and session identity in commits and handoffs`, () => {
  it(`records Claude Code's session id from its session file, not the host`, async () => {
    const repo = makeGitRepo();
    const env = agentEnv(agentHome(), {CLAUDECODE: `1`});

    await maestro(repo, [`init`], {env});
    const handoff = await aHandoff(repo, [], env);

    assert.match(repo.git([`log`, `-1`, `--format=%b`, `refs/maestro/main`]), /^Maestro-Agent: claude-code\nMaestro-Session: c7a1-session\n/);
    assert.deepEqual([handoff.agent, handoff.session], [`claude-code`, `c7a1-session`]);
    repo.cleanup();
  });

  it(`uses agent: of .maestro/config.yaml when nothing else names the agent, after --agent, MAESTRO_AGENT and detection`, async () => {
    const repo = makeGitRepo();
    await maestro(repo, [`init`]);
    fs.appendFileSync(path.join(repo.dir, `.maestro`, `config.yaml`), `agent: "reviewer-bot"  # who acts here\n`);
    const nobody = {MAESTRO_AGENT: undefined} as unknown as Record<string, string>;
    const agentOf = async (argv: string[], env: Record<string, string>) => {
      const result = await maestro(repo, argv, {env});
      assert.equal(result.code, 0, result.stderr);
      return /^Maestro-Agent: (\S+)$/m.exec(repo.git([`log`, `-1`, `--format=%b`, `refs/maestro/main`]))![1];
    };

    const configured = await agentOf([`principle`, `remove`, `simplicity-first`], nobody);
    const detected = await agentOf([`principle`, `remove`, `surgical-changes`], {...nobody, GEMINI_CLI: `1`});
    const named = await agentOf([`principle`, `remove`, `goal-driven-execution`], {MAESTRO_AGENT: `codex`, GEMINI_CLI: `1`});
    const flagged = await agentOf([`feature`, `update`, `auth-impl`, `--mission`, await createMission(repo), `--status`, `in-progress`, `--agent`, `claude-code`], {MAESTRO_AGENT: `codex`});

    assert.deepEqual([configured, detected, named, flagged], [`reviewer-bot`, `gemini`, `codex`, `claude-code`]);
    repo.cleanup();
  });
});
