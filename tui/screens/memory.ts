import {age, span, type Line} from '../line.ts';
import {heading, MUTED} from '../theme.ts';
import {labelled, plural, scrolled, type ScreenDef} from './screen.ts';

/** Corrections, compiled guidance, learnings and the ratchet, as the memory commands store them. */
export const memory: ScreenDef = {
  id: `memory`,
  title: `Memory`,
  short: `Mem`,
  render: context => {
    const {snapshot, view} = context;
    const memory = snapshot.memory;
    if (!memory) return scrolled([[span(`Memory could not be read.`, {bold: true})], ...snapshot.problems.map(p => [span(p, {fg: `red`})])], context);
    const {stats} = memory;
    const compiled = stats.learnings.compiledAt
      ? `compiled ${age(stats.learnings.compiledAt, view.now)} ago: ${plural(stats.learnings.compiledRules ?? 0, `rule`)}${(stats.learnings.staleDays ?? 0) > 0 ? ` (${stats.learnings.staleDays} days old)` : ``}`
      : `never compiled (run \`maestro memory-compile\`)`;
    const baseline = memory.ratchetBaseline;
    const lines: Line[] = [
      labelled(`Corrections`, [span(`${stats.corrections.total}`, {bold: true}), span(` (${stats.corrections.hard} hard, ${stats.corrections.soft} soft)`, MUTED)]),
      labelled(`Learnings`, [span(`${stats.learnings.rawCount}`, {bold: true}), span(` · ${compiled}`, MUTED)]),
      labelled(`Ratchet`, [span(`${plural(stats.ratchet.assertions, `check`)}`, {bold: true}),
        span(stats.ratchet.lastResult ? ` · baseline ${stats.ratchet.lastResult}` : ` · no baseline yet`, {fg: stats.ratchet.lastResult === `fail` ? `red` : stats.ratchet.lastResult === `pass` ? `green` : `gray`}),
        ...(baseline ? [span(` (${baseline.passCount}/${stats.ratchet.assertions} passing, run ${age(baseline.lastRunAt, view.now)} ago)`, MUTED)] : [])]),
      [],
      heading(`Corrections (${memory.corrections.length})`),
      ...(memory.corrections.length === 0 ? [[span(`  none: add one with \`maestro memory-correct "<rule>"\``, MUTED)]] : memory.corrections.map((c): Line => [
        span(c.severity === `hard` ? `  [!] ` : `  [ ] `, {fg: c.severity === `hard` ? `red` : `yellow`, bold: true}), span(c.rule),
        span(`  (${[...c.trigger.keywords, ...c.trigger.fileGlobs].join(`, `) || `no trigger`}) ${age(c.createdAt, view.now)} ago${c.agent ? ` by ${c.agent}` : ``}`, MUTED),
      ])),
      [],
      heading(`Compiled guidance (${memory.compiledLearnings?.length ?? 0})`),
      ...(!memory.compiledLearnings || memory.compiledLearnings.length === 0 ? [[span(`  nothing compiled yet`, MUTED)]] : memory.compiledLearnings.map((r): Line => [
        span(`  ${r.severity === `hard` ? `!` : `·`} `, {fg: r.severity === `hard` ? `red` : `gray`}), span(r.text),
        span(`  ×${r.count} · ${r.kind}${r.agents.length > 0 ? ` · ${r.agents.join(`, `)}` : ``}`, MUTED),
      ])),
      [],
      heading(`Learnings (${memory.rawLearnings.length})`),
      ...(memory.rawLearnings.length === 0 ? [[span(`  none: record one with \`maestro memory-learn --content "…"\``, MUTED)]] : memory.rawLearnings.map((l): Line => [
        span(`  ${age(l.createdAt, view.now).padStart(4)}  `, MUTED), span(l.content), span(`${l.agent ? `  by ${l.agent}` : ``}${l.branch ? ` on ${l.branch}` : ``}`, MUTED),
      ])),
      [],
      heading(`Ratchet checks (${memory.ratchetSuite.assertions.length})`),
      ...(memory.ratchetSuite.assertions.length === 0 ? [[span(`  none: \`maestro memory-correct "<rule>" --check <regex>\` adds one`, MUTED)]] : memory.ratchetSuite.assertions.map((a): Line => [
        span(`  `), span(baseline?.failing.includes(a.id) ? `✗ ` : `✓ `, {fg: baseline?.failing.includes(a.id) ? `red` : `green`}), span(a.rule), span(`  /${a.check}/`, MUTED),
      ])),
    ];
    return scrolled(lines, context);
  },
};
