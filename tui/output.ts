import type {Color, Line, Style} from './line.ts';

const FG: Record<Color, number> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90};

/** How styles are written: none (plain text), attributes only (NO_COLOR: bold, dim, inverse), or colour too. */
export type Ink = `plain` | `mono` | `color`;

/** The SGR parameters of a style, or `` when it has none to write. */
function sgr(style: Style | undefined, ink: Ink): string {
  if (!style || ink === `plain`) return ``;
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.inverse) codes.push(7);
  if (ink === `color` && style.fg) codes.push(FG[style.fg]);
  return codes.length === 0 ? `` : `\u001b[${codes.join(`;`)}m`;
}

/** One line as text: styled spans wrapped in SGR codes and a reset, plain ones as they are. */
function lineText(value: Line, ink: Ink): string {
  return value.map(part => {
    const open = sgr(part.style, ink);
    return open ? `${open}${part.text}\u001b[0m` : part.text;
  }).join(``);
}

/** A frame as text, one line per row. */
export function frameText(lines: Line[], ink: Ink): string {
  return lines.map(value => lineText(value, ink)).join(`\n`);
}
