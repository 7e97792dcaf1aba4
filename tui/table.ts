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

/** What a list screen shows: lines above its table, the table's rows, the selected row and its detail. */
export interface ListTable {
  /** The screen's title line (and the assertions screen's gate line), above the header. */
  above: Line[];
  columns: Column[];
  cells: Cell[][];
  /** The index in `cells` of the selected row. */
  selected: number;
  /** The selected row's detail, drawn at the bottom; [] lets the list take the whole height. */
  detail: Line[];
  /** A line drawn before a row (the features screen's status groups), by the row's index. */
  headings?: Map<number, Line>;
}

/**
 * The body of a list screen `width` x `height`: the lines above, the header, the window of rows that
 * keeps the selection in view, blank lines that push the detail to the bottom, then the detail; and
 * the selection's position (`3/12`) for the footer. Only the rows in view are drawn, so a
 * 2,000-feature mission draws as fast as a small one.
 */
export function renderList(table: ListTable, width: number, height: number): {lines: Line[]; position: string} {
  const {above, cells, selected, detail, headings} = table;
  const layout = layoutColumns(table.columns, cells, width - 1);
  const listHeight = Math.max(1, height - above.length - 1 - detail.length);
  const entries: Array<{heading: Line} | {row: number}> = [];
  cells.forEach((_, row) => {
    const heading = headings?.get(row);
    if (heading) entries.push({heading});
    entries.push({row});
  });
  const start = windowStart(entries.findIndex(entry => `row` in entry && entry.row === selected), entries.length, listHeight);
  const list = entries.slice(start, start + listHeight).map(entry => (`heading` in entry ? entry.heading : rowLine(layout, cells[entry.row]!, entry.row === selected)));
  while (list.length < listHeight && detail.length > 0) list.push([]);
  return {lines: [...above, headerLine(layout), ...list, ...detail], position: `${selected + 1}/${cells.length}`};
}
