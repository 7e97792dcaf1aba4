import {Handoff, newHandoff} from '../domain/handoff.ts';
import {newDatedId} from '../domain/ids.ts';
import {describeIssue} from '../domain/schema.ts';
import type {UkiContent, UkiRefs} from '../domain/ukiContent.ts';
import {fileAnchor, prefixedToken, refValue} from '../domain/ukiTokens.ts';
import type {Workspace} from '../workspace.ts';
import {readGitContext, type GitContext} from './gitContext.ts';
import {outcomeChange, readPrinciples} from '../principle/principleStore.ts';
import {checkGates} from './handoffGates.ts';
import {parseHandoffInput, type CreateHandoffRequest, type HandoffInput} from './handoffInput.ts';
import {resolveHandoffLink, type HandoffLink} from './handoffLink.ts';
import {handoffChange, HANDOFFS_DIR} from './handoffStore.ts';

/** How many changed files READ_MORE points at when nothing else is given (as the original). */
const READ_MORE_FILES = 5;

/**
 * Creates a pending handoff in one state commit (reference-handoff §2.2): the flags normalised into
 * tokens, the context collected from git (branch, changed files, PLAN.md) and from the state (the
 * mission and feature it belongs to), the gates of a `--feature-id` checked against the principles in
 * force (and a pending outcome recorded for each gate passed), the UKI string rendered.
 * Anything refused writes nothing.
 * @throws InputError (flags, UKI rules), NotFoundError (mission, feature), GateError (gates), NotInitializedError
 */
export async function createHandoff(workspace: Workspace, request: CreateHandoffRequest): Promise<Handoff> {
  const input = parseHandoffInput(request);
  await workspace.requireTip();
  // Outside the ref lock: a git process is slow next to a state commit.
  const git = readGitContext(workspace.store.deps.fs, workspace.repo);
  const now = workspace.store.deps.now();
  const outcome = await workspace.transact(`handoff create`, async snapshot => {
    const link = await resolveHandoffLink(snapshot, input.refs);
    const content = buildContent(input, git, link);
    const passed = link.gate ? checkGates(await readPrinciples(snapshot), link.gate.profile, content, link.featureId!) : [];
    const taken = new Set(await snapshot.list(HANDOFFS_DIR));
    let id = newDatedId(now, Math.random);
    while (taken.has(`${id}.json`)) id = newDatedId(now, Math.random);
    const handoff = newHandoff({
      id, at: now.toISOString(), agent: workspace.identity.agent, session: input.session ?? workspace.identity.session, content,
      ...(input.to ? {to: input.to} : {}), ...(link.missionId ? {missionId: link.missionId} : {}), ...(link.featureId ? {featureId: link.featureId} : {}),
    });
    const valid = Handoff.safeParse(handoff);
    if (!valid.success) throw new Error(`a new handoff fails its schema: ${valid.error.issues.map(describeIssue).join(`; `)}`);
    // One pending outcome per gate passed (reference-handoff §2.4, step 8), for `principle effectiveness`.
    const outcomes = passed.map(principleId => outcomeChange({
      principleId, handoffId: id, featureId: link.featureId!, missionId: link.missionId!, outcome: `pending`, recordedAt: handoff.createdAt, updatedAt: handoff.createdAt,
    }));
    return {changes: [handoffChange(valid.data), ...outcomes], result: valid.data};
  });
  return outcome.result;
}

/**
 * The content of a new handoff: auto-collected anchors first, then the ones given, without duplicates
 * (reference-handoff §2.3). Pure.
 */
export function buildContent(input: HandoffInput, git: GitContext, link: HandoffLink): UkiContent {
  const files = unique(git.changedFiles.map(fileAnchor));
  const branch = git.branch ? prefixedToken(`branch`, git.branch) : undefined;
  const planPaths = input.mode === `plan` && git.hasPlanMd ? [`plan_md`] : [];
  const mission = link.missionId ? refValue(link.missionId) : undefined;
  const gitReadMore = files.length > 0 ? files.slice(0, READ_MORE_FILES) : branch ? [branch] : [];
  const refs: UkiRefs = {
    ...(mission ? {missionId: mission} : {}), ...(link.featureId ? {featureId: refValue(link.featureId)} : {}),
    ...(input.refs.milestoneId ? {milestoneId: input.refs.milestoneId} : {}), ...(input.refs.planPath ? {planPath: input.refs.planPath} : {}),
    ...(input.refs.specPath ? {specPath: input.refs.specPath} : {}),
  };
  const {lists, singles} = input;
  const base = {
    ...singles, decisions: lists.decisions, signalDelta: lists.signalDelta, risks: risksOf(input), causalDrivers: lists.causalDrivers,
    divergences: lists.divergences, boundaryState: lists.boundaryState, maestroRefs: refs, cs: input.cs, ...input.gateFields,
    artifacts: unique([...(branch ? [branch] : []), ...files, ...planPaths.map(p => `file_${p}`), ...(mission ? [`mission_${mission}`] : []), ...lists.artifacts]),
    readMore: unique([...(planPaths.length > 0 ? planPaths : gitReadMore), ...lists.readMore]),
  };
  if (input.mode === `plan`) return {mode: `plan`, ...base, planPaths: unique([...planPaths, ...lists.planPaths]), maestroSync: lists.maestroSync};
  return {mode: `execute`, ...base, touchedFiles: unique([...files, ...lists.touchedFiles]), completedWork: lists.completedWork, validation: lists.validation};
}

/**
 * The risks given, or else the blind spot: a blind spot is a risk, and the README's example handoff
 * (`--blind-spot` and no `--risk`) shows it under RISKS too. Its `-` parts become separate tokens.
 */
function risksOf(input: HandoffInput): string[] {
  if (input.lists.risks.length > 0 || !input.singles.blindSpot) return input.lists.risks;
  return input.singles.blindSpot.split(`-`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
