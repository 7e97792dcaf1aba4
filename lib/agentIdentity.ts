import {os} from './lazyBuiltins.ts';

export interface AgentIdentity {
  agent: string;
  session: string;
}

/**
 * Who is acting (SPEC.md, "Agent identity"): `--agent`, then MAESTRO_AGENT, then the agent CLI the
 * environment shows (Claude Code, Codex, Gemini CLI), else `unknown`. The session is MAESTRO_SESSION,
 * then the agent's own session id, else the host and the parent process (the agent's shell).
 */
export function resolveAgentIdentity(env: Record<string, string | undefined>, flag?: string, parentPid = process.ppid): AgentIdentity {
  const detected = env.CLAUDECODE === `1` || env.CLAUDE_CODE_ENTRYPOINT ? `claude-code`
    : env.CODEX_THREAD_ID || env.CODEX_SANDBOX || env.CODEX_HOME ? `codex`
    : env.GEMINI_CLI === `1` || env.GEMINI_CLI_IDE_SERVER_PORT ? `gemini`
    : undefined;
  const agent = normalise(flag) ?? normalise(env.MAESTRO_AGENT) ?? detected ?? `unknown`;
  const session = normalise(env.MAESTRO_SESSION) ?? normalise(env.CODEX_THREAD_ID) ?? normalise(env.CLAUDE_SESSION_ID) ?? `${os().hostname()}-${parentPid}`;
  return {agent, session};
}

function normalise(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
