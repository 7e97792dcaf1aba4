import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {SCREEN_IDS} from '../../lib/missionControl/missionControlRequest.ts';
import type {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {renderFrame} from '../../tui/frame.ts';
import {KEYMAP, keyToAction} from '../../tui/keymap.ts';
import {clean, lineWidth, textWidth} from '../../tui/line.ts';
import {frameText} from '../../tui/output.ts';
import {checkFrame} from '../../tui/preview.ts';
import {stackedBar} from '../../tui/theme.ts';
import {initialView, reduce, selectedId, type ViewState} from '../../tui/view.ts';
import {missionRepos} from '../helpers/missions.ts';
import {busyReadmeRepo, ok, snapshotOf} from './fixtures.ts';

const repos = missionRepos();
const SIZE = {width: 120, height: 40};

function draw(snapshot: MissionControlSnapshot, view: ViewState, ink: `plain` | `mono` | `color` = `plain`, size = SIZE): string {
  return frameText(renderFrame(snapshot, view, size).lines, ink);
}

describe(`the Mission Control screens`, () => {
  let snapshot: MissionControlSnapshot;
  let busy: Awaited<ReturnType<typeof busyReadmeRepo>>;
  before(async () => {
    busy = await busyReadmeRepo(repos);
    snapshot = await snapshotOf(busy.repo);
  });
  const view = (screen: ViewState['screen']) => initialView(screen, Date.parse(snapshot.generatedAt));

  it(`binds every key the help screen lists, j and k included, and lists every binding`, () => {
    const help = draw(snapshot, view(`help`), `plain`, {width: 120, height: 60});

    for (const binding of KEYMAP) {
      assert.ok(help.includes(binding.label), `help lists ${binding.label}`);
      for (const key of binding.keys) assert.deepEqual(keyToAction(key), binding.action(key), key);
    }
    assert.deepEqual([keyToAction(`j`), keyToAction(`k`), keyToAction(`x`)], [{type: `move`, by: 1}, {type: `move`, by: -1}, null]);
    assert.deepEqual(SCREEN_IDS.map((_, i) => keyToAction(String((i + 1) % 10))), SCREEN_IDS.map(to => ({type: `screen`, to})));
  });

  it(`cycles through every screen with Tab and back with Shift-Tab`, () => {
    let current = view(`dashboard`);
    const seen: string[] = [];

    for (let i = 0; i < SCREEN_IDS.length; i++) {
      seen.push(current.screen);
      current = reduce(current, keyToAction(`tab`)!, snapshot, 10);
    }

    assert.deepEqual(seen, [...SCREEN_IDS]);
    assert.equal(current.screen, `dashboard`);
    assert.equal(reduce(current, keyToAction(`S-tab`)!, snapshot, 10).screen, `help`);
  });

  it(`moves the selection with j and k, stopping at both ends`, () => {
    let current = view(`features`);

    const first = selectedId(current, snapshot);
    current = reduce(current, keyToAction(`j`)!, snapshot, 10);
    const second = selectedId(current, snapshot);
    current = reduce(reduce(current, keyToAction(`j`)!, snapshot, 10), keyToAction(`j`)!, snapshot, 10);

    assert.deepEqual([first, second, selectedId(current, snapshot)], [`auth-impl`, `auth-plan`, `auth-plan`]);
    assert.equal(selectedId(reduce(current, keyToAction(`g`)!, snapshot, 10), snapshot), `auth-impl`);
    assert.match(draw(snapshot, current), /│ ›○ pending +auth-plan /);
  });

  it(`keeps the selection on the same feature when a refresh reorders the list`, async () => {
    const selected = reduce(view(`features`), keyToAction(`j`)!, snapshot, 10);
    await ok(busy.repo, [`feature`, `update`, `auth-plan`, `--mission`, busy.missionId, `--status`, `in-progress`], `gemini`);

    const next = await snapshotOf(busy.repo);

    assert.equal(selectedId(selected, next), `auth-plan`);
    assert.match(draw(next, selected), /│ ›▶ in-progress +auth-plan .* gemini /);
  });

  it(`opens a feature's dependencies with Enter, and a handoff's feature`, () => {
    const onPlan = reduce(view(`features`), keyToAction(`j`)!, snapshot, 10);

    const deps = reduce(onPlan, keyToAction(`enter`)!, snapshot, 10);
    const fromHandoff = reduce(view(`handoffs`), keyToAction(`enter`)!, snapshot, 10);

    assert.deepEqual([deps.screen, selectedId(deps, snapshot)], [`dependencies`, `auth-plan`]);
    assert.match(draw(snapshot, deps), /Needed by \(1\)[\s\S]*auth-impl/);
    assert.deepEqual([fromHandoff.screen, selectedId(fromHandoff, snapshot)], [`dependencies`, `auth-impl`]);
  });

  it(`strips terminal control sequences from state text, and fits wide characters`, () => {
    const hostile = structuredClone(snapshot);
    hostile.missionTitle = `认证 \u001b]0;pwned\u0007\u001b[2Jtitle\r\nnext`;
    hostile.features[0]!.title = `\u001b[31mred\u001b[0m 登录流程`;

    const frames = SCREEN_IDS.map(screen => renderFrame(hostile, view(screen), SIZE).lines);

    for (const lines of frames) {
      assert.deepEqual(checkFrame(lines.map(line => line.map(p => p.text).join(``)), lines.map(lineWidth), SIZE), []);
      assert.doesNotMatch(frameText(lines, `plain`), /[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
    assert.match(frameText(frames[0]!, `plain`), /认证 title {2}next/);
    assert.equal(clean(`a\u001b[1mb\u0007c`), `abc`);
    assert.equal(textWidth(`登录`), 4);
  });

  it(`stays readable without colour: symbols and words for statuses, no colour codes with NO_COLOR`, () => {
    const mono = draw(snapshot, view(`features`), `mono`);
    const plain = draw(snapshot, view(`features`));

    assert.match(plain, /▶ in-progress/);
    assert.match(plain, /── ○ pending \(1\) ─/);
    assert.doesNotMatch(mono, /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|90)m/);
    assert.match(mono, /\u001b\[1;7m/);
  });

  it(`splits a stacked bar into exactly its width, every status at least one cell`, () => {
    const cells = (counts: Record<string, number>, width: number) => stackedBar(counts, width).reduce((sum, part) => sum + textWidth(part.text), 0);

    assert.equal(cells({done: 1, pending: 1999}, 20), 20);
    assert.equal(cells({done: 3, review: 1, 'in-progress': 1, pending: 7}, 7), 7);
    assert.equal(stackedBar({done: 1, pending: 1999}, 20)[0]!.text, `█`);
    assert.equal(cells({}, 12), 12);
  });
});
