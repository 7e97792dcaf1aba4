import {formatAge} from '../lib/formatAge.ts';

/**
 * The drawing model of every screen: a frame is lines, a line is spans of text with a style. Screens
 * build lines; tui/output.ts turns them into plain text, ANSI, or the content of the blessed box.
 * Every text that comes from state passes through `clean` here, so a title holding an escape
 * sequence can never drive the terminal.
 */

export type Color = `red` | `green` | `yellow` | `blue` | `magenta` | `cyan` | `white` | `gray`;

export interface Style {
  fg?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export interface Span {
  text: string;
  style?: Style;
}

export type Line = Span[];

/** A span of cleaned text. */
export function span(text: string, style?: Style): Span {
  return style ? {text: clean(text), style} : {text: clean(text)};
}

/** A line of one span. */
export function line(text: string, style?: Style): Line {
  return [span(text, style)];
}

/**
 * Text made safe for one terminal row: escape sequences (CSI, OSC, others) are removed, tabs and line
 * breaks become spaces, other control characters go.
 */
export function clean(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, ``)
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, ``)
    .replace(/\u001b[@-_]?/g, ``)
    .replace(/[\t\n\v\f\r]/g, ` `)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, ``);
}

/** Columns a code point takes in a terminal: 0 for combining marks, 2 for wide (CJK, emoji), else 1. */
function charWidth(codePoint: number): number {
  if (codePoint >= 0x300 && codePoint <= 0x36f) return 0;
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) || (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) || (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) || (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) return 2;
  return 1;
}

/** Display width of a text. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/** Display width of a line. */
export function lineWidth(value: Line): number {
  return value.reduce((sum, part) => sum + textWidth(part.text), 0);
}

/** The text cut to `width` columns, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return ``;
  if (textWidth(text) <= width) return text;
  let out = ``;
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}${` `.repeat(width - 1 - used)}…`;
}

/** The text padded (or cut) to exactly `width` columns; `right` aligns it to the right. */
export function pad(text: string, width: number, right = false): string {
  const cut = truncate(text, width);
  const fill = ` `.repeat(Math.max(0, width - textWidth(cut)));
  return right ? `${fill}${cut}` : `${cut}${fill}`;
}

/** The line cut and padded to exactly `width` columns. */
export function fit(value: Line, width: number): Line {
  const out: Line = [];
  let used = 0;
  const total = lineWidth(value);
  for (const part of value) {
    if (used >= width) break;
    const w = textWidth(part.text);
    if (used + w <= width && (total <= width || used + w < width)) {
      out.push(part);
      used += w;
      continue;
    }
    const cut = truncate(part.text, width - used);
    out.push(part.style ? {text: cut, style: part.style} : {text: cut});
    used += textWidth(cut);
    break;
  }
  if (used < width) out.push({text: ` `.repeat(width - used)});
  return out;
}

/** Lines side by side: `left` fitted to `leftWidth`, a separator, then `right`. */
export function beside(left: Line[], right: Line[], leftWidth: number, separator: Span = {text: ` │ `, style: {fg: `gray`}}): Line[] {
  const rows = Math.max(left.length, right.length);
  const out: Line[] = [];
  for (let i = 0; i < rows; i++) out.push([...fit(left[i] ?? [], leftWidth), separator, ...(right[i] ?? [])]);
  return out;
}

/** `42s`, `5m`, `3h`, `2d` since `iso`, measured at `now`. */
export function age(iso: string | null | undefined, now: number): string {
  if (!iso) return `-`;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return `-`;
  return duration(Math.max(0, now - at));
}

/** A duration of `ms` milliseconds in its largest unit: `42s`, `5m`, `3h`, `2d`. */
export function duration(ms: number): string {
  return formatAge(Math.floor(ms / 1000));
}

/** Text from state, cleaned and fitted to exactly `width` columns (for aligned columns). */
export function fixed(text: string, width: number, right = false): string {
  return pad(clean(text), width, right);
}

/** A horizontal rule of exactly `width` columns, after an optional label. */
export function rule(width: number, label: Line = [], style: Style = {fg: `gray`}): Line {
  return [...label, {text: `─`.repeat(Math.max(0, width - lineWidth(label))), style}];
}
