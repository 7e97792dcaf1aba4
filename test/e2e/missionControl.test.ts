import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {gitEnv, type GitRepo} from '../helpers/gitRepo.ts';
import {missionRepos} from '../helpers/missions.ts';

// The shipped dashboard in a real terminal: tmux runs `maestro mission-control` from dist/, another
// process writes the state with the real CLI, and the pane (capture-pane) must follow.
const bin = path.join(fileURLToPath(import.meta.url), `..`, `..`, `..`, `dist`, `maestro.cjs`);
const socket = `maestro-mc-${process.pid}`;
const repos = missionRepos();
const env = {...gitEnv(), LANG: `C.UTF-8`, MAESTRO_AGENT: `e2e`, TERM: `xterm-256color`};

function tmux(args: string[]): string {
  const result = spawnSync(`tmux`, [`-L`, socket, ...args], {encoding: `utf8`, env});
  if (result.status !== 0) throw new Error(`tmux ${args.join(` `)}: ${result.stderr}`);
  return result.stdout;
}

const screen = () => tmux([`capture-pane`, `-p`, `-t`, `mc`]);

/** Polls the pane until `pattern` shows, and returns how long that took (ms). */
async function waitFor(pattern: RegExp, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (pattern.test(screen())) return performance.now() - start;
    await sleep(25);
  }
  throw new Error(`the pane never showed ${pattern}:\n${screen()}`);
}

function maestro(repo: GitRepo, args: string[], agent = `e2e`): string {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: repo.dir, encoding: `utf8`, env: {...env, MAESTRO_AGENT: agent}});
  if (result.status !== 0) throw new Error(`maestro ${args.join(` `)}: ${result.stderr}`);
  return result.stdout;
}

/** User plus system CPU time of a process so far, in ms (from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, `utf8`).split(`) `)[1]!.split(` `);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

describe(`maestro mission-control in a terminal`, () => {
  let repo: GitRepo;
  let missionId: string;
  before(async () => {
    ({repo, missionId} = await repos.withMission());
    maestro(repo, [`mission`, `approve`, missionId]);
  });
  after(() => spawnSync(`tmux`, [`-L`, socket, `kill-server`], {env}));

  it(`follows a write from another process within a second, idles at near zero CPU, redraws on resize, and quits with q`, async () => {
    tmux([`-u`, `new-session`, `-d`, `-s`, `mc`, `-x`, `120`, `-y`, `40`, `-c`, repo.dir, `${process.execPath} ${bin} mission-control; echo EXITED rc=$?; sleep 30`]);
    await waitFor(/┌─ Mission Control · Add authentication .* APPROVED · state/);
    assert.match(screen(), /│ \[1 Dashboard\] 2 Features/);
    const pid = Number(spawnSync(`pgrep`, [`-f`, `^${process.execPath} ${bin} mission-control$`], {encoding: `utf8`}).stdout.trim().split(`\n`)[0]);

    const idleFrom = cpuMs(pid);
    await sleep(1500);
    const idle = cpuMs(pid) - idleFrom;
    maestro(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`], `codex`);
    const tipAfterWrite = repo.git([`rev-parse`, `refs/maestro/main`]).trim();
    const redrawMs = await waitFor(/auth-impl moved to in-progress/);

    assert.ok(idle <= 60, `${idle} ms of CPU in 1.5 s of idling`);
    assert.ok(redrawMs < 1000, `redrawn after ${Math.round(redrawMs)} ms`);
    assert.match(screen(), /RUNNING · state [0-9a-f]{7}/);
    assert.match(screen(), /▶ codex active \(auth-impl\)/);

    tmux([`send-keys`, `-t`, `mc`, `Tab`]);
    await waitFor(/\[2 Features\]/);
    assert.match(screen(), /│ ›▶ in-progress +auth-impl +Implement the auth flow +codex +codex /);
    tmux([`send-keys`, `-t`, `mc`, `j`]);
    await waitFor(/│ ›○ pending +auth-plan/);

    tmux([`resize-window`, `-t`, `mc`, `-x`, `70`, `-y`, `20`]);
    await waitFor(/Current: 70x20/);
    assert.match(screen(), /Terminal too small/);
    tmux([`resize-window`, `-t`, `mc`, `-x`, `120`, `-y`, `40`]);
    await waitFor(/\[2 Features\]/);

    tmux([`send-keys`, `-t`, `mc`, `q`]);
    await waitFor(/EXITED rc=0/);
    assert.equal(repo.git([`rev-parse`, `refs/maestro/main`]).trim(), tipAfterWrite);
  });
});
