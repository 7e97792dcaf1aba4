import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {Assertion, ASSERTION_RESULTS, ASSERTION_TRANSITIONS, AssertionResult} from '../domain/assertion.ts';
import {checkTransition} from '../domain/stateMachine.ts';
import {InputError} from '../errors.ts';
import {assertionPath} from '../mission/missionPaths.ts';
import {findAssertion, loadMissionState} from '../mission/missionState.ts';
import {NoteRef, recordNoteOrWarn} from '../notes/recordNote.ts';
import {resolveNoteTarget} from '../notes/resolveNoteTarget.ts';
import type {Workspace} from '../workspace.ts';

export const AssertionListView = z.object({
  assertions: z.array(Assertion),
  total: z.number(),
  filtered: z.number(),
  assertionCount: z.number(),
  milestoneId: z.optional(z.string()),
});
export type AssertionListView = z.infer<typeof AssertionListView>;

/** The assertions of a mission, optionally of one milestone. */
export async function showAssertions(workspace: Workspace, request: {missionId: string; milestoneId?: string}): Promise<AssertionListView> {
  const state = await loadMissionState(await workspace.store.snapshot(await workspace.requireTip()), request.missionId);
  const assertions = state.assertions.filter(a => request.milestoneId === undefined || a.milestoneId === request.milestoneId);
  return {assertions, total: state.assertions.length, filtered: assertions.length, assertionCount: assertions.length, ...(request.milestoneId ? {milestoneId: request.milestoneId} : {})};
}

export const AssertionUpdateView = z.object({
  assertion: Assertion,
  /** The code commit noted on refs/notes/maestro; null with `--commit none` or an unborn HEAD. */
  note: z.nullable(NoteRef),
  warnings: z.array(z.string()),
});
export type AssertionUpdateView = z.infer<typeof AssertionUpdateView>;

export interface UpdateAssertionRequest {
  missionId: string;
  assertionId: string;
  result?: string;
  evidence?: string;
  reason?: string;
  /** The code commit to note (`--commit <rev>`); default HEAD, `none` for no note. */
  commit?: string;
}

/**
 * Records a validation result (reference §3.4): evidence is kept unless replaced; waiving needs a
 * reason. A refused transition writes nothing.
 * @throws InputError, TransitionError, NotFoundError
 */
export async function updateAssertion(workspace: Workspace, request: UpdateAssertionRequest): Promise<AssertionUpdateView> {
  if (request.result === undefined) throw new InputError(`--result is required`, {hint: `maestro validate update <assertion> --mission <id> --result ${ASSERTION_RESULTS.join(`|`)}`});
  const parsed = AssertionResult.safeParse(request.result);
  if (!parsed.success) throw new InputError(`--result "${request.result}" is not a result`, {hint: `use one of: ${ASSERTION_RESULTS.join(`, `)}`});
  const result = parsed.data;
  if (result === `waived` && !request.reason?.trim()) throw new InputError(`a reason is required to waive an assertion`, {hint: `add --reason "<why it is waived>"`});
  const noteTarget = await resolveNoteTarget(workspace, request.commit);
  const outcome = await workspace.transact(`validate update`, async snapshot => {
    const state = await loadMissionState(snapshot, request.missionId);
    const assertion = findAssertion(state, request.assertionId);
    checkTransition(`assertion`, ASSERTION_TRANSITIONS, assertion.result, result, `maestro validate show --mission ${state.mission.id}`);
    const now = workspace.store.deps.now().toISOString();
    const {waivedReason: _old, ...rest} = assertion;
    const next: Assertion = {
      ...rest, result, updatedAt: now, updatedBy: workspace.identity.agent,
      ...(request.evidence !== undefined ? {evidence: request.evidence} : {}),
      ...(request.reason?.trim() ? {waivedReason: request.reason.trim()} : {}),
    };
    return {changes: [{path: assertionPath(state.mission.id, assertion.id), content: canonicalJson(next)}], result: {assertion: next}};
  });
  const {assertion} = outcome.result;
  const warnings: string[] = [];
  const note = await recordNoteOrWarn(workspace, noteTarget, {
    kind: `assertion`, mission: assertion.missionId, assertion: assertion.id, result: assertion.result, agent: workspace.identity.agent, at: assertion.updatedAt,
    ...(assertion.featureId ? {feature: assertion.featureId} : {}), ...(assertion.evidence ? {evidence: assertion.evidence} : {}),
  }, warnings);
  return {assertion, note, warnings};
}
