import * as z from 'zod/mini';
import {resolveAgentIdentity, type AgentIdentity} from '../agentIdentity.ts';
import {CheckFailedError, RepositoryError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {detectSession, type AgentSession} from './detectSession.ts';

/** What `maestro session --json` prints: the original's `{session}`, plus what maestro signs commits with. */
export const SessionView = z.object({
  session: z.object({agent: z.string(), sessionId: z.string(), sourcePath: z.string(), startedAt: z.optional(z.number())}),
  identity: z.object({agent: z.string(), session: z.string()}),
});
export type SessionView = z.infer<typeof SessionView>;

export interface DescribeSessionRequest {
  env: Record<string, string | undefined>;
  /** The repository around the command, for `agent:` of its config; maestro session also runs outside one. */
  openWorkspace: () => Workspace;
}

/**
 * The agent session maestro runs in (reference-missions §1.3, reference-handoff §2.7), and the
 * identity its state commits and handoffs record (`Maestro-Agent:`, `Maestro-Session:`). Reads
 * only the environment and the agent CLI's own session files; writes nothing.
 * @throws CheckFailedError when no agent session is detected
 */
export function describeSession(request: DescribeSessionRequest): SessionView {
  const session = detectSession({env: request.env});
  const identity = identityOf(request);
  if (!session) {
    throw new CheckFailedError(`no session detected`, {
      hint: `run inside Claude Code or Codex (maestro reads CLAUDECODE and CODEX_THREAD_ID); state commits are signed agent ${identity.agent}, session ${identity.session} (MAESTRO_AGENT, MAESTRO_SESSION)`,
      data: {identity},
    });
  }
  return {session: sessionOf(session), identity};
}

function identityOf(request: DescribeSessionRequest): AgentIdentity {
  try {
    return request.openWorkspace().identity;
  } catch (error) {
    if (error instanceof RepositoryError) return resolveAgentIdentity(request.env);
    throw error;
  }
}

function sessionOf(s: AgentSession): SessionView[`session`] {
  return {agent: s.agent, sessionId: s.sessionId, sourcePath: s.sourcePath, ...(s.startedAt !== undefined ? {startedAt: s.startedAt} : {})};
}
