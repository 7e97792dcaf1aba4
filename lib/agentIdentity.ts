import {os} from './lazyBuiltins.ts';
import {resolveHome} from './resolveHome.ts';
import {detectClaudeSession} from './session/detectSession.ts';

export interface AgentIdentity {
  agent: string;
  session: string;
}

/**
 * Who is acting (SPEC.md, "Agent identity"): `--agent`, then MAESTRO_AGENT, then the agent CLI the
 * environment shows (Claude Code, Codex, Gemini CLI), then `agent:` of `.maestro/config.yaml`
 * (`configured`, read only when needed), else `unknown`. The session is MAESTRO_SESSION, then the
 * agent's own session id (Codex's thread id; Claude Code's session file, as `maestro session` finds
 * it), else the host and the parent process (the agent's shell).
 */
export function resolveAgentIdentity(env: Record<string, string | undefined>, flag?: string, parentPid = process.ppid, configured: () => string | undefined = () => undefined): AgentIdentity {
  const detected = env.CLAUDECODE === `1` || env.CLAUDE_CODE_ENTRYPOINT ? `claude-code`
    : env.CODEX_THREAD_ID || env.CODEX_SANDBOX || env.CODEX_HOME ? `codex`
    : env.GEMINI_CLI === `1` || env.GEMINI_CLI_IDE_SERVER_PORT ? `gemini`
    : undefined;
  const agent = normalise(flag) ?? normalise(env.MAESTRO_AGENT) ?? detected ?? normalise(configured()) ?? `unknown`;
  // The session file is read only when no variable names the session: it costs a few file reads.
  const session = normalise(env.MAESTRO_SESSION) ?? normalise(env.CODEX_THREAD_ID) ?? normalise(env.CLAUDE_SESSION_ID)
    ?? (env.CLAUDECODE === `1` ? detectClaudeSession(resolveHome(env), parentPid)?.sessionId : undefined)
    ?? `${os().hostname()}-${parentPid}`;
  return {agent, session};
}

/**
 * The top-level `agent:` of a `.maestro/config.yaml` text, read without a YAML parser (start-up
 * cost): a plain or quoted scalar, a trailing comment dropped. Undefined when absent or empty.
 */
export function configuredAgent(yamlText: string): string | undefined {
  const line = /^agent:[ \t]*(.*)$/m.exec(yamlText)?.[1]?.trim();
  if (!line) return undefined;
  const quoted = /^(["'])(.*?)\1/.exec(line);
  return normalise(quoted ? quoted[2] : line.replace(/(^|\s)#.*$/, ``));
}

function normalise(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
