import {SCREEN_IDS, type Size} from '../lib/missionControl/missionControlRequest.ts';
import type {MissionControlSnapshot} from '../lib/missionControl/missionControlSnapshot.ts';
import {age, fit, lineWidth, span, textWidth, truncate, type Line, type Span} from './line.ts';
import {SCREENS} from './screens/index.ts';
import {MUTED, statusStyle} from './theme.ts';
import type {ViewState} from './view.ts';

/** Below this the frame is the "too small" screen (the reference's minimum, §11.5). */
export const MIN_FRAME = {width: 80, height: 24};

/** Rows the chrome takes: the top border, the tab bar, the rule under it, the bottom border. */
const CHROME_ROWS = 4;

export interface Frame {
  /** Exactly `height` lines of exactly `width` columns. */
  lines: Line[];
  /** How far the current text screen can scroll at this size. */
  scrollMax: number;
  /** Rows of the body, for page up and down. */
  bodyHeight: number;
}

/**
 * The whole frame of the current screen: a bordered box with the mission and its status in the top
 * border, the tab bar, the screen's body, and the keys and position in the bottom border. Pure: the
 * same snapshot, view and size give the same frame, for the terminal, previews and render checks.
 */
export function renderFrame(snapshot: MissionControlSnapshot, view: ViewState, size: Size): Frame {
  const {width, height} = size;
  if (width < MIN_FRAME.width || height < MIN_FRAME.height) return {lines: tooSmall(size), scrollMax: 0, bodyHeight: 0};
  const inner = width - 4;
  const bodyHeight = height - CHROME_ROWS;
  const body = SCREENS[view.screen].render({snapshot, view, width: inner, height: bodyHeight});
  const rows = body.lines.slice(0, bodyHeight);
  while (rows.length < bodyHeight) rows.push([]);
  const side = (content: Line): Line => [{text: `│ `}, ...fit(content, inner), {text: ` │`}];
  return {
    lines: [topBorder(snapshot, view, width), side(tabBar(view, inner)), [{text: `├${`─`.repeat(width - 2)}┤`}], ...rows.map(side), bottomBorder(view, body.position, width)],
    scrollMax: body.scrollMax ?? 0,
    bodyHeight,
  };
}

/** A border line `┌─ left ───── right ─┐` of exactly `width` columns; the left part gives way first. */
function borderLine(width: number, left: Line, right: Line, corners: [string, string]): Line {
  const room = width - 6;
  const rightPart = lineWidth(right) > room - 10 ? [] : right;
  const leftRoom = room - lineWidth(rightPart) - (rightPart.length > 0 ? 2 : 0);
  const leftPart = fit(left, Math.min(leftRoom, lineWidth(left)));
  const fill = width - 4 - lineWidth(leftPart) - lineWidth(rightPart) - (rightPart.length > 0 ? 2 : 0) - 2;
  return [
    {text: `${corners[0]}─ `}, ...leftPart, {text: ` ${`─`.repeat(Math.max(0, fill))}`},
    ...(rightPart.length > 0 ? [{text: ` `}, ...rightPart, {text: ` `}] : []), {text: `─${corners[1]}`},
  ];
}

function topBorder(snapshot: MissionControlSnapshot, view: ViewState, width: number): Line {
  const status = snapshot.mode === `home` ? `HOME` : snapshot.missionOverview?.statusLabel ?? snapshot.effectiveStatus.toUpperCase();
  const left: Line = [span(`Mission Control`, {bold: true}), span(` · ${snapshot.missionTitle}`)];
  const tip = snapshot.state.commit ? `state ${snapshot.state.commit.slice(0, 7)} · ${age(snapshot.state.committedAt, view.now)} ago` : `no state yet`;
  const right: Line = [span(status, {...statusStyle(snapshot.mode === `home` ? `draft` : snapshot.effectiveStatus), bold: true}), span(` · ${tip}`, MUTED)];
  return borderLine(width, left, right, [`┌`, `┐`]);
}

/** `1 Dashboard  2 Features …` with the current one bracketed; short names when the full ones do not fit. */
function tabBar(view: ViewState, width: number): Line {
  const build = (short: boolean): Span[] => SCREEN_IDS.flatMap((id, i): Span[] => {
    const name = `${(i + 1) % 10} ${short ? SCREENS[id].short : SCREENS[id].title}`;
    return [...(i > 0 ? [span(` `)] : []), id === view.screen ? span(`[${name}]`, {bold: true, inverse: true}) : span(name, MUTED)];
  });
  const full = build(false);
  return lineWidth(full) <= width ? full : build(true);
}

function bottomBorder(view: ViewState, position: string | undefined, width: number): Line {
  const keys = view.screen === `help` ? `Esc back · q quit` : `q quit · Tab/←→ screens · ↑↓ j/k move · Enter open · ? help`;
  const rightText = [view.message, position].filter((part): part is string => Boolean(part)).join(` · `);
  const right: Line = rightText ? [span(truncate(rightText, Math.max(10, width - 40)), view.message ? {fg: `yellow`} : MUTED)] : [];
  return borderLine(width, [span(keys, MUTED)], right, [`└`, `┘`]);
}

/** The frame for a terminal under 80x24: what is wrong and what to do, in as much as fits. */
function tooSmall(size: Size): Line[] {
  const {width, height} = size;
  const inner = Math.max(0, width - 2);
  const message = [
    `Terminal too small`,
    ``,
    `Mission Control needs at least ${MIN_FRAME.width}x${MIN_FRAME.height}.`,
    `Current: ${width}x${height}`,
    ``,
    `Resize the terminal, or print a screen with`,
    `maestro mission-control --preview --size 120x40`,
    ``,
    `q quits`,
  ];
  const top = Math.max(0, Math.floor((height - 2 - message.length) / 2));
  const lines: Line[] = [[{text: `┌${`─`.repeat(inner)}┐`}]];
  for (let row = 0; row < height - 2; row++) {
    const text = message[row - top] ?? ``;
    const cut = truncate(text, inner);
    const left = Math.floor((inner - textWidth(cut)) / 2);
    lines.push([{text: `│`}, ...fit([span(`${` `.repeat(left)}${cut}`, row === top ? {bold: true, fg: `yellow`} : undefined)], inner), {text: `│`}]);
  }
  lines.push([{text: `└${`─`.repeat(inner)}┘`}]);
  return lines.slice(0, height);
}
