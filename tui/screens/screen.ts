import type {ScreenId} from '../../lib/missionControl/missionControlRequest.ts';
import type {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {span, type Line, type Span} from '../line.ts';
import {MUTED} from '../theme.ts';
import type {SelectionKey, ViewState} from '../view.ts';

/** What a screen draws from: the snapshot, the view, and the body's size inside the frame. */
export interface ScreenContext {
  snapshot: MissionControlSnapshot;
  view: ViewState;
  width: number;
  height: number;
}

export interface ScreenBody {
  /** At most `height` lines; the frame fits each to `width`. */
  lines: Line[];
  /** Where the selection or scroll is, for the footer (`12/2000`). */
  position?: string;
  /** The largest useful scroll of a text screen at this size. */
  scrollMax?: number;
}

/**
 * One screen: a pure function of snapshot, view and size. A list screen names its rows (`items`, ids
 * in the order drawn) and the selection they share; a text screen scrolls instead.
 */
export interface ScreenDef {
  id: ScreenId;
  title: string;
  /** For the tab bar of a narrow terminal. */
  short: string;
  selection?: SelectionKey;
  items?: (snapshot: MissionControlSnapshot) => string[];
  /** The row selected before a person chooses one. */
  defaultIndex?: (snapshot: MissionControlSnapshot, ids: string[]) => number;
  render: (context: ScreenContext) => ScreenBody;
}

/** A text screen's lines scrolled to the view's offset, clamped to the content. */
export function scrolled(lines: Line[], context: ScreenContext): ScreenBody {
  const max = Math.max(0, lines.length - context.height);
  const offset = Math.min(max, context.view.scroll[context.view.screen] ?? 0);
  const shown = lines.slice(offset, offset + context.height);
  return {lines: shown, scrollMax: max, ...(max > 0 ? {position: `lines ${offset + 1}-${offset + shown.length} of ${lines.length}`} : {})};
}

/** `label      value…`: a label column of `width` then the value spans. */
export function labelled(label: string, value: Span[], width = 12): Line {
  return [span(label.padEnd(width), MUTED), ...value];
}

/** What a list screen shows when it has no rows. */
export function empty(text: string, hint?: string): Line[] {
  return [[span(text, {bold: true})], ...(hint ? [[span(hint, MUTED)]] : [])];
}

/** A state path without the mission prefix: `features/auth-impl.json`. */
export function shortPath(path: string, missionId: string): string {
  const prefix = `missions/${missionId}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** A JSON value on one line: strings as they are, the rest as compact JSON, `(none)` for null. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return `(none)`;
  return typeof value === `string` ? value : JSON.stringify(value);
}

/** Counts of `values` by key. */
export function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
}

/** `1 item`, `2 items`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
