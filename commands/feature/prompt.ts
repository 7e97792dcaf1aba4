import {Command, Option} from 'clipanion';
import type {generatePrompt, PromptView} from '../../lib/prompt/generatePrompt.ts';
import {MaestroCommand} from '../base.ts';

export class FeaturePromptCommand extends MaestroCommand {
  static paths = [[`feature`, `prompt`]];
  static usage = Command.Usage({
    category: `Features`,
    description: `generate the worker prompt for a feature`,
    details: `
      Builds the prompt a worker agent starts from: the mission, milestone and feature context, verification steps, related assertions, relevant memory, prior handoffs on the feature, the worker skill for its \`workerType\`, the handoff protocol and how to report back. maestro ships skills for codex, claude-code and gemini (any other type gets a generic one); \`.maestro/skills/<type>/SKILL.md\` or \`skills/built-in/<type>/SKILL.md\` in the repository overrides them. The prompt is stored in the state at \`missions/<M>/workers/<F>/prompt.md\` (mirrored in .maestro/), a new commit only when its content changed, and written to \`--out\` when given.
    `,
    examples: [
      [`Write the prompt to a file`, `$0 feature prompt auth-impl --mission 2026-11-25-0x3ka9f --out worker-prompt.md`],
      [`As JSON, for a script`, `$0 feature prompt auth-impl --mission 2026-11-25-0x3 --json`],
    ],
  });

  featureId = Option.String({name: `feature-id`});
  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  out = Option.String(`--out`, {description: `Also write the prompt to this file (relative to the current directory)`});
  json = Option.Boolean(`--json`, false, {description: `Print {prompt, featureId, workerType, writtenTo} as one JSON document`});

  async run() {
    const {generatePrompt, PromptView} = await import('../../lib/prompt/generatePrompt.ts');
    const view = await generatePrompt(this.context.openWorkspace(), {missionId: this.mission, featureId: this.featureId, ...(this.out !== undefined ? {out: this.out} : {})});
    this.print(PromptView, view, v => [
      `[ok] Worker prompt generated for: ${v.featureId}`, `  Worker type: ${v.workerType}`, ...v.writtenTo.map(path => `  Written to: ${path}`),
      ``, `--- PROMPT BEGIN ---`, ``, v.prompt.trimEnd(), ``, `--- PROMPT END ---`,
    ].join(`\n`));
  }
}
