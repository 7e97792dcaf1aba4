import {InputError} from '../errors.ts';
import {describeIssue} from './schema.ts';
import {EXECUTE_HEAD_BLOCKS, PLAN_BLOCKS, REF_PREFIXES, TAIL_BLOCKS, UkiContent, type UkiCs, type UkiRefs, type UkiVersion} from './ukiContent.ts';
import {CS_PATTERN, encodeUki} from './ukiEncode.ts';

export interface DecodedUki {
  /** The layout the string was written in; its content is always the v5.4 model. */
  version: UkiVersion;
  content: UkiContent;
}

type Slot = {name: string; optional?: boolean};
type Values = Map<string, string>;

const slots = (...names: string[]): Slot[] => names.map(name => (name.startsWith(`?`) ? {name: name.slice(1), optional: true} : {name}));

/** The older layouts the original still reads (reference-handoff §3.7), newest first. */
const V53 = slots(`SESSION_CORE`, `CAUSAL_DRIVERS`, `DIVERGENCES`, `KEY_DECISIONS`, `DECISION_BASIS`, `SIGNAL_DELTA`, `VALIDATION_STATE`, `EXECUTION_STATE`,
  `BOUNDARY_STATE`, `NEXT_ACTION`, `ARTIFACTS`, `STANCE_COLLAPSE`, `?BLIND_SPOT`, `?METAPHOR`, `CS`, `SUMMARY`);
const V52 = slots(`SESSION_CORE`, `CAUSAL_DRIVERS`, `DIVERGENCES`, `KEY_DECISIONS`, `SIGNAL_DELTA`, `ARTIFACTS`, `EXECUTION_STATE`, `BOUNDARY_STATE`,
  `STANCE_COLLAPSE`, `NEXT_ACTION`, `CS`, `SUMMARY`);
const V54_PLAN: Slot[] = PLAN_BLOCKS.map(block => ({name: block.name}));
const V54_EXECUTE: Slot[] = [...EXECUTE_HEAD_BLOCKS.map(block => ({name: block.name})), ...slots(`?BLIND_SPOT`, `?METAPHOR`), ...TAIL_BLOCKS.map(block => ({name: block.name}))];

/**
 * Reads a UKI string back into content (reference-handoff §3.7): v5.4 plan and execute, and the
 * legacy v5.3 and v5.2 layouts, which map onto execute content. Checks the layout, not the token rules:
 * `validateUki` does that. Pure.
 * @throws InputError (`uki: …`) when no layout matches or the content is incomplete
 */
export function decodeUki(raw: string): DecodedUki {
  const parts = raw.split(`|`);
  let decoded: DecodedUki | null = null;
  if (parts[0] === `MODE-plan`) decoded = withLayout(parts, V54_PLAN, values => ({version: `5.4`, content: planContent(values)}));
  else if (parts[0] === `MODE-execute`) decoded = withLayout(parts, V54_EXECUTE, values => ({version: `5.4`, content: executeContent(values)}));
  else decoded = withLayout(parts, V53, values => ({version: `5.3`, content: legacyContent(values, `5.3`)})) ?? withLayout(parts, V52, values => ({version: `5.2`, content: legacyContent(values, `5.2`)}));
  if (!decoded) throw new InputError(`uki: unsupported UKI layout (starts "${raw.slice(0, 40)}")`, {hint: `a v5.4 string starts with MODE-plan| or MODE-execute|`});
  const parsed = UkiContent.safeParse(decoded.content);
  if (!parsed.success) throw new InputError(`uki: the string decodes to invalid content: ${parsed.error.issues.map(describeIssue).join(`; `)}`);
  return {version: decoded.version, content: parsed.data};
}

/**
 * The problems of a UKI string; empty when it is valid. A v5.4 string must also survive the round
 * trip: re-encoding what it decodes to must give the same bytes.
 */
export function validateUki(raw: string): string[] {
  try {
    const {version, content} = decodeUki(raw);
    if (version === `5.4` && encodeUki(content) !== raw) return [`uki validation failed the deterministic round trip of a v5.4 string`];
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [error.message, ...(error.hint ? [error.hint] : [])];
  }
}

/** Matches the parts against a layout; each part must start with its block's `NAME-`. */
function withLayout(parts: string[], layout: Slot[], build: (values: Values) => DecodedUki): DecodedUki | null {
  const values: Values = new Map();
  let index = 0;
  for (const slot of layout) {
    const part = parts[index];
    if (part?.startsWith(`${slot.name}-`)) {
      values.set(slot.name, part.slice(slot.name.length + 1));
      index++;
    } else if (!slot.optional) {
      return null;
    }
  }
  return index === parts.length ? build(values) : null;
}

