import * as fs from 'node:fs';
import * as path from 'node:path';
import {resolveHome} from '../resolveHome.ts';

/** An agent CLI's own session (reference-missions §2.9): `startedAt` in epoch milliseconds. */
export interface AgentSession {
  agent: string;
  sessionId: string;
  sourcePath: string;
  startedAt?: number;
}

export interface DetectOptions {
  env: Record<string, string | undefined>;
  /** The process that started maestro; its ancestors are tried after it (Linux). */
  parentPid?: number;
}


/** How many processes up from maestro the Claude Code session file is looked for. */
const MAX_ANCESTORS = 4;

/**
 * The session of the agent CLI maestro runs under, from the environment only (reference-handoff
 * §2.7): Claude Code (`CLAUDECODE=1`, its `~/.claude/sessions/<pid>.json`), then Codex
 * (`CODEX_THREAD_ID`, its `~/.codex/sessions/**\/rollout-<time>-<id>.jsonl`). Undefined when none is
 * found; unreadable files count as none.
 */
export function detectSession(options: DetectOptions): AgentSession | undefined {
  const home = resolveHome(options.env);
  if (options.env.CLAUDECODE === `1`) {
    const claude = detectClaudeSession(home, options.parentPid ?? process.ppid);
    if (claude) return claude;
  }
  const thread = options.env.CODEX_THREAD_ID?.trim();
  return thread ? detectCodexSession(home, thread) : undefined;
}

/**
 * Claude Code writes `~/.claude/sessions/<pid>.json` (`{pid, sessionId, cwd, startedAt}`) for each
 * running CLI. Its tool commands run maestro through a shell, so the parent is tried first, then the
 * parent's ancestors. Cheap: one small file per process tried.
 */
export function detectClaudeSession(home: string, parentPid: number): AgentSession | undefined {
  let pid: number | undefined = parentPid;
  for (let depth = 0; pid !== undefined && pid > 1 && depth < MAX_ANCESTORS; depth++) {
    const record = readJson(path.join(home, `.claude`, `sessions`, `${pid}.json`)) as {sessionId?: unknown; cwd?: unknown; startedAt?: unknown} | undefined;
    if (record && typeof record.sessionId === `string` && record.sessionId && typeof record.cwd === `string` && record.startedAt !== undefined) {
      const startedAt = typeof record.startedAt === `number` ? record.startedAt : Date.parse(String(record.startedAt));
      return {
        agent: `claude-code`, sessionId: record.sessionId,
        sourcePath: path.join(home, `.claude`, `projects`, record.cwd.replace(/\//g, `-`), `${record.sessionId}.jsonl`),
        ...(Number.isFinite(startedAt) ? {startedAt} : {}),
      };
    }
    pid = parentOf(pid);
  }
  return undefined;
}

const ROLLOUT = /^rollout-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(.+)\.jsonl$/;

/** Codex keeps `~/.codex/sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`; the newest match for the thread id wins. */
export function detectCodexSession(home: string, threadId: string): AgentSession | undefined {
  const files: string[] = [];
  collect(path.join(home, `.codex`, `sessions`), name => name.includes(`-${threadId}`) && name.endsWith(`.jsonl`), files);
  for (const file of files.sort().reverse()) {
    const match = ROLLOUT.exec(path.basename(file));
    if (!match) continue;
    const [, year, month, day, hour, minute, second, id] = match.map(String) as [string, string, string, string, string, string, string, string];
    if (id !== threadId && !id.startsWith(threadId)) continue;
    const startedAt = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)).getTime();
    return {agent: `codex`, sessionId: id, sourcePath: file, startedAt};
  }
  return undefined;
}

function collect(dir: string, wanted: (name: string) => boolean, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, wanted, out);
    else if (wanted(entry.name)) out.push(full);
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, `utf8`));
  } catch {
    return undefined;
  }
}

/** The parent of a process from `/proc` (Linux); undefined elsewhere or when it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, `utf8`);
    // The command name (field 2) may hold spaces and parentheses: the fields after the last `)` are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(`)`) + 2).split(` `)[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}
