import type {MilestoneRow, MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, beside, duration, fixed, span, type Line, type Span} from '../line.ts';
import {bar, heading, legend, look, MUTED, stackedBar, statusSpan, statusStyle, symbolSpan} from '../theme.ts';
import {selectedId} from '../view.ts';
import {countBy, labelled, plural, scrolled, type ScreenContext, type ScreenDef} from './screen.ts';

/** Two columns from this width on (the reference splits at 96): progress and milestones left, focus, counts and activity right. */
const WIDE = 96;

/** The dashboard: mission status, progress bars, milestones, gate, counts, the focused feature, recent activity. */
export const dashboard: ScreenDef = {
  id: `dashboard`,
  title: `Dashboard`,
  short: `Dash`,
  render: context => scrolled(context.snapshot.mode === `home` ? homeLines(context) : missionLines(context), context),
};

function missionLines(context: ScreenContext): Line[] {
  const {snapshot, width, height} = context;
  const now = context.view.now;
  if (width < WIDE) {
    return [...summaryLines(snapshot, width), [], ...milestoneLines(snapshot.milestones, width, 8), [], ...focusLines(context), [], ...countLines(snapshot, now), [], ...activityLines(snapshot, now, 6)];
  }
  // Summary beside focus and counts; milestones and recent activity below, across the whole width.
  const leftWidth = Math.floor(width * 0.54);
  const top = beside(summaryLines(snapshot, leftWidth), [...focusLines(context), [], ...countLines(snapshot, now)], leftWidth);
  const rest = Math.max(4, height - top.length - 2);
  const milestones = milestoneLines(snapshot.milestones, width, Math.max(3, Math.min(snapshot.milestones.length + 1, Math.floor(rest * 0.6))));
  return [...top, [], ...milestones, [], ...activityLines(snapshot, now, Math.max(1, rest - milestones.length - 1))];
}

function summaryLines(snapshot: MissionControlSnapshot, width: number): Line[] {
  const p = snapshot.statusProgress;
  const barWidth = Math.max(10, Math.min(40, width - 44));
  const assertions = snapshot.assertions;
  const settled = assertions.filter(a => a.result === `passed` || a.result === `waived`).length;
  const assertionPct = assertions.length === 0 ? 0 : Math.round((settled / assertions.length) * 100);
  const status = snapshot.effectiveStatus;
  return [
    [span(` ${snapshot.missionOverview?.statusLabel ?? status.toUpperCase()} `, {...statusStyle(status), inverse: true, bold: true}), span(` ${snapshot.missionTitle}`, {bold: true})],
    [span(`${snapshot.missionId} · ${status === snapshot.missionStatus ? `` : `stored ${snapshot.missionStatus} · `}elapsed ${duration(snapshot.elapsedMs)}`, MUTED)],
    [],
    labelled(`Features`, [...bar(p.completionPct, barWidth), span(` ${String(p.completionPct).padStart(3)}%  ${p.completed}/${p.total} done`)]),
    labelled(`Assertions`, [...bar(assertionPct, barWidth, `cyan`), span(` ${String(assertionPct).padStart(3)}%  ${settled}/${assertions.length} passed or waived`)]),
    labelled(`Status`, [...stackedBar(countBy(snapshot.features, f => f.status), barWidth)]),
    labelled(``, legend(countBy(snapshot.features, f => f.status))),
    labelled(`Counts`, [span(`${p.inFlight} active · ${p.blocked} waiting · ${p.queued} ready to start`)]),
    labelled(`Gate`, snapshot.gateLabel === null ? [span(`no milestones`, MUTED)]
      : [span(snapshot.gateBlocked ? `✗ ` : `✓ `, {fg: snapshot.gateBlocked ? `red` : `green`}), span(snapshot.gateLabel, {fg: snapshot.gateBlocked ? `red` : `green`})]),
    ...(snapshot.problems.length > 0 ? [labelled(`Problems`, [span(`${plural(snapshot.problems.length, `state file`)} could not be read: ${snapshot.problems[0]}`, {fg: `red`})])] : []),
  ];
}

