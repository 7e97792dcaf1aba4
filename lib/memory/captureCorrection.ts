import {canonicalJson} from '../canonicalJson.ts';
import {deriveKeywords, Severity, splitList, type Correction} from '../domain/memory.ts';
import {InputError} from '../errors.ts';
import {correctionChange, CORRECTIONS_DIR, freshEntryId, RATCHET_SUITE_PATH, readSuite} from './memoryStore.ts';
import type {Workspace} from '../workspace.ts';

/** What `memory-correct` takes: the rule and its flags as typed (comma lists unsplit). */
export interface CorrectRequest {
  rule: string;
  source?: string;
  keywords?: string;
  globs?: string;
  severity?: string;
  /** A pattern that must never match the worktree: adds a ratchet assertion for this correction. */
  check?: string;
}

function checkPattern(check: string): void {
  if (check.trim() === ``) throw new InputError(`--check is empty`, {hint: `give a regular expression, e.g. --check "npm install"`});
  try {
    new RegExp(check, `i`);
  } catch (error) {
    throw new InputError(`--check "${check}" is not a valid regular expression (${(error as Error).message})`, {hint: `escape special characters with \\`});
  }
}

/** Captures a correction; keywords are derived from the rule's words when none are given. @throws InputError */
export async function captureCorrection(workspace: Workspace, request: CorrectRequest): Promise<Correction> {
  const rule = request.rule.trim();
  if (rule === ``) throw new InputError(`the rule is empty`, {hint: `give the rule in quotes: maestro memory-correct "use bun not npm"`});
  const severity = (request.severity ?? `soft`).trim().toLowerCase();
  if (!Severity.safeParse(severity).success) throw new InputError(`--severity must be soft or hard, not "${request.severity}"`, {hint: `use --severity hard or --severity soft`});
  const given = splitList(request.keywords, true);
  const keywords = given.length > 0 ? given : deriveKeywords(rule);
  const fileGlobs = splitList(request.globs);
  if (keywords.length === 0 && fileGlobs.length === 0) throw new InputError(`no keywords could be derived from "${rule}"`, {hint: `give --keywords or --globs`});
  if (request.check !== undefined) checkPattern(request.check);
  await workspace.requireTip();
  const now = workspace.store.deps.now();
  const outcome = await workspace.transact(`memory-correct`, async snapshot => {
    const id = await freshEntryId(new Set(await snapshot.list(CORRECTIONS_DIR)), now);
    const at = now.toISOString();
    const correction: Correction = {
      id, rule, source: request.source?.trim() || rule, trigger: {keywords, fileGlobs}, severity: severity as Severity,
      agent: workspace.identity.agent, createdAt: at, updatedAt: at,
    };
    const changes = [correctionChange(correction)];
    if (request.check !== undefined) {
      const suite = await readSuite(snapshot);
      suite.assertions.push({id: `ratchet-${id}`, correctionId: id, rule, check: request.check, createdAt: at});
      changes.push({path: RATCHET_SUITE_PATH, content: canonicalJson(suite)});
    }
    return {changes, result: correction};
  });
  return outcome.result;
}
