import type {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {age, rule, span, type Line} from '../line.ts';
import {renderList, type Cell, type Column} from '../table.ts';
import {legend, MUTED, stackedBar} from '../theme.ts';
import {selectedIndex} from '../view.ts';
import {countBy, empty, type ScreenDef} from './screen.ts';

type Checkpoint = MissionControlSnapshot['checkpoints'][number];

const COLUMNS: Column[] = [
  {title: `ID`, min: 12, max: 26},
  {title: `NAME`, min: 8, max: 40, flex: true, drop: 2},
  {title: `AGE`, min: 4, max: 4, right: true},
  {title: `BY`, min: 5, max: 14, drop: 3},
  {title: `MILESTONE`, min: 8, max: 16},
  {title: `DONE`, min: 9, max: 11, right: true},
  {title: `COMMIT`, min: 10, max: 10, drop: 1},
];

const done = (c: Checkpoint) => Object.values(c.featureStatuses).filter(s => s === `done`).length;

/** The mission's checkpoints, newest first, and what the selected one captured. */
export const checkpoints: ScreenDef = {
  id: `checkpoints`,
  title: `Checkpoints`,
  short: `Ckpt`,
  selection: `checkpoint`,
  items: snapshot => snapshot.checkpoints.map(c => c.id),
  render: context => {
    const {snapshot, width, height, view} = context;
    if (snapshot.mode === `home`) return {lines: empty(`No mission yet: no checkpoints.`)};
    const list = snapshot.checkpoints;
    const top: Line = [span(`Checkpoints of ${snapshot.missionId}: ${list.length}`, {bold: true}), span(`  (tags under refs/tags/maestro/${snapshot.missionId}/)`, MUTED)];
    if (list.length === 0) return {lines: [top, [], ...empty(`No checkpoints yet.`, `Save one with \`maestro checkpoint save --mission ${snapshot.missionId}\`.`)]};
    const index = selectedIndex(view, snapshot);
    const cells = list.map((c): Cell[] => [
      {text: c.id, style: {bold: true}}, {text: c.name ?? ``}, {text: age(c.timestamp, view.now)}, {text: c.agent},
      {text: c.currentMilestoneId}, {text: `${done(c)}/${c.featureCount}`}, {text: c.commit.slice(0, 10), style: {fg: `yellow`}},
    ]);
    const detail = height >= 14 ? detailLines(list[index]!, width) : [];
    return renderList({above: [top], columns: COLUMNS, cells, selected: index, detail}, width, height);
  },
};

function detailLines(c: Checkpoint, width: number): Line[] {
  const features = countBy(Object.values(c.featureStatuses), s => s);
  const results = countBy(Object.values(c.assertionResults), s => s);
  const resultOrder = [`passed`, `waived`, `failed`, `blocked`, `pending`];
  return [
    rule(width),
    [span(`${c.id}  `, {bold: true}), span(`${c.name ? `"${c.name}" · ` : ``}${c.timestamp} · by ${c.agent} · milestone ${c.currentMilestoneId} · commit ${c.commit.slice(0, 10)}`, MUTED)],
    [span(`  features    `, MUTED), ...stackedBar(features, 20), span(`  `), ...legend(features)],
    [span(`  assertions  `, MUTED), ...stackedBar(results, 20, resultOrder), span(`  `), ...legend(results, resultOrder)],
    [span(`  sealed      `, MUTED), span(c.sealedMilestoneIds.length === 0 ? `none` : c.sealedMilestoneIds.join(`, `)), span(`   restore: maestro checkpoint restore ${c.id} --mission ${c.missionId}`, MUTED)],
  ];
}
