import {Command, Option} from 'clipanion';
import type {MissionControlRequest, Size} from '../lib/missionControl/index.ts';
import type {RenderCheckView} from '../lib/missionControl/renderCheckView.ts';
import {MaestroCommand} from './base.ts';

export class MissionControlCommand extends MaestroCommand {
  static paths = [[`mission-control`]];
  static usage = Command.Usage({
    category: `Mission Control`,
    description: `a live, read-only dashboard of every agent's work`,
    details: `
      Opens a full-screen dashboard of the current mission (the newest executing or paused one, else the newest; \`--mission\` to choose), or a home view when there is none. Screens: dashboard, features, dependencies, handoffs, assertions, memory, history, checkpoints, conflicts, help (a screen named after the flags opens first); \`?\` lists the keys. It redraws within a second when \`refs/maestro/main\` moves (a write in another terminal, a sync) by watching the ref, and never changes the state.

      Without a terminal: \`--json\` prints the snapshot every screen is drawn from; \`--preview [screen|all]\` prints screens as text (\`--size WxH\`, \`--format plain|ansi\`; \`--feature\` and \`--handoff\` select a row); \`--render-check\` checks that every screen fits the size with its border intact and no \`undefined\` or \`NaN\`, and exits 1 when one does not.
    `,
    examples: [
      [`Open the dashboard`, `$0 mission-control`],
      [`Print the dashboard at 100x30 as plain text`, `$0 mission-control --preview dashboard --size 100x30 --format plain`],
      [`Print every screen`, `$0 mission-control --preview all --size 120x40`],
      [`Check every screen at 80x24`, `$0 mission-control --render-check --size 80x24`],
      [`The snapshot as JSON`, `$0 mission-control --json`],
    ],
  });

  screen = Option.String({required: false, name: `screen`});
  mission = Option.String(`--mission`, {description: `Mission id (or a unique prefix); default: the newest executing or paused mission`});
  preview = Option.String(`--preview`, {tolerateBoolean: true, description: `Print a screen (dashboard by default; a screen name, or all) instead of opening the dashboard`});
  feature = Option.String(`--feature`, {description: `Select this feature in a dashboard, features or dependencies preview`});
  handoff = Option.String(`--handoff`, {description: `Select this handoff in a handoffs preview`});
  size = Option.String(`--size`, {description: `Size of a preview or render check, WIDTHxHEIGHT (default: the terminal's, else 120x40)`});
  format = Option.String(`--format`, {description: `plain or ansi (default: ansi on a colour terminal, else plain)`});
  renderCheck = Option.Boolean(`--render-check`, false, {description: `Check every screen at --size and exit 1 when one fails`});
  json = Option.Boolean(`--json`, false, {description: `Print the snapshot (or the render check) as one JSON document`});

  async run() {
    const mc = await import('../lib/missionControl/index.ts');
    const request = mc.parseMissionControlRequest({
      ...(this.mission !== undefined ? {mission: this.mission} : {}), ...(this.preview !== undefined ? {preview: this.preview} : {}),
      ...(this.screen !== undefined ? {screen: this.screen} : {}), ...(this.feature !== undefined ? {feature: this.feature} : {}),
      ...(this.handoff !== undefined ? {handoff: this.handoff} : {}), ...(this.size !== undefined ? {size: this.size} : {}),
      ...(this.format !== undefined ? {format: this.format} : {}), renderCheck: this.renderCheck, json: this.json,
    });
    const workspace = this.context.openWorkspace();
    const mission = request.missionId !== undefined ? {missionId: request.missionId} : {};
    if (request.mode === `interactive`) {
      const {runInteractive} = await import('../tui/interactive.ts');
      return runInteractive(mc.missionControlSource(workspace, mission), this.context, {screen: request.screen});
    }
    const snapshot = await mc.buildSnapshot(workspace, mission);
    if (request.mode === `json`) return this.print(mc.MissionControlSnapshot, snapshot, () => ``);
    const {renderCheck, renderPreview} = await import('../tui/preview.ts');
    if (request.mode === `render-check`) {
      const result = renderCheck(snapshot, request.size);
      this.print(mc.RenderCheckView, result, formatCheck);
      return result.summary.failed > 0 ? 1 : 0;
    }
    this.context.stdout.write(renderPreview(snapshot, {...previewOptions(request, this.terminalSize(mc.DEFAULT_SIZE), this.colorful()), screens: request.screens}));
    return 0;
  }

  /** The terminal's size when stdout is one, else the default. */
  private terminalSize(fallback: Size): Size {
    const out = this.context.stdout as {isTTY?: boolean; columns?: number; rows?: number};
    return out.isTTY && out.columns && out.rows ? {width: Math.min(out.columns, 1000), height: Math.min(out.rows, 1000)} : fallback;
  }

  private colorful(): boolean {
    return (this.context.stdout as {isTTY?: boolean}).isTTY === true && this.context.env.NO_COLOR === undefined && (this.context.colorDepth ?? 1) > 1;
  }
}

function previewOptions(request: Extract<MissionControlRequest, {mode: `preview`}>, size: Size, colorful: boolean) {
  return {
    size: request.size ?? size, format: request.format ?? (colorful ? `ansi` as const : `plain` as const),
    ...(request.feature !== undefined ? {feature: request.feature} : {}), ...(request.handoff !== undefined ? {handoff: request.handoff} : {}),
  };
}

function formatCheck(view: RenderCheckView): string {
  const rows = view.screens.map(s => `${s.status === `pass` ? `[ok]` : `[x] `} ${s.screen.padEnd(13)} ${s.size}${s.warnings.length > 0 ? `  ${s.warnings.join(`; `)}` : ``}`);
  return [...rows, `${view.summary.passed}/${view.summary.total} screens pass at ${view.screens[0]?.size ?? `?`}`].join(`\n`);
}
