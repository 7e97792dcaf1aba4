import * as z from 'zod/mini';
import {buildWorkerPrompt, previousMilestoneOutput, promptContent, REVIEW_PROFILES} from '../domain/workerPrompt.ts';
import type {Feature} from '../domain/feature.ts';
import {isGate, principlesForProfile} from '../domain/principle.ts';
import {workerDir} from '../mission/missionPaths.ts';
import {findFeature, findMilestone, loadMissionState} from '../mission/missionState.ts';
import {readPrinciples} from '../principle/principleStore.ts';
import {MIRROR_DIR} from '../store/mirror.ts';
import type {Workspace} from '../workspace.ts';
import {loadSkill} from './loadSkill.ts';
import {priorHandoffs} from './priorHandoffs.ts';
import {relevantMemory} from './relevantMemory.ts';
import {checkPromptFile, writePromptFile} from './writePromptFile.ts';

export const PromptView = z.object({
  prompt: z.string(),
  featureId: z.string(),
  workerType: z.string(),
  /** `--out` as given first, then the prompt's place in the `.maestro/` mirror. */
  writtenTo: z.array(z.string()),
});
export type PromptView = z.infer<typeof PromptView>;

export interface GeneratePromptRequest {
  missionId: string;
  featureId: string;
  /** A file to write the prompt to, relative to where the command runs. */
  out?: string;
}

/**
 * Builds a feature's worker prompt (reference §6), stores it at `missions/<M>/workers/<F>/prompt.md`
 * and writes `--out`. The stored prompt changes only when more than its `**Generated:**` line would:
 * agents that ask for the prompt in a loop make one commit, and get the stored text back after that.
 * Memory, the principles of the milestone's profile and prior handoffs are best-effort: a failure to
 * read them leaves their section out.
 * @throws NotFoundError (mission, feature), InputError (--out: checked before the transaction, written
 *   inside it, so a refused --out commits nothing)
 */
export async function generatePrompt(workspace: Workspace, request: GeneratePromptRequest): Promise<PromptView> {
  await workspace.requireTip();
  const outFile = request.out === undefined ? undefined : checkPromptFile(workspace, request.out);
  const outcome = await workspace.transact(`feature prompt`, async snapshot => {
    const state = await loadMissionState(snapshot, request.missionId);
    const feature = findFeature(state, request.featureId);
    const milestone = findMilestone(state, feature.milestoneId);
    const workerBase = loadSkill(workspace, `maestro:worker-base`).text;
    const [memory, handoffs, principles] = await Promise.all([
      bestEffort(relevantMemory(snapshot, feature)),
      bestEffort(priorHandoffs(snapshot, state.mission.id, feature.id)),
      milestone.profile ? bestEffort(readPrinciples(snapshot)) : undefined,
    ]);
    const shown = milestone.profile && principles ? principlesForProfile(principles, milestone.profile)
      .map(p => ({name: p.name, rule: p.rule, ...(isGate(p) ? {gateField: p.gateField, gateCheck: p.gateCheck} : {})})) : [];
    const fresh = buildWorkerPrompt({
      mission: state.mission, milestone, feature, features: state.features, assertions: state.assertions,
      skill: loadSkill(workspace, feature.workerType).text, workerBase,
      ...(memory ? {memory} : {}), ...(handoffs?.length ? {handoffs} : {}), ...(shown.length ? {principles: shown} : {}),
      ...(milestone.profile && REVIEW_PROFILES.includes(milestone.profile) ? {previousOutput: previousMilestoneOutput(state.milestones, milestone, state.features)} : {}),
      generatedAt: workspace.store.deps.now().toISOString(),
    });
    const path = `${workerDir(state.mission.id, feature.id)}/prompt.md`;
    const stored = await snapshot.readText(path);
    const prompt = stored !== null && promptContent(stored) === promptContent(fresh) ? stored : fresh;
    if (outFile) writePromptFile(workspace, outFile, prompt);
    return {changes: prompt === stored ? [] : [{path, content: prompt}], result: viewOf(feature, prompt, path, request.out)};
  });
  return outcome.result;
}

function viewOf(feature: Feature, prompt: string, path: string, out: string | undefined): PromptView {
  return {prompt, featureId: feature.id, workerType: feature.workerType, writtenTo: [...(out === undefined ? [] : [out]), `${MIRROR_DIR}/${path}`]};
}

async function bestEffort<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch {
    return undefined;
  }
}
