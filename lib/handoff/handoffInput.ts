import {WORKER_TYPE_PATTERN} from '../domain/common.ts';
import {UkiMode, type UkiCs, type VerificationResult} from '../domain/ukiContent.ts';
import {normalizeAnchor, normalizeListToken, normalizePlanPath, normalizeSingle, refValue, SUMMARY_LIMIT, type TokenResult} from '../domain/ukiTokens.ts';
import {InputError} from '../errors.ts';

/** `handoff create` as typed: every flag of the original (reference-handoff §2.2), as strings. */
export interface CreateHandoffRequest {
  mode?: string;
  sessionCore?: string;
  summary?: string;
  nextAction?: string;
  currentState?: string;
  decision?: string[];
  signal?: string[];
  artifact?: string[];
  readMore?: string[];
  risk?: string[];
  driver?: string[];
  divergence?: string[];
  boundary?: string[];
  planPathItem?: string[];
  maestroSync?: string[];
  touchedFile?: string[];
  completed?: string[];
  validation?: string[];
  blindSpot?: string;
  metaphor?: string;
  assumption?: string[];
  scopeDeclaration?: string;
  verificationResult?: string[];
  complexityDelta?: string;
  missionId?: string;
  featureId?: string;
  milestoneId?: string;
  planRef?: string;
  specRef?: string;
  confidenceWork?: string;
  confidenceSummary?: string;
  sessionId?: string;
  /** The agent type this handoff is meant for. */
  to?: string;
}

/** The request checked and normalised into tokens; mission and feature are resolved later, in the state. */
export interface HandoffInput {
  mode: UkiMode;
  singles: {currentState: string; sessionCore: string; summary: string; nextAction: string; blindSpot?: string; metaphor?: string};
  lists: Record<ListField, string[]>;
  gateFields: {assumptions?: string[]; scopeDeclaration?: Record<string, string>; complexityDelta?: Record<string, unknown>; verificationResults?: VerificationResult[]};
  refs: {missionId?: string; featureId?: string; milestoneId?: string; planPath?: string; specPath?: string};
  cs: UkiCs;
  session?: string;
  to?: string;
}

type ListField = `decisions` | `signalDelta` | `artifacts` | `readMore` | `risks` | `causalDrivers` | `divergences` | `boundaryState` | `planPaths` | `maestroSync` | `touchedFiles` | `completedWork` | `validation`;

/** List flags: request key, flag, content field, how a value becomes a token, the only mode it applies to. */
const LISTS: Array<[keyof CreateHandoffRequest, string, ListField, (raw: string) => TokenResult, UkiMode?]> = [
  [`decision`, `--decision`, `decisions`, normalizeListToken], [`signal`, `--signal`, `signalDelta`, normalizeListToken],
  [`artifact`, `--artifact`, `artifacts`, normalizeAnchor], [`readMore`, `--read-more`, `readMore`, normalizeAnchor],
  [`risk`, `--risk`, `risks`, normalizeListToken], [`driver`, `--driver`, `causalDrivers`, normalizeListToken],
  [`divergence`, `--divergence`, `divergences`, normalizeListToken], [`boundary`, `--boundary`, `boundaryState`, normalizeListToken],
  [`planPathItem`, `--plan-path-item`, `planPaths`, normalizePlanPath, `plan`], [`maestroSync`, `--maestro-sync`, `maestroSync`, normalizeListToken, `plan`],
  [`touchedFile`, `--touched-file`, `touchedFiles`, normalizeAnchor, `execute`], [`completed`, `--completed`, `completedWork`, normalizeListToken, `execute`],
  [`validation`, `--validation`, `validation`, normalizeListToken, `execute`],
];

/**
 * Checks a `handoff create` request and normalises free text into UKI tokens. Every problem is found
 * before any is reported, so one run shows them all; each names the flag, the value and, when there is
 * one, the valid form to use instead.
 * @throws InputError (exit 2) listing every problem
 */