function list(values: Values, name: string): string[] {
  const value = values.get(name);
  return value === undefined || value === `NONE` ? [] : value.split(`-`).filter(token => token !== ``);
}

function single(values: Values, name: string): string {
  return values.get(name) ?? ``;
}

function optionalSingles(values: Values): {blindSpot?: string; metaphor?: string} {
  return {...(values.get(`BLIND_SPOT`) ? {blindSpot: values.get(`BLIND_SPOT`)!} : {}), ...(values.get(`METAPHOR`) ? {metaphor: values.get(`METAPHOR`)!} : {})};
}

function refs(value: string | undefined): UkiRefs {
  const result: UkiRefs = {};
  if (value === undefined || value === `NONE`) return result;
  for (const token of value.split(`-`)) {
    const match = REF_PREFIXES.find(([, prefix]) => token.startsWith(prefix));
    if (match) result[match[0]] = token.slice(match[1].length);
  }
  return result;
}

function cs(value: string | undefined): UkiCs {
  if (value === undefined || !CS_PATTERN.test(value)) throw new InputError(`uki: CS has an invalid value: ${value ?? `(missing)`}`, {hint: `CS is work_<n>, summary_<n> or work_<n>~summary_<n>`});
  const result: UkiCs = {};
  for (const part of value.split(`~`)) {
    if (part.startsWith(`work_`)) result.work = Number(part.slice(5));
    else result.summary = Number(part.slice(8));
  }
  return result;
}

function common(values: Values) {
  return {
    currentState: single(values, `CURRENT_STATE`), sessionCore: single(values, `SESSION_CORE`),
    causalDrivers: list(values, `CAUSAL_DRIVERS`), divergences: list(values, `DIVERGENCES`), maestroRefs: refs(values.get(`MAESTRO_REFS`)),
    decisions: list(values, `DECISIONS`), signalDelta: list(values, `SIGNAL_DELTA`), artifacts: list(values, `ARTIFACTS`), readMore: list(values, `READ_MORE`),
    nextAction: single(values, `NEXT_ACTION`), cs: cs(values.get(`CS`)), summary: single(values, `SUMMARY`),
  };
}

function planContent(values: Values): UkiContent {
  return {mode: `plan`, ...common(values), planPaths: list(values, `PLAN_PATHS`), maestroSync: list(values, `MAESTRO_SYNC`), boundaryState: [], risks: []};
}

function executeContent(values: Values): UkiContent {
  return {
    mode: `execute`, ...common(values), touchedFiles: list(values, `TOUCHED_FILES`), completedWork: list(values, `COMPLETED_WORK`),
    validation: list(values, `VALIDATION`), boundaryState: list(values, `BOUNDARY_STATE`), risks: list(values, `RISKS`), ...optionalSingles(values),
  };
}

/** v5.3 and v5.2 become execute content, as the original maps them (reference-handoff §3.7). */
function legacyContent(values: Values, version: `5.3` | `5.2`): UkiContent {
  const keyDecisions = list(values, `KEY_DECISIONS`);
  const signalDelta = list(values, `SIGNAL_DELTA`);
  const artifacts = list(values, `ARTIFACTS`);
  const files = artifacts.filter(token => token.startsWith(`file_`));
  const nextAction = single(values, `NEXT_ACTION`);
  const extras = version === `5.3` ? optionalSingles(values) : {};
  return {
    mode: `execute`, currentState: single(values, `EXECUTION_STATE`), sessionCore: single(values, `SESSION_CORE`),
    causalDrivers: list(values, `CAUSAL_DRIVERS`), divergences: list(values, `DIVERGENCES`), maestroRefs: {},
    decisions: version === `5.3` ? [...keyDecisions, ...list(values, `DECISION_BASIS`)] : keyDecisions,
    signalDelta, touchedFiles: files, completedWork: signalDelta.length > 0 ? signalDelta : keyDecisions,
    validation: version === `5.3` ? list(values, `VALIDATION_STATE`) : [],
    artifacts, readMore: files.length > 0 ? files : artifacts.length > 0 ? artifacts.slice(0, 3) : [nextAction],
    boundaryState: list(values, `BOUNDARY_STATE`), risks: extras.blindSpot ? [extras.blindSpot] : [], ...extras,
    nextAction, cs: cs(values.get(`CS`)), summary: single(values, `SUMMARY`),
  };
}
