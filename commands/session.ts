import {Command, Option} from 'clipanion';
import {CheckFailedError} from '../lib/errors.ts';
import {MaestroCommand} from './base.ts';

export class SessionCommand extends MaestroCommand {
  static paths = [[`session`]];
  static usage = Command.Usage({
    category: `Agents`,
    description: `detect the current agent session`,
    details: `
      Reads the environment only: inside Claude Code (\`CLAUDECODE=1\`) its session file \`~/.claude/sessions/<pid>.json\`, inside Codex (\`CODEX_THREAD_ID\`) its \`~/.codex/sessions/**/rollout-<time>-<id>.jsonl\`. Prints the agent, the session id, the session's transcript and when it started, then the identity maestro records in every state commit's trailers and in handoffs (\`--agent\`, \`MAESTRO_AGENT\`, the detected agent, \`agent:\` in .maestro/config.yaml, else unknown; \`MAESTRO_SESSION\`, else the agent's session). No session detected: exit 1 (\`-q\` prints nothing). Writes nothing and works outside a repository.
    `,
    examples: [[`Show the session`, `$0 session`], [`Only the session id, for scripts`, `$0 session -q`], [`As JSON`, `$0 session --json`]],
  });

  quiet = Option.Boolean(`-q,--quiet`, false, {description: `Print only the session id; exit 1 silently when none is detected`});
  json = Option.Boolean(`--json`, false, {description: `Print {session, identity} as one JSON document`});

  async run() {
    const {describeSession, SessionView} = await import('../lib/session/describeSession.ts');
    let view;
    try {
      view = describeSession({env: this.context.env, openWorkspace: () => this.context.openWorkspace()});
    } catch (error) {
      if (this.quiet && error instanceof CheckFailedError) return 1;
      throw error;
    }
    if (this.quiet) return void this.context.stdout.write(`${view.session.sessionId}\n`);
    this.print(SessionView, view, v => [
      `Agent:     ${v.session.agent}`, `Session:   ${v.session.sessionId}`, `Source:    ${v.session.sourcePath}`,
      ...(v.session.startedAt !== undefined ? [`Started:   ${new Date(v.session.startedAt).toLocaleString()}`] : []),
      `Commits:   Maestro-Agent: ${v.identity.agent}, Maestro-Session: ${v.identity.session}`,
    ].join(`\n`));
  }
}
