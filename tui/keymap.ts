import {SCREEN_IDS, type ScreenId} from '../lib/missionControl/missionControlRequest.ts';

/** What a key asks for. The shell handles `quit` and `reload`; tui/view.ts reduces the rest. */
export type Action =
  | {type: `move`; by: number}
  | {type: `page`; by: 1 | -1}
  | {type: `edge`; to: `top` | `bottom`}
  | {type: `cycle`; by: 1 | -1}
  | {type: `screen`; to: ScreenId}
  | {type: `open`}
  | {type: `back`}
  | {type: `reload`}
  | {type: `quit`};

export interface Binding {
  /** Key names as neo-blessed reports them (`key.full`, else the character). */
  keys: string[];
  /** How the help screen writes the keys. */
  label: string;
  description: string;
  action: (key: string) => Action;
}

const DIGITS = [`1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9`, `0`];

/**
 * Every key Mission Control answers to. The help screen is drawn from this table and keyToAction
 * reads it, so the help can only describe keys that work (the reference advertised j/k without
 * binding them, quirk Q8). Nothing here changes state: Mission Control is read-only.
 */
export const KEYMAP: Binding[] = [
  {keys: [`up`, `k`], label: `↑ / k`, description: `up one row (text screens scroll)`, action: () => ({type: `move`, by: -1})},
  {keys: [`down`, `j`], label: `↓ / j`, description: `down one row (text screens scroll)`, action: () => ({type: `move`, by: 1})},
  {keys: [`pageup`, `C-b`], label: `PgUp / Ctrl-B`, description: `one page up`, action: () => ({type: `page`, by: -1})},
  {keys: [`pagedown`, `C-f`, `space`], label: `PgDn / Ctrl-F / Space`, description: `one page down`, action: () => ({type: `page`, by: 1})},
  {keys: [`home`, `g`], label: `Home / g`, description: `first row`, action: () => ({type: `edge`, to: `top`})},
  {keys: [`end`, `S-g`], label: `End / G`, description: `last row`, action: () => ({type: `edge`, to: `bottom`})},
  {keys: [`tab`, `right`, `l`], label: `Tab / → / l`, description: `next screen`, action: () => ({type: `cycle`, by: 1})},
  {keys: [`S-tab`, `left`, `h`], label: `Shift-Tab / ← / h`, description: `previous screen`, action: () => ({type: `cycle`, by: -1})},
  {keys: DIGITS, label: `1 … 9, 0`, description: `the screen with that number in the tab bar`, action: key => ({type: `screen`, to: SCREEN_IDS[DIGITS.indexOf(key)] ?? `dashboard`})},
  {keys: [`enter`, `return`], label: `Enter`, description: `open the row: a feature's dependencies, a handoff's feature`, action: () => ({type: `open`})},
  {keys: [`escape`], label: `Esc`, description: `back to the dashboard`, action: () => ({type: `back`})},
  {keys: [`?`], label: `?`, description: `this help`, action: () => ({type: `screen`, to: `help`})},
  {keys: [`r`], label: `r`, description: `read the state again now (it also follows the ref)`, action: () => ({type: `reload`})},
  {keys: [`q`, `C-c`], label: `q / Ctrl-C`, description: `quit`, action: () => ({type: `quit`})},
];

/** The action of a key, or null for a key Mission Control ignores. */
export function keyToAction(key: string): Action | null {
  const binding = KEYMAP.find(candidate => candidate.keys.includes(key));
  return binding ? binding.action(key) : null;
}