/**
 * One bar per milestone. When they do not fit in `budget` rows, the sealed ones before the current
 * milestone fold into one line and the pending ones after the window into another.
 */
export function milestoneLines(milestones: MilestoneRow[], width: number, budget: number): Line[] {
  const rows: Line[] = [[...heading(`Milestones (${milestones.length})`)]];
  if (milestones.length === 0) return [...rows, [span(`no milestones`, MUTED)]];
  const idWidth = Math.min(16, Math.max(...milestones.map(m => m.id.length)));
  // The bar and the percentage always; then, as room allows, feature and assertion counts, title, status.
  let room = width - idWidth - 8 - 10;
  const take = (w: number) => (room >= w + 1 ? (room -= w + 1, true) : false);
  const withFeatures = take(9);
  const withAssertions = take(9);
  const titleWidth = room >= 9 ? Math.min(24, room - 1) : 0;
  const withTitle = titleWidth > 0 && take(titleWidth);
  const withStatus = take(12);
  const barWidth = Math.min(24, 10 + room);
  const row = (m: MilestoneRow): Line => [
    symbolSpan(m.status), span(` ${fixed(m.id, idWidth)} `), ...(withTitle ? [span(`${fixed(m.title, titleWidth)} `)] : []),
    ...bar(m.featureCompletionPct, barWidth, look(m.status).color), span(` ${String(m.featureCompletionPct).padStart(3)}%`),
    ...(withFeatures ? [span(` ${fixed(`${m.completedFeatures}/${m.featureCount} feat`, 9)}`, MUTED)] : []),
    ...(withAssertions ? [span(` ${fixed(`${m.terminalAssertions}/${m.assertionCount} asrt`, 9)}`, MUTED)] : []),
    ...(withStatus ? [span(` `), statusSpan(m.status)] : []),
  ];
  if (milestones.length <= budget) return [...rows, ...milestones.map(row)];
  const current = Math.max(0, milestones.findIndex(m => m.status !== `sealed`));
  const start = Math.max(0, Math.min(current, milestones.length - (budget - 2)));
  const shown = milestones.slice(start, start + Math.max(1, budget - 2));
  const before = milestones.slice(0, start);
  const after = milestones.slice(start + shown.length);
  const fold = (list: MilestoneRow[], where: string): Line[] => (list.length === 0 ? [] : [[
    span(`  ${plural(list.length, `milestone`)} ${where}: `, MUTED),
    span(Object.entries(countBy(list, m => m.status)).map(([status, n]) => `${n} ${status}`).join(`, `), MUTED),
  ]]);
  return [...rows, ...fold(before, `before`), ...shown.map(row), ...fold(after, `after`)];
}

function focusLines(context: ScreenContext): Line[] {
  const {snapshot, view} = context;
  const chosen = view.selected.feature !== undefined ? selectedId(view, snapshot, `features`) : null;
  const id = chosen ?? snapshot.activeFeature?.id ?? null;
  const feature = snapshot.taskPreviews.find(f => f.id === id);
  const row = snapshot.features.find(f => f.id === id);
  if (!feature || !row) return [heading(`Focus`), [span(`no feature to work on`, MUTED)]];
  const holder = row.claimedBy ?? row.updatedBy;
  return [
    heading(`Focus`),
    [symbolSpan(feature.status), span(` ${feature.id}`, {bold: true}), span(`  ${feature.title}`)],
    [span(`  `), statusSpan(feature.status), span(` · ${feature.workerType}${holder ? ` · by ${holder}` : ``} · ${age(row.updatedAt, view.now)} ago · ${feature.milestoneTitle}`, MUTED)],
    ...(feature.blockedBy.length > 0 ? [[span(`  waits on `, MUTED), span(feature.blockedBy.map(b => `${b.id} (${b.status})`).join(`, `), {fg: `red`})]] : []),
    ...(feature.unblocks.length > 0 ? [[span(`  unblocks `, MUTED), span(feature.unblocks.map(b => b.id).join(`, `))]] : []),
  ];
}

