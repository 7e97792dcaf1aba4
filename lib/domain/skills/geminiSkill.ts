import {genericSkill} from './genericSkill.ts';

/** The worker skill for `workerType: gemini` (Google Gemini CLI). */
export const geminiSkill = `${genericSkill}
## Notes for Gemini CLI

- Run maestro with the shell tool (\`run_shell_command\`). In sandbox mode maestro must be able to
  write the repository's \`.git\` directory; if it cannot, say so in your report.
- Work through the steps to the end: the \`feature update … --status review --report …\` call is the
  deliverable, not your final chat message.
`;
