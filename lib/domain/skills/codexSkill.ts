import {genericSkill} from './genericSkill.ts';

/** The worker skill for `workerType: codex` (OpenAI Codex CLI). */
export const codexSkill = `${genericSkill}
## Notes for Codex

- maestro writes to the repository's \`.git\` directory (objects and \`refs/maestro/main\`). If a maestro
  command fails with a permission error under \`.git\`, the sandbox is blocking it: ask for approval to
  run that maestro command outside the sandbox rather than working around it.
- In \`codex exec\` (non-interactive) runs nobody answers questions: decide, and write your reasons
  into the report.
- Finish with the \`feature update … --status review --report …\` call; your final message alone is not
  seen by maestro.
`;
