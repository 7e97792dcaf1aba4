import {SCREEN_IDS} from '../../lib/missionControl/missionControlRequest.ts';
import {KEYMAP} from '../keymap.ts';
import {fixed, span, type Line} from '../line.ts';
import {heading, MUTED} from '../theme.ts';
import {scrolled, type ScreenDef} from './screen.ts';
import {SCREENS} from './index.ts';

/** The keys, drawn from the keymap the dashboard runs on, and the screens. */
export const help: ScreenDef = {
  id: `help`,
  title: `Help`,
  short: `Help`,
  render: context => {
    const width = Math.max(...KEYMAP.map(b => b.label.length)) + 2;
    const lines: Line[] = [
      heading(`Keys`),
      ...KEYMAP.map((b): Line => [span(`  ${fixed(b.label, width)}`, {bold: true, fg: `cyan`}), span(b.description)]),
      [],
      heading(`Screens`),
      ...SCREEN_IDS.map((id, i): Line => [span(`  ${String((i + 1) % 10)}  ${fixed(SCREENS[id].title, 14)}`, {bold: true}), span(DESCRIPTIONS[id], MUTED)]),
      [],
      heading(`About`),
      [span(`  Read-only: Mission Control never changes the state.`)],
      [span(`  Live: it redraws when refs/maestro/main moves (a write`)],
      [span(`  in any terminal, a sync): it watches the ref, no polling.`)],
      [span(`  Without a terminal: maestro mission-control --preview all`, MUTED)],
    ];
    return scrolled(lines, context);
  },
};

const DESCRIPTIONS: Record<(typeof SCREEN_IDS)[number], string> = {
  dashboard: `status, progress bars, milestones, gate, counts, activity`,
  features: `by status: worker, holder, age, what each waits on`,
  dependencies: `what a feature waits on and unblocks; the ready queue`,
  handoffs: `the queue, with targets and claims`,
  assertions: `results and evidence; the current gate`,
  memory: `corrections, compiled guidance, learnings, ratchet`,
  history: `state commits from git, the diff of the selected one`,
  checkpoints: `the mission's checkpoints and what each captured`,
  conflicts: `what a sync had to choose; open ones first`,
  help: `this screen`,
};
