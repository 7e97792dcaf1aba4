import {Command, Option} from 'clipanion';
import type {renderReplay, replayHandoffs, ReplayView} from '../../lib/handoff/index.ts';
import {MaestroCommand} from '../base.ts';

export class HandoffReplayCommand extends MaestroCommand {
  static paths = [[`handoff`, `replay`]];
  static usage = Command.Usage({
    category: `Handoffs`,
    description: `show what earlier sessions left on a feature`,
    details: `Prints the "Prior Session Replay" that worker prompts carry: the newest three handoffs linked to the feature of this mission (never another mission's) that have risks, divergences, causal drivers, a blind spot, assumptions, verification results or completed work.`,
    examples: [[`Replay a feature's handoffs`, `$0 handoff replay --mission 2026-11-25-0x3 --feature auth-impl`], [`As JSON`, `$0 handoff replay --mission 2026-11-25-0x3 --feature auth-impl --json`]],
  });

  mission = Option.String(`--mission`, {required: true, description: `Mission id (or a unique prefix)`});
  feature = Option.String(`--feature`, {required: true, description: `Feature id`});
  json = Option.Boolean(`--json`, false, {description: `Print {missionId, featureId, handoffs} as one JSON document`});

  async run() {
    const {renderReplay, replayHandoffs, ReplayView} = await import('../../lib/handoff/index.ts');
    const view = await replayHandoffs(this.context.openWorkspace(), {missionId: this.mission, featureId: this.feature});
    this.print(ReplayView, view, renderReplay);
  }
}
