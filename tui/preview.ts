import {resolveIdPrefix} from '../lib/domain/ids.ts';
import {SCREEN_IDS, type OutputFormat, type ScreenId, type Size} from '../lib/missionControl/missionControlRequest.ts';
import type {MissionControlSnapshot} from '../lib/missionControl/missionControlSnapshot.ts';
import type {RenderCheckView} from '../lib/missionControl/renderCheckView.ts';
import {InputError} from '../lib/errors.ts';
import {MIN_FRAME, renderFrame} from './frame.ts';
import {lineWidth} from './line.ts';
import {frameText} from './output.ts';
import {initialView, type ViewState} from './view.ts';

export interface PreviewRequest {
  screens: ScreenId[];
  size: Size;
  format: OutputFormat;
  /** A feature to select (id or unique prefix). */
  feature?: string;
  /** A handoff to select (id or unique prefix). */
  handoff?: string;
}

/**
 * Screens drawn to text without a terminal, from the same frames the dashboard shows: one screen as
 * it is, several each after a `--- <screen> ---` line and with `--- rendered N screens ---` at the end
 * (reference-handoff §11.1). @throws NotFoundError for a selector that names nothing, InputError
 */
export function renderPreview(snapshot: MissionControlSnapshot, request: PreviewRequest): string {
  const now = Date.parse(snapshot.generatedAt);
  const selected = selection(snapshot, request);
  const ink = request.format === `ansi` ? `color` : `plain`;
  const draw = (screen: ScreenId) => frameText(renderFrame(snapshot, {...initialView(screen, now), selected}, request.size).lines, ink);
  if (request.screens.length === 1) return `${draw(request.screens[0]!)}\n`;
  return `${request.screens.map(screen => `--- ${screen} ---\n${draw(screen)}\n`).join(``)}--- rendered ${request.screens.length} screens ---\n`;
}

function selection(snapshot: MissionControlSnapshot, request: PreviewRequest): ViewState['selected'] {
  const selected: ViewState['selected'] = {};
  if (request.feature !== undefined) {
    if (snapshot.mode === `home`) throw new InputError(`--feature needs a mission, and there is none`, {hint: `create one with \`maestro mission create --file plan.json\``});
    selected.feature = resolveIdPrefix(snapshot.features.map(f => f.id), request.feature, `feature`, `list features with \`maestro feature list --mission ${snapshot.missionId}\``);
  }
  if (request.handoff !== undefined) selected.handoff = resolveIdPrefix(snapshot.handoffs.map(h => h.id), request.handoff, `handoff`, `list handoffs with \`maestro handoff list\``);
  return selected;
}

/**
 * Checks every screen at `size` (reference-handoff §11.8): the frame has exactly `size` rows and
 * columns, shows no `undefined` or `NaN`, keeps its border (corners, sides, bottom), and its body
 * is not empty; under 80x24 every screen fails, since the "too small" frame replaces it. A screen
 * that throws fails with the message.
 */
export function renderCheck(snapshot: MissionControlSnapshot, size: Size): RenderCheckView {
  const now = Date.parse(snapshot.generatedAt);
  const screens = SCREEN_IDS.map(screen => {
    let warnings: string[];
    try {
      const lines = renderFrame(snapshot, initialView(screen, now), size).lines;
      warnings = checkFrame(lines.map(line => line.map(part => part.text).join(``)), lines.map(lineWidth), size);
      if (size.width < MIN_FRAME.width || size.height < MIN_FRAME.height) warnings.push(`under ${MIN_FRAME.width}x${MIN_FRAME.height}: the "too small" frame is drawn instead`);
    } catch (error) {
      warnings = [`render threw: ${(error as Error).message}`];
    }
    return {screen, status: warnings.length === 0 ? `pass` as const : `fail` as const, size: `${size.width}x${size.height}`, warnings};
  });
  const passed = screens.filter(s => s.status === `pass`).length;
  return {screens, summary: {total: screens.length, passed, failed: screens.length - passed, skipped: 0}};
}

/** What is wrong with one plain frame, one line per problem. */
export function checkFrame(rows: string[], widths: number[], size: Size): string[] {
  const warnings: string[] = [];
  if (rows.length !== size.height) warnings.push(`has ${rows.length} lines, not ${size.height}`);
  widths.forEach((w, i) => { if (w !== size.width) warnings.push(`line ${i + 1} is ${w} columns wide, not ${size.width}`); });
  rows.forEach((row, i) => {
    if (row.includes(`undefined`)) warnings.push(`contains 'undefined' at line ${i + 1}`);
    if (row.includes(`NaN`)) warnings.push(`contains 'NaN' at line ${i + 1}`);
  });
  const first = rows[0] ?? ``;
  const last = rows[rows.length - 1] ?? ``;
  if (!first.startsWith(`┌`) || !first.endsWith(`┐`)) warnings.push(`top border is broken`);
  if (!last.startsWith(`└`) || !last.endsWith(`┘`)) warnings.push(`bottom border is broken`);
  rows.slice(1, -1).forEach((row, i) => {
    if (!/^[│├]/.test(row) || !/[│┤]$/.test(row)) warnings.push(`side border is broken at line ${i + 2}`);
  });
  const body = rows.slice(3, -1).map(row => row.slice(1, -1));
  if (body.length > 0 && body.every(row => row.trim() === ``)) warnings.push(`body is empty`);
  return warnings;
}
