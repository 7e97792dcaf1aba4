import {renderStateDiff} from '../../lib/history/renderStateDiff.ts';
import type {HistoryDiff, MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {headerLine, layoutColumns, rowLine, windowStart, type Cell, type Column} from '../table.ts';
import {MUTED} from '../theme.ts';
import type {ViewState} from '../view.ts';
import {selectedIndex} from '../view.ts';
import {empty, plural, type ScreenDef} from './screen.ts';

const COLUMNS: Column[] = [
  {title: `COMMIT`, min: 10, max: 10},
  {title: `AGE`, min: 4, max: 4, right: true},
  {title: `AGENT`, min: 6, max: 14, drop: 2},
  {title: `FILES`, min: 5, max: 5, right: true, drop: 1},
  {title: `COMMAND`, min: 20, max: 200, flex: true},
];

/** The diff of a history entry, when the snapshot or the view has it. */
export function diffOf(snapshot: MissionControlSnapshot, view: ViewState, commit: string): HistoryDiff | null {
  return view.diffs[commit] ?? (snapshot.history.selected?.commit === commit ? snapshot.history.selected : null);
}

/** The state commits from git, newest first, and the semantic diff of the selected one (`maestro log`, `maestro diff`). */
export const history: ScreenDef = {
  id: `history`,
  title: `History`,
  short: `Hist`,
  selection: `commit`,
  items: snapshot => snapshot.history.entries.map(e => e.commit),
  render: context => {
    const {snapshot, width, height, view} = context;
    const entries = snapshot.history.entries;
    if (entries.length === 0) return {lines: empty(`No state commits yet.`, `\`maestro init\` makes the first one on refs/maestro/main.`)};
    const index = selectedIndex(view, snapshot);
    const cells = entries.map((e): Cell[] => [
      {text: e.commit.slice(0, 10), style: {fg: `yellow`}}, {text: age(e.committedAt, view.now)}, {text: e.agent ?? `unknown`, style: {fg: `cyan`}},
      {text: String(e.pathCount)}, {text: `${e.command}${e.parents.length > 1 ? `  (merge)` : ``}`},
    ]);
    const layout = layoutColumns(COLUMNS, cells, width - 1);
    const listHeight = Math.max(3, Math.min(entries.length, Math.floor((height - 2) * 0.4)));
    const start = windowStart(index, entries.length, listHeight);
    const list = cells.slice(start, start + listHeight).map((row, k) => rowLine(layout, row, start + k === index));
    const entry = entries[index]!;
    const diff = diffOf(snapshot, view, entry.commit);
    const diffHeight = Math.max(0, height - 2 - list.length - 1);
    const title: Line = [span(` ${entry.commit.slice(0, 10)} `, {bold: true}), span(`${entry.agent ?? `unknown`} · ${entry.committedAt.replace(`T`, ` `).slice(0, 19)} · ${entry.command}`, MUTED), span(` `)];
    return {
      lines: [[span(`State history on ${snapshot.state.ref}: ${plural(entries.length, `commit`)} shown`, {bold: true})], headerLine(layout), ...list, rule(width, title), ...diffLines(diff, diffHeight)],
      position: `${index + 1}/${entries.length}`,
    };
  },
};

function diffLines(diff: HistoryDiff | null, height: number): Line[] {
  if (height <= 0) return [];
  if (!diff) return [[span(`loading the diff…`, MUTED)]];
  if (diff.changes.length === 0) return [[span(`no state file changed`, MUTED)]];
  const text = renderStateDiff(diff.changes).split(`\n`);
  const more = diff.total - diff.changes.length;
  const lines: Line[] = text.map((row): Line => {
    if (row.startsWith(`+ `)) return [span(row, {fg: `green`, bold: true})];
    if (row.startsWith(`- `)) return [span(row, {fg: `red`, bold: true})];
    if (row.startsWith(`~ `)) return [span(row, {fg: `yellow`, bold: true})];
    if (/^\s+\+/.test(row)) return [span(row, {fg: `green`})];
    if (/^\s+-/.test(row)) return [span(row, {fg: `red`})];
    return [span(row)];
  });
  if (more > 0) lines.push([span(`… ${plural(more, `more file`)} changed in this commit`, MUTED)]);
  if (lines.length <= height) return lines;
  return [...lines.slice(0, height - 1), [span(`… ${lines.length - height + 1} more lines (maestro diff shows them all)`, MUTED)]];
}
