import type {ConflictRow} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {renderList, type Cell, type Column} from '../table.ts';
import {look, MUTED, statusSpan, statusStyle} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {empty, shortPath, valueText, type ScreenDef} from './screen.ts';

const COLUMNS: Column[] = [
  {title: `STATUS`, min: 10, max: 10},
  {title: `KIND`, min: 5, max: 10, drop: 3},
  {title: `ENTITY`, min: 12, max: 48, flex: true},
  {title: `FIELD`, min: 6, max: 20},
  {title: `KEPT`, min: 8, max: 30, flex: true},
  {title: `OTHER`, min: 8, max: 30, flex: true},
  {title: `AGE`, min: 4, max: 4, right: true, drop: 2},
  {title: `RULE`, min: 10, max: 30, drop: 1},
];

/** What sync merges had to choose between (conflicts/*.json), open ones first; read-only here. */
export const conflicts: ScreenDef = {
  id: `conflicts`,
  title: `Conflicts`,
  short: `Conf`,
  selection: `conflict`,
  items: snapshot => snapshot.conflicts.map(c => c.id),
  render: context => {
    const {snapshot, width, height, view} = context;
    const rows = snapshot.conflicts;
    const open = rows.filter(c => c.status === `open`).length;
    const top: Line = [span(`Conflicts  `, {bold: true}), span(`${look(open > 0 ? `open` : `resolved`).symbol} ${open} open`, statusStyle(open > 0 ? `open` : `resolved`)), span(`  ${rows.length - open} resolved`, MUTED)];
    if (rows.length === 0) return {lines: [top, [], ...empty(`no conflicts`, `A sync that has to choose between two values records it here; nothing is dropped silently.`)]};
    const index = selectedIndex(view, snapshot);
    const strip = (path: string) => (snapshot.mode === `mission` ? shortPath(path, snapshot.missionId) : path);
    const cells = rows.map((c): Cell[] => [
      {text: `${look(c.status).symbol} ${c.status}`, style: statusStyle(c.status)}, {text: c.kind}, {text: strip(c.path), style: {bold: true}}, {text: c.field ?? `(file)`},
      {text: valueText(c.kept.value), style: {fg: `green`}}, {text: valueText(c.other.value), style: {fg: `yellow`}}, {text: age(c.createdAt, view.now)}, {text: c.rule},
    ]);
    const detail = height >= 14 ? detailLines(rows[index]!, width, view.now) : [];
    return renderList({above: [top], columns: COLUMNS, cells, selected: index, detail}, width, height);
  },
};

function detailLines(c: ConflictRow, width: number, now: number): Line[] {
  const side = (label: string, s: ConflictRow['kept'], color: 'green' | 'yellow'): Line => [
    span(`  ${label}`, MUTED), span(valueText(s.value), {fg: color}), span(`  from ${s.agent ?? `unknown`} at commit ${s.commit.slice(0, 10)}${s.updatedAt ? `, updated ${age(s.updatedAt, now)} ago` : ``}`, MUTED),
  ];
  return [
    rule(width),
    [span(`${c.id}  `, {bold: true}), statusSpan(c.status), span(`  ${c.kind} · ${c.path}${c.field ? ` · ${c.field}` : ``} · ${c.rule}`, MUTED)],
    side(`kept   `, c.kept, `green`),
    side(`other  `, c.other, `yellow`),
    [span(`  base   `, MUTED), span(valueText(c.base)),
      span(c.status === `resolved` ? `  · resolved ${age(c.resolvedAt, now)} ago by ${c.resolvedBy ?? `unknown`}, took ${c.resolution ?? `kept`}` : `  · open: settle with maestro conflicts resolve ${c.id} --take ours|theirs`, MUTED)],
  ];
}