function countLines(snapshot: MissionControlSnapshot, now: number): Line[] {
  const handoffs = countBy(snapshot.handoffs, h => h.status);
  const open = snapshot.conflicts.filter(c => c.status === `open`).length;
  const stats = snapshot.memoryStats;
  const agents = snapshot.agentGrid.map(a => [symbolSpan(a.status === `active` ? `in-progress` : a.status === `completed` ? `done` : a.status === `stale` ? `blocked` : `pending`), span(` ${a.workerType} ${a.status}${a.activeFeatureId ? ` (${a.activeFeatureId})` : ``}  `)]).flat();
  return [
    labelled(`Agents`, agents.length > 0 ? agents : [span(`none yet`, MUTED)]),
    labelled(`Handoffs`, [span(`${handoffs.pending ?? 0} pending`, {fg: (handoffs.pending ?? 0) > 0 ? `yellow` : `gray`}), span(` · ${handoffs[`picked-up`] ?? 0} claimed${handoffs.completed ? ` · ${handoffs.completed} done` : ``}`)]),
    labelled(`Conflicts`, [span(open > 0 ? `${open} open` : `none open`, {fg: open > 0 ? `red` : `green`}), span(` · ${snapshot.conflicts.length - open} resolved`, MUTED)]),
    labelled(`Checkpoints`, [span(`${snapshot.checkpoints.length}${snapshot.checkpoints[0] ? ` · latest ${age(snapshot.checkpoints[0].timestamp, now)} ago` : ``}`)]),
    labelled(`Memory`, [span(stats ? `${plural(stats.corrections.total, `correction`)} · ${plural(stats.learnings.rawCount, `learning`)}${stats.ratchet.assertions > 0 ? ` · ${plural(stats.ratchet.assertions, `check`)}` : ``}` : `empty`)]),
  ];
}

function activityLines(snapshot: MissionControlSnapshot, now: number, budget: number): Line[] {
  const events = snapshot.eventStream.slice(0, Math.max(1, budget));
  if (events.length === 0) return [heading(`Recent activity`), [span(`nothing yet`, MUTED)]];
  return [heading(`Recent activity`), ...events.map((e): Line => [
    span(`${age(e.timestamp, now).padStart(4)}  `, MUTED), span(e.title), ...(e.detail ? [span(`  ${e.detail}`, MUTED)] : []),
  ])];
}

function homeLines(context: ScreenContext): Line[] {
  const {snapshot, view} = context;
  const home = snapshot.home;
  if (!home) return [];
  const tip = snapshot.state;
  const steps = home.actions.flatMap((action, i): Line[] => [
    [span(`  ${i + 1}. ${fixed(action.label, 22)}`), span(action.command, {fg: `cyan`, bold: true})],
    [span(`     ${action.detail}`, MUTED)],
  ]);
  const handoffs = snapshot.handoffs.filter(h => h.status === `pending`);
  return [
    [span(` HOME `, {inverse: true, bold: true}), span(` ${home.headline}`, {bold: true})],
    [span(home.summary, MUTED)],
    [],
    labelled(`Repository`, [span(home.locationLabel)]),
    labelled(`State`, [span(tip.commit ? `${tip.ref} at ${tip.commit.slice(0, 10)} · ${age(tip.committedAt, view.now)} ago by ${tip.agent ?? `unknown`}: ${tip.command ?? ``}` : `no ${tip.ref} yet`)]),
    labelled(`Checks`, home.checks.flatMap((check): Span[] => [symbolSpan(check.status), span(` ${check.name} `), span(`${check.detail}   `, MUTED)])),
    labelled(`Missions`, [span(snapshot.missions.length === 0 ? `none` : snapshot.missions.map(m => `${m.id} ${m.status}`).join(`, `))]),
    labelled(`Handoffs`, [span(`${handoffs.length} pending`), span(handoffs.length > 0 ? ` · newest ${handoffs[0]!.id} from ${handoffs[0]!.agent}` : ``, MUTED)]),
    ...countLines(snapshot, view.now).slice(2),
    [],
    heading(`Next steps`),
    ...steps,
  ];
}
