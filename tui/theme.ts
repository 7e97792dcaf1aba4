import {span, type Color, type Line, type Span, type Style} from './line.ts';

/**
 * How each status looks: a colour for terminals that show colour, and a symbol and a bar glyph that
 * say the same thing without it (NO_COLOR, plain previews, a screen reader's copy).
 */
interface Look {
  color: Color;
  symbol: string;
  glyph: string;
}

const FEATURE: Record<string, Look> = {
  done: {color: `green`, symbol: `✓`, glyph: `█`},
  review: {color: `cyan`, symbol: `◆`, glyph: `▓`},
  'in-progress': {color: `yellow`, symbol: `▶`, glyph: `▒`},
  assigned: {color: `blue`, symbol: `●`, glyph: `▒`},
  blocked: {color: `red`, symbol: `✗`, glyph: `╳`},
  pending: {color: `gray`, symbol: `○`, glyph: `░`},
};

const OTHER: Record<string, Look> = {
  // assertion results
  passed: {color: `green`, symbol: `✓`, glyph: `█`},
  waived: {color: `magenta`, symbol: `~`, glyph: `▓`},
  failed: {color: `red`, symbol: `✗`, glyph: `╳`},
  // milestone, mission and handoff states
  sealed: {color: `green`, symbol: `✓`, glyph: `█`},
  executing: {color: `yellow`, symbol: `▶`, glyph: `▒`},
  validating: {color: `cyan`, symbol: `◆`, glyph: `▓`},
  completed: {color: `green`, symbol: `✓`, glyph: `█`},
  approved: {color: `blue`, symbol: `●`, glyph: `▒`},
  draft: {color: `gray`, symbol: `○`, glyph: `░`},
  paused: {color: `magenta`, symbol: `‖`, glyph: `░`},
  rejected: {color: `red`, symbol: `✗`, glyph: `╳`},
  'picked-up': {color: `yellow`, symbol: `▶`, glyph: `▒`},
  open: {color: `red`, symbol: `!`, glyph: `╳`},
  resolved: {color: `green`, symbol: `✓`, glyph: `█`},
  ok: {color: `green`, symbol: `✓`, glyph: `█`},
  warn: {color: `yellow`, symbol: `!`, glyph: `▒`},
  fail: {color: `red`, symbol: `✗`, glyph: `╳`},
};

/** How a status looks; an unknown one gets a neutral look. */
export function look(status: string): Look {
  return FEATURE[status] ?? OTHER[status] ?? {color: `white`, symbol: `·`, glyph: `▒`};
}

/** The style of a status (its colour), plus `extra`. */
export function statusStyle(status: string, extra: Style = {}): Style {
  return {fg: look(status).color, ...extra};
}

/** `✓ done` in the status's colour. */
export function statusSpan(status: string, width?: number): Span {
  const text = `${look(status).symbol} ${status}`;
  return span(width === undefined ? text : text.padEnd(width), statusStyle(status));
}

/** The status's symbol alone, in its colour. */
export function symbolSpan(status: string): Span {
  return span(look(status).symbol, statusStyle(status));
}

/** Feature statuses in the order people read progress: finished first. */
const FEATURE_ORDER = [`done`, `review`, `in-progress`, `assigned`, `blocked`, `pending`] as const;

/** A progress bar `███░░░` of `width` cells, filled `pct` percent, in `color`. */
export function bar(pct: number, width: number, color: Color = `green`): Span[] {
  const safe = Number.isFinite(pct) ? Math.min(100, Math.max(0, pct)) : 0;
  const filled = Math.round((safe / 100) * width);
  return [span(`█`.repeat(filled), {fg: color}), span(`░`.repeat(Math.max(0, width - filled)), {fg: `gray`})];
}

/**
 * One bar of `width` cells split by status, each part in its colour and glyph, in FEATURE_ORDER.
 * Every non-zero count gets at least one cell when there is room.
 */
export function stackedBar(counts: Record<string, number>, width: number, order: readonly string[] = FEATURE_ORDER): Span[] {
  const total = order.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
  if (total === 0 || width <= 0) return [span(`░`.repeat(Math.max(0, width)), {fg: `gray`})];
  const present = order.filter(key => (counts[key] ?? 0) > 0);
  const cells = present.map(key => Math.max(present.length <= width ? 1 : 0, Math.floor(((counts[key] ?? 0) / total) * width)));
  // Hand out the rounding remainder to the largest parts, and take back any excess from them.
  let used = cells.reduce((a, b) => a + b, 0);
  const bySize = present.map((key, i) => ({i, n: counts[key] ?? 0})).sort((a, b) => b.n - a.n);
  for (let k = 0; used < width; k++, used++) cells[bySize[k % bySize.length]!.i]!++;
  for (let k = 0; used > width; k++) if (cells[bySize[k % bySize.length]!.i]! > 1) { cells[bySize[k % bySize.length]!.i]!--; used--; }
  return present.map((key, i) => span(look(key).glyph.repeat(cells[i]!), {fg: look(key).color}));
}

/** The legend of a stacked bar: `█ done 3  ▓ review 1 …`, zero counts left out. */
export function legend(counts: Record<string, number>, order: readonly string[] = FEATURE_ORDER): Line {
  const parts: Line = [];
  for (const key of order) {
    const n = counts[key] ?? 0;
    if (n === 0) continue;
    if (parts.length > 0) parts.push(span(`  `));
    parts.push(span(look(key).glyph, {fg: look(key).color}), span(` ${key} ${n}`));
  }
  return parts.length > 0 ? parts : [span(`nothing yet`, {fg: `gray`})];
}

const HEADING: Style = {bold: true};
export const MUTED: Style = {fg: `gray`};
export const SELECTED: Style = {inverse: true};

/** A section title line: `Milestones (12)`. */
export function heading(text: string): Line {
  return [span(text, HEADING)];
}
