import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {configuredAgent, resolveAgentIdentity} from '../../lib/agentIdentity.ts';
import {detectClaudeSession, detectCodexSession, detectSession} from '../../lib/session/detectSession.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-home-`));
after(() => fs.rmSync(home, {recursive: true, force: true}));
const writeClaude = (pid: number, record: object) => {
  fs.mkdirSync(path.join(home, `.claude`, `sessions`), {recursive: true});
  fs.writeFileSync(path.join(home, `.claude`, `sessions`, `${pid}.json`), JSON.stringify(record));
};

describe(`detectSession`, () => {
  it(`walks up from the parent to the Claude Code process that wrote the session file`, {skip: !fs.existsSync(`/proc/self/stat`)}, () => {
    writeClaude(process.ppid, {pid: process.ppid, sessionId: `s-1`, cwd: `/a/b`, startedAt: 5});

    const session = detectClaudeSession(home, process.pid);

    assert.deepEqual(session, {agent: `claude-code`, sessionId: `s-1`, sourcePath: path.join(home, `.claude`, `projects`, `-a-b`, `s-1.jsonl`), startedAt: 5});
  });

  it(`ignores a session file without sessionId, cwd or startedAt`, () => {
    writeClaude(999_991, {pid: 999_991, sessionId: `s-2`, startedAt: 5});

    assert.equal(detectClaudeSession(home, 999_991), undefined);
  });

  it(`reads Claude Code only with CLAUDECODE=1, and Codex only with CODEX_THREAD_ID`, () => {
    writeClaude(999_992, {pid: 999_992, sessionId: `s-3`, cwd: `/x`, startedAt: 1});

    assert.equal(detectSession({env: {HOME: home}, parentPid: 999_992}), undefined);
    assert.equal(detectSession({env: {HOME: home, CLAUDECODE: `1`}, parentPid: 999_992})?.sessionId, `s-3`);
  });

  it(`keeps only a rollout whose id is the thread id or starts with it`, () => {
    const day = path.join(home, `.codex`, `sessions`, `2026`, `03`, `04`);
    fs.mkdirSync(day, {recursive: true});
    fs.writeFileSync(path.join(day, `rollout-2026-03-04T05-06-07-ab-cd.jsonl`), ``);
    fs.writeFileSync(path.join(day, `notes-ab.jsonl`), ``);

    assert.equal(detectCodexSession(home, `ab`)?.sessionId, `ab-cd`);
    assert.equal(detectCodexSession(home, `cd`), undefined);
    assert.equal(detectCodexSession(path.join(home, `nowhere`), `ab`), undefined);
  });
});

describe(`resolveAgentIdentity`, () => {
  it(`takes --agent, then MAESTRO_AGENT, then the detected agent, then the configured one, else unknown`, () => {
    const config = () => `configured`;

    assert.equal(resolveAgentIdentity({MAESTRO_AGENT: `env`, CLAUDECODE: `1`, HOME: home}, `flag`, 1, config).agent, `flag`);
    assert.equal(resolveAgentIdentity({MAESTRO_AGENT: `env`, CLAUDECODE: `1`, HOME: home}, undefined, 1, config).agent, `env`);
    assert.equal(resolveAgentIdentity({CODEX_THREAD_ID: `t`}, undefined, 1, config).agent, `codex`);
    assert.equal(resolveAgentIdentity({}, undefined, 1, config).agent, `configured`);
    assert.equal(resolveAgentIdentity({}, undefined, 1).agent, `unknown`);
  });

  it(`takes MAESTRO_SESSION, then Codex's thread, then Claude Code's session file, else host and parent`, () => {
    writeClaude(999_993, {pid: 999_993, sessionId: `s-4`, cwd: `/x`, startedAt: 1});

    assert.equal(resolveAgentIdentity({MAESTRO_SESSION: `m`, CODEX_THREAD_ID: `t`}, undefined, 999_993).session, `m`);
    assert.equal(resolveAgentIdentity({CODEX_THREAD_ID: `t`}, undefined, 999_993).session, `t`);
    assert.equal(resolveAgentIdentity({CLAUDECODE: `1`, HOME: home}, undefined, 999_993).session, `s-4`);
    assert.equal(resolveAgentIdentity({HOME: home}, undefined, 999_993).session, `${os.hostname()}-999993`);
  });
});

describe(`configuredAgent`, () => {
  it(`reads a plain or quoted top-level agent: and drops a comment`, () => {
    assert.equal(configuredAgent(`strictDependencies: false\nagent: codex\n`), `codex`);
    assert.equal(configuredAgent(`agent: 'claude-code' # mine\n`), `claude-code`);
    assert.equal(configuredAgent(`agent: reviewer bot  # a person\n`), `reviewer bot`);
  });

  it(`is undefined when commented out, nested or empty`, () => {
    assert.equal(configuredAgent(`# agent: codex\n`), undefined);
    assert.equal(configuredAgent(`workers:\n  agent: codex\n`), undefined);
    assert.equal(configuredAgent(`agent:\n`), undefined);
  });
});
