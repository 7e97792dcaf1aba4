import {SCREEN_IDS, type ScreenId} from '../lib/missionControl/missionControlRequest.ts';
import type {HistoryDiff, MissionControlSnapshot} from '../lib/missionControl/missionControlSnapshot.ts';
import type {Action} from './keymap.ts';
import {SCREENS} from './screens/index.ts';

/** Which row is selected, by id, so a selection survives a refresh; features and dependencies share one. */
export type SelectionKey = `feature` | `handoff` | `assertion` | `commit` | `checkpoint` | `conflict`;

/** Everything drawn besides the snapshot: the screen, selections, scroll offsets, the clock. */
export interface ViewState {
  screen: ScreenId;
  selected: Partial<Record<SelectionKey, string>>;
  /** First line shown, per text screen. */
  scroll: Partial<Record<ScreenId, number>>;
  /** Diffs of history entries loaded after the snapshot (the snapshot carries the newest one). */
  diffs: Record<string, HistoryDiff>;
  /** The time ages are measured at (ms). */
  now: number;
  /** One line for the footer: a refresh that failed, a diff loading. */
  message: string | null;
}

/** The view a dashboard or preview starts with: `screen`, nothing selected, no scroll. */
export function initialView(screen: ScreenId, now: number): ViewState {
  return {screen, selected: {}, scroll: {}, diffs: {}, now, message: null};
}

/** The selected row of a list screen: the chosen id when it still exists, else the first row. */
export function selectedIndex(view: ViewState, snapshot: MissionControlSnapshot, screen: ScreenId = view.screen): number {
  const def = SCREENS[screen];
  if (!def.items || !def.selection) return -1;
  const ids = def.items(snapshot);
  if (ids.length === 0) return -1;
  const chosen = view.selected[def.selection];
  const index = chosen === undefined ? -1 : ids.indexOf(chosen);
  return index === -1 ? Math.max(0, def.defaultIndex?.(snapshot, ids) ?? 0) : index;
}

/** The id of the selected row of a list screen, or null. */
export function selectedId(view: ViewState, snapshot: MissionControlSnapshot, screen: ScreenId = view.screen): string | null {
  const def = SCREENS[screen];
  const index = selectedIndex(view, snapshot, screen);
  return index === -1 || !def.items ? null : def.items(snapshot)[index] ?? null;
}

/**
 * The view after an action (pure). `page` is how many rows a page holds. Moving past either end stops
 * there; a text screen's scroll is clamped to its length when drawn.
 */
export function reduce(view: ViewState, action: Action, snapshot: MissionControlSnapshot, page: number): ViewState {
  switch (action.type) {
    case `move`: return moveBy(view, snapshot, action.by);
    case `page`: return moveBy(view, snapshot, action.by * Math.max(1, page - 1));
    case `edge`: return moveBy(view, snapshot, action.to === `top` ? -Infinity : Infinity);
    case `cycle`: {
      const next = (SCREEN_IDS.indexOf(view.screen) + action.by + SCREEN_IDS.length) % SCREEN_IDS.length;
      return {...view, screen: SCREEN_IDS[next]!};
    }
    case `screen`: return {...view, screen: action.to};
    case `back`: return {...view, screen: `dashboard`};
    case `open`: return open(view, snapshot);
    default: return view;
  }
}

function moveBy(view: ViewState, snapshot: MissionControlSnapshot, by: number): ViewState {
  const def = SCREENS[view.screen];
  if (!def.items || !def.selection) {
    const current = view.scroll[view.screen] ?? 0;
    const next = by === -Infinity ? 0 : by === Infinity ? Number.MAX_SAFE_INTEGER : Math.max(0, current + by);
    return {...view, scroll: {...view.scroll, [view.screen]: next}};
  }
  const ids = def.items(snapshot);
  if (ids.length === 0) return view;
  const index = selectedIndex(view, snapshot);
  const next = by === -Infinity ? 0 : by === Infinity ? ids.length - 1 : Math.min(ids.length - 1, Math.max(0, index + by));
  return {...view, selected: {...view.selected, [def.selection]: ids[next]!}};
}

/** Enter: from a feature to its dependencies and back; from a handoff or an assertion to its feature. */
function open(view: ViewState, snapshot: MissionControlSnapshot): ViewState {
  const id = selectedId(view, snapshot);
  if (id === null) return view;
  const toFeature = (featureId: string | null, screen: ScreenId): ViewState =>
    (featureId && snapshot.features.some(f => f.id === featureId) ? {...view, screen, selected: {...view.selected, feature: featureId}} : view);
  switch (view.screen) {
    case `features`: return toFeature(id, `dependencies`);
    case `dependencies`: return toFeature(id, `features`);
    case `handoffs`: return toFeature(snapshot.handoffs.find(h => h.id === id)?.featureId ?? null, `dependencies`);
    case `assertions`: return toFeature(snapshot.assertions.find(a => a.id === id)?.featureId ?? null, `features`);
    default: return view;
  }
}

/** The clamped scroll of a text screen, once its length is known. */
export function clampScroll(view: ViewState, screen: ScreenId, max: number): ViewState {
  const current = view.scroll[screen];
  return current === undefined || current <= max ? view : {...view, scroll: {...view.scroll, [screen]: Math.max(0, max)}};
}
