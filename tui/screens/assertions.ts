import type {AssertionRow, MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {renderList, type Cell, type Column} from '../table.ts';
import {legend, look, MUTED, stackedBar, statusSpan, statusStyle} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {countBy, empty, type ScreenDef} from './screen.ts';

const RESULT_ORDER = [`passed`, `waived`, `failed`, `blocked`, `pending`];

const COLUMNS: Column[] = [
  {title: `RESULT`, min: 9, max: 9},
  {title: `ID`, min: 10, max: 32},
  {title: `MILESTONE`, min: 6, max: 16, drop: 2},
  {title: `FEATURE`, min: 8, max: 24, drop: 3},
  {title: `BY`, min: 5, max: 14, drop: 4},
  {title: `AGE`, min: 3, max: 4, right: true, drop: 5},
  {title: `EVIDENCE`, min: 10, max: 80, flex: true, drop: 1},
];

/** Assertions in milestone order, then as the plan made them. */
export function assertionsInOrder(snapshot: MissionControlSnapshot): AssertionRow[] {
  const order = new Map(snapshot.milestones.map(m => [m.id, m.order]));
  return snapshot.assertions.map((a, i) => ({a, i})).sort((x, y) => (order.get(x.a.milestoneId) ?? 0) - (order.get(y.a.milestoneId) ?? 0) || x.i - y.i).map(({a}) => a);
}

/** The assertions that gate each milestone, their results and evidence. */
export const assertions: ScreenDef = {
  id: `assertions`,
  title: `Assertions`,
  short: `Asrt`,
  selection: `assertion`,
  items: snapshot => assertionsInOrder(snapshot).map(a => a.id),
  render: context => {
    const {snapshot, width, height, view} = context;
    if (snapshot.mode === `home`) return {lines: empty(`No mission yet: no assertions.`, `A plan's features name them in \`fulfills\`.`)};
    const rows = assertionsInOrder(snapshot);
    const counts = countBy(rows, a => a.result);
    const barWidth = Math.max(10, Math.min(30, width - 70));
    const top: Line = [span(`Assertions ${(counts.passed ?? 0) + (counts.waived ?? 0)}/${rows.length} settled  `, {bold: true}), ...stackedBar(counts, barWidth, RESULT_ORDER), span(`  `), ...legend(counts, RESULT_ORDER)];
    const gate: Line = [span(`Gate  `, MUTED), span(snapshot.gateLabel ?? `no milestones`, {fg: snapshot.gateBlocked ? `red` : `green`})];
    if (rows.length === 0) return {lines: [top, gate, [], ...empty(`This mission has no assertions.`, `A plan's features name them in \`fulfills\`.`)]};
    const index = selectedIndex(view, snapshot);
    const cells = rows.map((a): Cell[] => [
      {text: `${look(a.result).symbol} ${a.result}`, style: statusStyle(a.result)}, {text: a.id, style: {bold: true}}, {text: a.milestoneId}, {text: a.featureId},
      {text: a.updatedBy ?? ``}, {text: a.result === `pending` ? `` : age(a.updatedAt, view.now)}, {text: a.evidence ?? a.waivedReason ?? ``},
    ]);
    const detail = height >= 14 ? detailLines(rows[index]!, width) : [];
    return renderList({above: [top, gate], columns: COLUMNS, cells, selected: index, detail}, width, height);
  },
};

function detailLines(a: AssertionRow, width: number): Line[] {
  return [
    rule(width),
    [span(`${a.id}  `, {bold: true}), statusSpan(a.result), span(`  milestone ${a.milestoneId} · feature ${a.featureId}${a.alias ? ` · alias ${a.alias}` : ``}`, MUTED)],
    [span(`  `), span(a.description)],
    [span(a.waivedReason ? `  waived because ` : `  evidence `, MUTED), span(a.waivedReason ?? a.evidence ?? `none yet`)],
  ];
}
