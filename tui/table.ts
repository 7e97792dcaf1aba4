import {clean, pad, span, textWidth, type Line, type Span, type Style} from './line.ts';
import {MUTED, SELECTED} from './theme.ts';

/** One column of a list screen. */
export interface Column {
  title: string;
  /** Narrowest useful width; a flexible column shrinks to it before columns are dropped. */
  min: number;
  /** Widest it grows to from its content (flexible columns also take what is left). */
  max: number;
  flex?: boolean;
  /** Columns with a higher number are dropped first when the screen is narrow; 0 is never dropped. */
  drop?: number;
  right?: boolean;
}

/** A cell: its text and, optionally, a style (a status colour). */
export interface Cell {
  text: string;
  style?: Style;
}

export interface Layout {
  columns: Column[];
  widths: number[];
}

/**
 * Column widths for `width` columns of screen: each column as wide as its content (within min and
 * max), flexible ones shrink first, then the columns that matter least are dropped, and what is left
 * over goes to the flexible columns. Pure, so every size lays out the same way each time.
 */
export function layoutColumns(columns: Column[], rows: Cell[][], width: number): Layout {
  let kept = columns.map((column, i) => ({column, i, w: Math.min(column.max, Math.max(column.min, textWidth(column.title), ...rows.map(row => textWidth(clean(row[i]?.text ?? ``)))))}));
  const total = () => kept.reduce((sum, c) => sum + c.w, 0) + Math.max(0, kept.length - 1);
  for (const c of kept) if (c.column.flex && total() > width) c.w = Math.max(c.column.min, c.w - (total() - width));
  while (total() > width) {
    const victim = [...kept].filter(c => (c.column.drop ?? 0) > 0).sort((a, b) => (b.column.drop ?? 0) - (a.column.drop ?? 0))[0];
    if (!victim) break;
    kept = kept.filter(c => c !== victim);
    for (const c of kept) if (c.column.flex) c.w = Math.min(c.column.max, Math.max(c.w, c.column.min));
    for (const c of kept) if (c.column.flex && total() > width) c.w = Math.max(c.column.min, c.w - (total() - width));
  }
  const flexible = kept.filter(c => c.column.flex);
  let spare = width - total();
  for (const c of flexible) {
    if (spare <= 0) break;
    const grow = Math.ceil(spare / flexible.length);
    c.w += grow;
    spare -= grow;
  }
  return {columns: kept.map(c => ({...c.column, index: c.i}) as Column & {index: number}), widths: kept.map(c => c.w)};
}

/** The header line of a table. */
export function headerLine(layout: Layout, marker = true): Line {
  return [span(`${marker ? ` ` : ``}${layout.columns.map((c, k) => pad(c.title, layout.widths[k]!, c.right)).join(` `)}`, {...MUTED, bold: true})];
}

/** One row of a table; the selected row is drawn inverted and marked `›` for plain text. */
export function rowLine(layout: Layout, row: Cell[], selected = false, marker = true): Line {
  const out: Span[] = marker ? [span(selected ? `›` : ` `, selected ? {bold: true} : undefined)] : [];
  layout.columns.forEach((column, k) => {
    const index = (column as Column & {index: number}).index;
    const cell = row[index] ?? {text: ``};
    if (k > 0) out.push(span(` `, selected ? SELECTED : undefined));
    const style = selected ? {...cell.style, ...SELECTED} : cell.style;
    out.push(span(pad(clean(cell.text), layout.widths[k]!, column.right), style));
  });
  return out;
}

/**
 * The window of `count` rows that keeps `index` in view in `height` rows: the selection sits a third
 * of the way down, so the rows after it stay visible as it moves.
 */
export function windowStart(index: number, count: number, height: number): number {
  if (count <= height || index < 0) return 0;
  return Math.max(0, Math.min(index - Math.floor(height / 3), count - height));
}