export function parseHandoffInput(request: CreateHandoffRequest): HandoffInput {
  const problems: Array<{message: string; hint?: string}> = [];
  const fail = (message: string, hint?: string) => void problems.push(hint === undefined ? {message} : {message, hint});
  const mode = parseMode(request.mode, fail);
  const token = (flag: string, raw: string, result: TokenResult): string | undefined => {
    if (result.ok) return result.value;
    fail(`${flag} "${raw}" ${result.problem}`, result.suggestion === undefined ? undefined : `use ${suggestFlag(flag, result.suggestion)}`);
    return undefined;
  };
  const single = (flag: string, raw: string | undefined, required: boolean, maxLength?: number): string | undefined => {
    if (raw === undefined || raw.trim() === ``) {
      if (required) fail(`${flag} is required`, `maestro handoff create --mode execute --session-core <token> --summary <text> --next-action <token> --confidence-work 0.9`);
      return undefined;
    }
    return token(flag, raw, normalizeSingle(raw, maxLength === undefined ? {} : {maxLength}));
  };
  const singles = {
    currentState: single(`--current-state`, request.currentState, false) ?? (mode === `plan` ? `plan_ready` : `execute_in_progress`),
    sessionCore: single(`--session-core`, request.sessionCore, true) ?? ``,
    summary: single(`--summary`, request.summary, true, SUMMARY_LIMIT) ?? ``,
    nextAction: single(`--next-action`, request.nextAction, true) ?? ``,
    ...optional(`blindSpot`, single(`--blind-spot`, request.blindSpot, false)),
    ...optional(`metaphor`, single(`--metaphor`, request.metaphor, false)),
  };
  const lists = {} as Record<ListField, string[]>;
  for (const [key, flag, field, normalize, only] of LISTS) {
    const values = ((request[key] as string[] | undefined) ?? []).filter(value => value.trim() !== ``);
    if (only && mode && only !== mode && values.length > 0) fail(`${flag} is for --mode ${only} handoffs`, `drop it, or use --mode ${only}`);
    lists[field] = unique(values.map(value => token(flag, value, normalize(value))).filter((value): value is string => value !== undefined));
  }
  const gateFields = parseGateFields(request, fail);
  const cs = {...parseConfidence(`--confidence-work`, request.confidenceWork, `work`, fail), ...parseConfidence(`--confidence-summary`, request.confidenceSummary, `summary`, fail)};
  if (request.confidenceWork === undefined && request.confidenceSummary === undefined)
    fail(`at least one of --confidence-work or --confidence-summary is required`, `UKI transfer strings carry a confidence score: add --confidence-work 0.9`);
  const to = request.to?.trim();
  if (to !== undefined && !WORKER_TYPE_PATTERN.test(to)) fail(`--to "${request.to}" is not an agent name`, `use an agent type such as codex, claude-code or gemini`);
  const session = request.sessionId?.trim();
  if (request.sessionId !== undefined && !session) fail(`--session-id is empty`);
  if (problems.length > 0) throw inputError(problems);
  return {
    mode: mode!, singles, lists, gateFields, cs, ...optional(`session`, session), ...optional(`to`, to),
    refs: {
      ...optional(`missionId`, request.missionId?.trim() || undefined), ...optional(`featureId`, request.featureId?.trim() || undefined),
      ...optional(`milestoneId`, refOf(request.milestoneId)), ...optional(`planPath`, refOf(request.planRef)), ...optional(`specPath`, refOf(request.specRef)),
    },
  };
}

type Fail = (message: string, hint?: string) => void;

function parseMode(raw: string | undefined, fail: Fail): UkiMode | undefined {
  if (raw === undefined) return void fail(`--mode is required`, `use --mode plan or --mode execute`);
  const parsed = UkiMode.safeParse(raw);
  if (!parsed.success) return void fail(`--mode "${raw}" is not a handoff mode`, `use --mode plan or --mode execute`);
  return parsed.data;
}

function parseConfidence(flag: string, raw: string | undefined, key: keyof UkiCs, fail: Fail): UkiCs {
  if (raw === undefined) return {};
  const value = raw.trim() === `` ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) fail(`${flag} "${raw}" is not a finite number`, `${flag} 0.9`);
  else if (value < 0) fail(`${flag} ${raw} is negative`, `confidence is a number from 0, such as ${flag} 0.9`);
  else return {[key]: value};
  return {};
}

function parseGateFields(request: CreateHandoffRequest, fail: Fail): HandoffInput[`gateFields`] {
  const fields: HandoffInput[`gateFields`] = {};
  const assumptions = (request.assumption ?? []).map(value => value.trim()).filter(value => value !== ``);
  if (assumptions.length > 0) fields.assumptions = assumptions;
  const scope = parseJsonObject(`--scope-declaration`, request.scopeDeclaration, fail);
  if (scope) {
    if (Object.values(scope).every(value => typeof value === `string`)) fields.scopeDeclaration = scope as Record<string, string>;
    else fail(`--scope-declaration values must be strings`, `--scope-declaration '{"src/auth.ts":"login flow only"}'`);
  }
  const delta = parseJsonObject(`--complexity-delta`, request.complexityDelta, fail);
  if (delta) fields.complexityDelta = delta;
  const results: VerificationResult[] = [];
  for (const raw of request.verificationResult ?? []) {
    const colon = raw.lastIndexOf(`:`);
    const step = raw.slice(0, colon).trim();
    const outcome = raw.slice(colon + 1).trim();
    if (colon === -1 || step === ``) fail(`--verification-result "${raw}" is not <step>:passed or <step>:failed`, `--verification-result "bun test:passed"`);
    else if (outcome !== `passed` && outcome !== `failed`) fail(`--verification-result "${raw}" has the outcome "${outcome}"`, `end it with :passed or :failed`);
    else results.push({step, passed: outcome === `passed`});
  }
  if (results.length > 0) fields.verificationResults = results;
  return fields;
}

function parseJsonObject(flag: string, raw: string | undefined, fail: Fail): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return void fail(`${flag} must be valid JSON`, `${flag} '{"key":"value"}'`);
  }
  if (typeof value === `object` && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return void fail(`${flag} must be a JSON object`, `${flag} '{"key":"value"}'`);
}

function refOf(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === `` ? undefined : refValue(raw);
}

/** How to pass a suggested value: list suggestions are several tokens, so several flags. */
function suggestFlag(flag: string, suggestion: string): string {
  return suggestion.split(` `).map(value => `${flag} ${value}`).join(` `);
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function inputError(problems: Array<{message: string; hint?: string}>): InputError {
  if (problems.length === 1) return new InputError(problems[0]!.message, problems[0]!.hint === undefined ? {} : {hint: problems[0]!.hint});
  return new InputError(`${problems.length} problems in the handoff`, {
    hint: `fix them and run maestro handoff create again`,
    details: problems.map(problem => (problem.hint ? `${problem.message} (${problem.hint})` : problem.message)),
    data: {problems},
  });
}
