import {genericSkill} from './genericSkill.ts';

/** The worker skill for `workerType: claude-code` (Anthropic Claude Code). */
export const claudeCodeSkill = `${genericSkill}
## Notes for Claude Code

- Run maestro through the Bash tool. To avoid a permission prompt on every call, the project can allow
  \`Bash(maestro:*)\` in \`.claude/settings.json\`.
- Track the Verification Steps in your todo list and tick each one off only after you ran it.
- If you delegate to subagents, they report to you; you alone update the feature, the assertions and
  the handoff in maestro.
`;
