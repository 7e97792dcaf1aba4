/** `maestro:worker-base`: the handoff protocol every worker prompt carries (reference §6, item 16). */
export const workerBaseSkill = `# Handoff protocol

A handoff passes your session's state to the next session. Create one whenever you stop before the
feature is in review: out of time or context, blocked on a decision, or asked to hand over.

\`\`\`sh
maestro handoff create --mode execute \\
  --session-core <what_this_session_was_doing> \\
  --summary <Outcome-state-risk> \\
  --next-action <first_thing_to_do_next> \\
  --completed <finished_item> --completed <finished_item> \\
  --touched-file <file_path> \\
  --validation <check_that_passed> \\
  --risk <open_risk> --blind-spot <what_you_did_not_check> \\
  --feature-id <feature-id> --mission-id <mission-id> \\
  --confidence-work 0.6 --json
\`\`\`

- Values are short tokens: words joined by \`_\`, six words at most (\`pick_up_login_tests\`). maestro
  normalises free text and says so when it cannot.
- \`--mode plan\` for planning work, \`--mode execute\` for implementation.
- \`--confidence-work\` (0 to 1) is how sure you are that the work so far is right; at least one
  confidence flag is required.
- \`--feature-id\` and \`--mission-id\` link the handoff to this feature: the next worker prompt for it
  replays the handoff under Prior Session Replay.
- Make \`--next-action\` concrete: the next session starts there.

If you were started from a handoff, claim it before you begin so nobody else takes it:
\`maestro handoff pickup --claim --agent <your-agent> --json\`, and run \`maestro handoff complete <handoff-id>\`
once you have taken over its work.
`;
