import type {HandoffRow, MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {renderList, type Cell, type Column} from '../table.ts';
import {look, MUTED, statusSpan, statusStyle} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {countBy, empty, type ScreenDef} from './screen.ts';

const ORDER = [`pending`, `picked-up`, `completed`];

const COLUMNS: Column[] = [
  {title: `STATUS`, min: 11, max: 11},
  {title: `ID`, min: 10, max: 22},
  {title: `FROM`, min: 6, max: 14},
  {title: `TO`, min: 5, max: 14, drop: 2},
  {title: `CLAIMED BY`, min: 7, max: 14},
  {title: `AGE`, min: 3, max: 4, right: true, drop: 1},
  {title: `SUMMARY`, min: 10, max: 80, flex: true},
];

/** The queue: pending handoffs first (oldest waiting longest at the top), then claimed, then completed. */
export function handoffQueue(snapshot: MissionControlSnapshot): HandoffRow[] {
  return snapshot.handoffs.map((h, i) => ({h, i}))
    .sort((a, b) => ORDER.indexOf(a.h.status) - ORDER.indexOf(b.h.status) || (a.h.status === `pending` ? b.i - a.i : a.i - b.i))
    .map(({h}) => h);
}

/** Handoffs with their targets and claims, and the selected one's summary and next action. */
export const handoffs: ScreenDef = {
  id: `handoffs`,
  title: `Handoffs`,
  short: `Hand`,
  selection: `handoff`,
  items: snapshot => handoffQueue(snapshot).map(h => h.id),
  render: context => {
    const {snapshot, width, height, view} = context;
    const queue = handoffQueue(snapshot);
    const counts = countBy(queue, h => h.status);
    const top: Line = [span(`Handoffs  `, {bold: true}), ...ORDER.flatMap(s => [span(`${look(s).symbol} ${counts[s] ?? 0} ${s}  `, statusStyle(s))])];
    if (queue.length === 0) return {lines: [top, [], ...empty(`No handoffs.`, `An agent leaves one with \`maestro handoff create\`; the next picks it up with \`maestro handoff pickup --claim\`.`)]};
    const index = selectedIndex(view, snapshot);
    const cells = queue.map((h): Cell[] => [
      {text: `${look(h.status).symbol} ${h.status}`, style: statusStyle(h.status)}, {text: h.id, style: {bold: true}}, {text: h.agent}, {text: h.to ?? `anyone`},
      {text: h.claimedBy ?? ``, style: {fg: `yellow`}}, {text: age(h.createdAt, view.now)}, {text: h.summary},
    ]);
    const detail = height >= 14 ? detailLines(queue[index]!, view.now, width) : [];
    return renderList({above: [top], columns: COLUMNS, cells, selected: index, detail}, width, height);
  },
};

function detailLines(h: HandoffRow, now: number, width: number): Line[] {
  const claim = h.claimedBy ? `claimed by ${h.claimedBy} ${age(h.claimedAt, now)} ago` : `not claimed`;
  return [
    rule(width),
    [span(`${h.id}  `, {bold: true}), statusSpan(h.status), span(`  ${h.mode} · from ${h.agent} to ${h.to ?? `anyone`} · ${claim}${h.completedAt ? ` · completed ${age(h.completedAt, now)} ago` : ``}`, MUTED)],
    [span(`  summary      `, MUTED), span(h.summary)],
    [span(`  next action  `, MUTED), span(h.nextAction)],
    [span(`  linked to    `, MUTED), span(h.featureId ? `feature ${h.featureId}${h.missionId ? ` of mission ${h.missionId}` : ``}` : h.missionId ? `mission ${h.missionId}` : `no feature`)],
  ];
}
