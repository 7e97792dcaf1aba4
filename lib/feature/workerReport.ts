import {WorkerReport} from '../domain/feature.ts';
import {describeIssue} from '../domain/schema.ts';
import {InputError} from '../errors.ts';

/**
 * Parses the `--report` of `feature update` (reference §1.6): a rich report (a string
 * `salientSummary`, missing parts filled with empty defaults) or the legacy `{content}`.
 * @throws InputError naming what is wrong
 */
export function parseWorkerReport(text: string): WorkerReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`invalid JSON in worker report`, {hint: `give inline JSON or @file.json`});
  }
  if (typeof data !== `object` || data === null || Array.isArray(data)) throw new InputError(`worker report must be a JSON object`, {hint: `{"salientSummary": "...", "whatWasImplemented": "..."}`});
  const record = data as Record<string, unknown>;
  let candidate: unknown;
  if (typeof record.salientSummary === `string`) {
    const verification = record.verification as Record<string, unknown> | undefined;
    const tests = record.tests as Record<string, unknown> | undefined;
    candidate = {
      salientSummary: record.salientSummary,
      whatWasImplemented: record.whatWasImplemented ?? ``,
      whatWasLeftUndone: record.whatWasLeftUndone ?? ``,
      verification: verification && `commandsRun` in verification && `interactiveChecks` in verification ? verification : {commandsRun: [], interactiveChecks: []},
      tests: tests && `added` in tests ? tests : {added: []},
      discoveredIssues: Array.isArray(record.discoveredIssues) ? record.discoveredIssues : [],
    };
  } else if (typeof record.content === `string` && record.content !== ``) {
    candidate = {salientSummary: record.content, whatWasImplemented: record.content, whatWasLeftUndone: ``, verification: {commandsRun: [], interactiveChecks: []}, tests: {added: []}, discoveredIssues: []};
  } else {
    throw new InputError(`worker report must have 'salientSummary' (preferred) or 'content' (legacy)`, {hint: `rich format: {salientSummary, whatWasImplemented, whatWasLeftUndone, verification, tests, discoveredIssues}`});
  }
  const parsed = WorkerReport.safeParse(candidate);
  if (!parsed.success) throw new InputError(`invalid worker report: ${parsed.error.issues.map(describeIssue).join(`; `)}`, {hint: `see the report format in \`maestro feature update --help\``});
  return parsed.data;
}
