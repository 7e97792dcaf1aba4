import {InputError} from '../errors.ts';

/** Mission Control's screens, in tab order (the help screen and `--preview all` use this order). */
export const SCREEN_IDS = [`dashboard`, `features`, `dependencies`, `handoffs`, `assertions`, `memory`, `history`, `checkpoints`, `conflicts`, `help`] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

/** Other names a screen answers to (the reference's aliases, plus ours). Case does not matter. */
const ALIASES: Record<string, ScreenId> = {
  dash: `dashboard`, home: `dashboard`, feat: `features`, feature: `features`, dep: `dependencies`, deps: `dependencies`, dependency: `dependencies`,
  handoff: `handoffs`, assertion: `assertions`, validate: `assertions`, mem: `memory`, log: `history`, checkpoint: `checkpoints`, conflict: `conflicts`,
};

/** The smallest size `--size` accepts; below 80x24 the frame is the "too small" screen. */
const MIN_SIZE = {width: 40, height: 20};
export const DEFAULT_SIZE = {width: 120, height: 40};

export interface Size {
  width: number;
  height: number;
}

export type OutputFormat = `plain` | `ansi`;

/** The flags of `maestro mission-control` as typed. */
export interface MissionControlFlags {
  mission?: string;
  /** `--preview` bare is `true`; `--preview=<screen>` a string. */
  preview?: string | boolean;
  /** A screen named after the flags: the preview's screen, or the screen the dashboard opens on. */
  screen?: string;
  feature?: string;
  handoff?: string;
  size?: string;
  format?: string;
  renderCheck: boolean;
  json: boolean;
}

export type MissionControlRequest =
  | {mode: `json`; missionId?: string}
  | {mode: `preview`; missionId?: string; screens: ScreenId[]; size: Size | null; format: OutputFormat | null; feature?: string; handoff?: string}
  | {mode: `render-check`; missionId?: string; size: Size; json: boolean}
  | {mode: `interactive`; missionId?: string; screen: ScreenId};

/**
 * The mode and settings a command line asks for, checked before anything is read (reference-handoff
 * §11.1: flags, aliases, sizes). `size` and `format` of a preview stay null when not given: the
 * terminal decides. @throws InputError naming the flag and the accepted values
 */
export function parseMissionControlRequest(flags: MissionControlFlags): MissionControlRequest {
  const mission = flags.mission !== undefined ? {missionId: flags.mission} : {};
  const previewing = flags.preview !== undefined && flags.preview !== false;
  if (flags.json && previewing) throw new InputError(`choose either --json or --preview`, {hint: `--json prints the snapshot, --preview draws screens`});
  if (flags.renderCheck && previewing) throw new InputError(`--render-check cannot be combined with --preview`, {hint: `maestro mission-control --render-check --size 120x40`});
  const named = typeof flags.preview === `string` ? flags.preview : flags.screen;
  if (typeof flags.preview === `string` && flags.screen !== undefined) throw new InputError(`two screens named: "${flags.preview}" and "${flags.screen}"`, {hint: `name one: --preview features`});
  const selectors = flags.feature !== undefined || flags.handoff !== undefined;
  if (selectors && !previewing) throw new InputError(`--feature and --handoff select a row of a --preview screen`, {hint: `maestro mission-control --preview features --feature <id>`});
  const size = flags.size === undefined ? null : parseSize(flags.size);
  if (flags.format !== undefined && flags.format !== `plain` && flags.format !== `ansi`)
    throw new InputError(`--format "${flags.format}" is not a format`, {hint: `use --format plain or --format ansi`});
  if (flags.renderCheck) {
    if (named !== undefined || selectors) throw new InputError(`--render-check checks every screen; it takes no screen or selector`, {hint: `maestro mission-control --render-check --size 80x24`});
    return {mode: `render-check`, ...mission, size: size ?? DEFAULT_SIZE, json: flags.json};
  }
  if (flags.json) {
    if (named !== undefined) throw new InputError(`--json prints the whole snapshot; it takes no screen`, {hint: `use --preview ${named} to draw one screen`});
    return {mode: `json`, ...mission};
  }
  if (!previewing) {
    if (flags.format !== undefined || size) throw new InputError(`--size and --format apply to --preview and --render-check`, {hint: `maestro mission-control --preview dashboard --size 100x30`});
    return {mode: `interactive`, ...mission, screen: named === undefined ? `dashboard` : parseScreen(named)};
  }
  const screens = named === undefined ? [`dashboard` as const] : named.toLowerCase() === `all` ? [...SCREEN_IDS] : [parseScreen(named)];
  if (selectors && screens.length !== 1) throw new InputError(`--feature and --handoff need a single --preview screen`, {hint: `maestro mission-control --preview features --feature <id>`});
  if (flags.feature !== undefined && ![`dashboard`, `features`, `dependencies`].includes(screens[0]!))
    throw new InputError(`--feature selects a row of the dashboard, features and dependencies screens, not ${screens[0]}`, {hint: `maestro mission-control --preview dependencies --feature <id>`});
  if (flags.handoff !== undefined && screens[0] !== `handoffs`)
    throw new InputError(`--handoff selects a row of the handoffs screen, not ${screens[0]}`, {hint: `maestro mission-control --preview handoffs --handoff <id>`});
  return {
    mode: `preview`, ...mission, screens, size, format: (flags.format as OutputFormat | undefined) ?? null,
    ...(flags.feature !== undefined ? {feature: flags.feature} : {}), ...(flags.handoff !== undefined ? {handoff: flags.handoff} : {}),
  };
}

/** A screen by id or alias, any case. @throws InputError listing the screens */
function parseScreen(name: string): ScreenId {
  const lower = name.toLowerCase();
  const id = (SCREEN_IDS as readonly string[]).includes(lower) ? lower as ScreenId : ALIASES[lower];
  if (!id) throw new InputError(`unknown screen "${name}"`, {hint: `use one of: ${SCREEN_IDS.join(`, `)}, or all`});
  return id;
}

/** `120x40` (any case of x), at least MIN_SIZE. @throws InputError */
function parseSize(text: string): Size {
  const match = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!match) throw new InputError(`--size "${text}" is not WIDTHxHEIGHT`, {hint: `use e.g. --size 120x40`});
  const size = {width: Number(match[1]), height: Number(match[2])};
  if (size.width < MIN_SIZE.width || size.height < MIN_SIZE.height || size.width > 1000 || size.height > 1000)
    throw new InputError(`--size ${size.width}x${size.height} is outside ${MIN_SIZE.width}x${MIN_SIZE.height} to 1000x1000`, {hint: `use e.g. --size 120x40 (Mission Control needs 80x24 to draw its screens)`});
  return size;
}
