import type {FeatureRow, MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {renderList, type Cell, type Column} from '../table.ts';
import {legend, look, MUTED, stackedBar, statusSpan, statusStyle, symbolSpan} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {countBy, empty, plural, type ScreenDef} from './screen.ts';

/** Work in flight first, finished work last. */
const GROUP_ORDER = [`in-progress`, `review`, `assigned`, `blocked`, `pending`, `done`];

const COLUMNS: Column[] = [
  {title: `STATUS`, min: 13, max: 13, drop: 4},
  {title: `ID`, min: 10, max: 28},
  {title: `TITLE`, min: 10, max: 60, flex: true},
  {title: `WORKER`, min: 6, max: 12, drop: 2},
  {title: `HELD BY`, min: 7, max: 14, drop: 3},
  {title: `AGE`, min: 3, max: 4, right: true, drop: 1},
  {title: `BLOCKED BY`, min: 10, max: 40, flex: true},
];

/** The features grouped by status, in plan order within a group. */
export function featuresByStatus(snapshot: MissionControlSnapshot): FeatureRow[] {
  const rank = (status: string) => GROUP_ORDER.indexOf(status);
  return snapshot.features.map((f, i) => ({f, i})).sort((a, b) => rank(a.f.status) - rank(b.f.status) || a.i - b.i).map(({f}) => f);
}

/** Every feature by status, with its worker, who holds it, its age and what it waits on; details of the selected one below. */
export const features: ScreenDef = {
  id: `features`,
  title: `Features`,
  short: `Feat`,
  selection: `feature`,
  items: snapshot => featuresByStatus(snapshot).map(f => f.id),
  render: context => {
    const {snapshot, width, height, view} = context;
    if (snapshot.mode === `home`) return {lines: empty(`No mission yet: nothing to list.`, `Create one with \`maestro mission create --file plan.json\`.`)};
    const rows = featuresByStatus(snapshot);
    const counts = countBy(snapshot.features, f => f.status);
    const barWidth = Math.max(10, Math.min(30, width - 70));
    const top: Line = [span(`Features ${snapshot.statusProgress.completed}/${rows.length} done  `, {bold: true}), ...stackedBar(counts, barWidth), span(`  `), ...legend(counts)];
    if (rows.length === 0) return {lines: [top, [], ...empty(`This mission has no features.`)]};
    const index = selectedIndex(view, snapshot);
    const cells = rows.map(f => featureCells(f, view.now));
    const detail = height >= 16 ? detailLines(snapshot, rows[index]!, view.now, width) : [];
    // A heading line before each status group; the selection indexes features only.
    const headings = new Map<number, Line>();
    rows.forEach((f, i) => {
      if (i === 0 || rows[i - 1]!.status !== f.status) headings.set(i, rule(width, [span(`── ${look(f.status).symbol} ${f.status} (${counts[f.status] ?? 0}) `, {...statusStyle(f.status), bold: true})]));
    });
    return renderList({above: [top], columns: COLUMNS, cells, selected: index, detail, headings}, width, height);
  },
};

function featureCells(f: FeatureRow, now: number): Cell[] {
  return [
    {text: `${look(f.status).symbol} ${f.status}`, style: statusStyle(f.status)},
    {text: f.id, style: {bold: true}},
    {text: f.title},
    {text: f.workerType},
    {text: f.claimedBy ?? (f.status === `pending` ? `` : f.updatedBy ?? ``)},
    {text: age(f.updatedAt, now)},
    {text: f.blockedByLabel ?? ``, style: {fg: `red`}},
  ];
}

function detailLines(snapshot: MissionControlSnapshot, row: FeatureRow, now: number, width: number): Line[] {
  const preview = snapshot.taskPreviews.find(p => p.id === row.id);
  if (!preview) return [];
  const claim = row.claimedBy ? `claimed by ${row.claimedBy} (handoff ${row.claimHandoffId})` : `not claimed`;
  return [
    rule(width),
    [symbolSpan(row.status), span(` ${row.id}`, {bold: true}), span(`  ${row.title}`), span(`  `), statusSpan(row.status)],
    [span(`  ${preview.milestoneTitle} · worker ${row.workerType} · ${claim} · updated ${age(row.updatedAt, now)} ago${row.updatedBy ? ` by ${row.updatedBy}` : ``}`, MUTED)],
    [span(`  waits on `, MUTED), span(preview.blockedBy.length === 0 ? `nothing` : preview.blockedBy.map(b => `${b.id} (${b.status})`).join(`, `), preview.blockedBy.length > 0 ? {fg: `red`} : undefined),
      span(`  · unblocks `, MUTED), span(preview.unblocks.length === 0 ? `nothing` : plural(preview.unblocks.length, `feature`)),
      span(`  · fulfills `, MUTED), span(preview.fulfills.join(`, `) || `nothing`)],
    [span(`  ${preview.description}`, MUTED)],
  ];
}
