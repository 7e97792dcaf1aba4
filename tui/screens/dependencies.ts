import type {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {beside, fixed, span, type Line} from '../line.ts';
import {windowStart} from '../table.ts';
import {heading, MUTED, SELECTED, statusSpan, symbolSpan} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {empty, type ScreenDef} from './screen.ts';

/**
 * The features in plan order on the left; on the right, for the selected one, what it waits on,
 * what waits on it, and the queue of features ready to start.
 */
export const dependencies: ScreenDef = {
  id: `dependencies`,
  title: `Dependencies`,
  short: `Deps`,
  selection: `feature`,
  items: snapshot => snapshot.features.map(f => f.id),
  defaultIndex: (snapshot, ids) => (snapshot.activeFeature ? ids.indexOf(snapshot.activeFeature.id) : 0),
  render: context => {
    const {snapshot, width, height, view} = context;
    if (snapshot.mode === `home`) return {lines: empty(`No mission yet: no dependencies to show.`, `Create one with \`maestro mission create --file plan.json\`.`)};
    if (snapshot.features.length === 0) return {lines: empty(`This mission has no features.`)};
    const index = selectedIndex(view, snapshot);
    const leftWidth = Math.max(22, Math.min(40, Math.floor(width * 0.34)));
    const rightWidth = width - leftWidth - 3;
    const ids = snapshot.features;
    const start = windowStart(index, ids.length, height - 1);
    const left: Line[] = [heading(`Plan order (${ids.length})`), ...ids.slice(start, start + height - 1).map((f, k): Line => {
      const isSelected = start + k === index;
      return [span(isSelected ? `›` : ` `, {bold: true}), symbolSpan(f.status), span(` ${fixed(f.id, leftWidth - 3)}`, isSelected ? SELECTED : undefined)];
    })];
    return {lines: beside(left, detailLines(snapshot, ids[index]!.id, rightWidth), leftWidth).slice(0, height), position: `${index + 1}/${ids.length}`};
  },
};

function detailLines(snapshot: MissionControlSnapshot, id: string, width: number): Line[] {
  const preview = snapshot.taskPreviews.find(p => p.id === id)!;
  const status = new Map(snapshot.features.map(f => [f.id, f]));
  const ref = (featureId: string, unmet: boolean): Line => {
    const f = status.get(featureId);
    return [span(`  `), symbolSpan(f?.status ?? `pending`), span(` ${fixed(featureId, Math.min(28, Math.max(10, width - 30)))} `, unmet ? {fg: `red`} : undefined), ...(f ? [statusSpan(f.status), span(`  ${f.title}`, MUTED)] : [span(`(not in this mission)`, MUTED)])];
  };
  const waiting = snapshot.features.filter(f => f.status === `pending` && f.blockedByIds.length > 0).length;
  const ready = snapshot.dispatchQueue;
  const chain: Line = [
    span(preview.dependsOn.length === 0 ? `(start)` : preview.dependsOn.join(`, `), MUTED), span(` ─▶ `),
    span(`[${preview.id}]`, {bold: true}), span(` ─▶ `), span(preview.unblocks.length === 0 ? `(end)` : preview.unblocks.map(u => u.id).join(`, `), MUTED),
  ];
  return [
    [symbolSpan(preview.status), span(` ${preview.id}`, {bold: true}), span(`  ${preview.title}`)],
    [span(`  `), statusSpan(preview.status), span(` · ${preview.milestoneTitle} · ${preview.workerType}`, MUTED)],
    [span(`  `), ...chain],
    [],
    heading(`Waits on (${preview.dependsOn.length}${preview.blockedBy.length > 0 ? `, ${preview.blockedBy.length} not done` : ``})`),
    ...(preview.dependsOn.length === 0 ? [[span(`  nothing: it can start any time`, MUTED)]] : preview.dependsOn.map(d => ref(d, preview.blockedBy.some(b => b.id === d)))),
    [],
    heading(`Needed by (${preview.unblocks.length})`),
    ...(preview.unblocks.length === 0 ? [[span(`  nothing waits on ${preview.id}`, MUTED)]] : preview.unblocks.slice(0, 8).map(u => ref(u.id, false))),
    ...(preview.unblocks.length > 8 ? [[span(`  … ${preview.unblocks.length - 8} more`, MUTED)]] : []),
    [],
    heading(`Ready to start (${ready.length}) · ${waiting} waiting`),
    ...(ready.length === 0 ? [[span(`  none ready`, MUTED)]] : ready.slice(0, 6).map((r): Line => [span(`  `), symbolSpan(`pending`), span(` ${r.featureId}`), span(`  ${r.workerType} · ${r.milestoneTitle}`, MUTED)])),
    ...(ready.length > 6 ? [[span(`  … ${ready.length - 6} more`, MUTED)]] : []),
  ];
}
