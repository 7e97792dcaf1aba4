import {Command, Option} from 'clipanion';
import type {Correction} from '../lib/domain/memory.ts';
import {MaestroCommand} from './base.ts';

export class MemoryCorrectCommand extends MaestroCommand {
  static paths = [[`memory-correct`]];
  static usage = Command.Usage({
    category: `Memory`,
    description: `capture a correction: a rule agents must follow`,
    details: `Stores the rule as \`memory/corrections/<id>.json\` on the state ref. Recall matches it by its keywords (derived from the rule's words when \`--keywords\` is not given) and by its file globs. A hard correction is always in worker prompts.`,
    examples: [[`Capture a rule`, `$0 memory-correct "use bun not npm"`], [`A hard rule with triggers`, `$0 memory-correct "use bun not npm" --keywords package,install,npm --globs "package.json" --severity hard`], [`As JSON`, `$0 memory-correct "use bun not npm" --json`]],
  });

  rule = Option.String({name: `rule`});
  keywords = Option.String(`--keywords`, {description: `Comma list of trigger keywords (default: the rule's words)`});
  trigger = Option.String(`--trigger`, {description: `Same as --keywords (the original's name)`});
  globs = Option.String(`--globs`, {description: `Comma list of file globs that trigger the rule`});
  severity = Option.String(`--severity`, {description: `soft (default) or hard`});
  check = Option.String(`--check`, {description: `A regular expression that must never match the code: saved as a ratchet check`});
  source = Option.String(`--source`, {description: `Where the rule came from (default: the rule)`});
  json = Option.Boolean(`--json`, false, {description: `Print the correction as one JSON document`});

  async run() {
    const {captureCorrection} = await import('../lib/memory/index.ts');
    const {Correction} = await import('../lib/domain/memory.ts');
    const keywords = [this.keywords, this.trigger].filter(k => k !== undefined).join(`,`);
    const correction = await captureCorrection(this.context.openWorkspace(), {
      rule: this.rule, ...(keywords ? {keywords} : {}), ...(this.globs !== undefined ? {globs: this.globs} : {}),
      ...(this.severity !== undefined ? {severity: this.severity} : {}), ...(this.source !== undefined ? {source: this.source} : {}),
      ...(this.check !== undefined ? {check: this.check} : {}),
    });
    this.print(Correction, correction, renderCorrection);
  }
}

function renderCorrection(c: Correction): string {
  return [`[ok] Correction captured`, `  ID: ${c.id}`, `  Rule: ${c.rule}`, `  Severity: ${c.severity}`,
    `  Keywords: ${c.trigger.keywords.join(`, `) || `(none)`}`, `  Globs: ${c.trigger.fileGlobs.join(`, `) || `(none)`}`].join(`\n`);
}
