import * as z from 'zod/mini';
import {VerificationResult} from '../domain/ukiContent.ts';
import type {Handoff} from '../domain/handoff.ts';
import {refValue} from '../domain/ukiTokens.ts';
import {NotFoundError} from '../errors.ts';
import {featurePath} from '../mission/missionPaths.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import type {Workspace} from '../workspace.ts';
import {readAllHandoffs} from './handoffStore.ts';

/** At most this many handoffs are replayed, newest first (reference-handoff §2.8). */
export const MAX_REPLAYED = 3;

export const ReplayItem = z.object({
  handoffId: z.string(),
  timestamp: z.string(),
  mode: z.string(),
  summary: z.string(),
  risks: z.array(z.string()),
  divergences: z.array(z.string()),
  causalDrivers: z.array(z.string()),
  blindSpot: z.optional(z.string()),
  assumptions: z.optional(z.array(z.string())),
  verificationResults: z.optional(z.array(VerificationResult)),
  completedWork: z.optional(z.array(z.string())),
});
export type ReplayItem = z.infer<typeof ReplayItem>;

export const ReplayView = z.object({missionId: z.string(), featureId: z.string(), handoffs: z.array(ReplayItem)});
export type ReplayView = z.infer<typeof ReplayView>;

/**
 * What earlier sessions left on a feature, as worker prompts replay it (reference-handoff §2.8): the
 * newest three handoffs linked to this feature of this mission (never another mission's with the same
 * feature id) that carry anything to replay: risks, divergences, drivers, a blind spot, assumptions,
 * verification results, or completed work (execute only).
 * @throws NotFoundError for an unknown mission or feature
 */
export async function replayHandoffs(workspace: Workspace, request: {missionId: string; featureId: string}): Promise<ReplayView> {
  const snapshot = await workspace.store.snapshot(await workspace.requireTip());
  const missionId = await resolveMissionId(snapshot, request.missionId);
  if ((await snapshot.readText(featurePath(missionId, request.featureId))) === null)
    throw new NotFoundError(`feature ${request.featureId} not found in mission ${missionId}`, {hint: `list features with \`maestro feature list --mission ${missionId}\``});
  const {handoffs} = await readAllHandoffs(snapshot);
  const items = handoffs.filter(h => isLinkedTo(h, missionId, request.featureId)).map(replayItem).filter(hasReplay).slice(0, MAX_REPLAYED);
  return {missionId, featureId: request.featureId, handoffs: items};
}

/** Linked by the real ids, or, for a record of the original, by its `maestroRefs` tokens. */
function isLinkedTo(handoff: Handoff, missionId: string, featureId: string): boolean {
  if (handoff.missionId !== undefined || handoff.featureId !== undefined) return handoff.missionId === missionId && handoff.featureId === featureId;
  const refs = handoff.content.maestroRefs;
  return refs.missionId !== undefined && refValue(refs.missionId) === refValue(missionId) && (refs.featureId === featureId || refs.featureId === refValue(featureId));
}

function replayItem(handoff: Handoff): ReplayItem {
  const c = handoff.content;
  return {
    handoffId: handoff.id, timestamp: handoff.createdAt, mode: c.mode, summary: c.summary, risks: c.risks, divergences: c.divergences, causalDrivers: c.causalDrivers,
    ...(c.blindSpot ? {blindSpot: c.blindSpot} : {}), ...(c.assumptions?.length ? {assumptions: c.assumptions} : {}),
    ...(c.verificationResults?.length ? {verificationResults: c.verificationResults} : {}),
    ...(c.mode === `execute` ? {completedWork: c.completedWork} : {}),
  };
}

function hasReplay(item: ReplayItem): boolean {
  return item.risks.length + item.divergences.length + item.causalDrivers.length + (item.assumptions?.length ?? 0) + (item.verificationResults?.length ?? 0) + (item.completedWork?.length ?? 0) > 0 || item.blindSpot !== undefined;
}

/** The `## Prior Session Replay` section of a worker prompt, as markdown. Pure. */
export function renderReplay(view: ReplayView): string {
  if (view.handoffs.length === 0) return `No prior handoffs to replay for feature ${view.featureId} in mission ${view.missionId}`;
  const list = (label: string, items: string[] | undefined) => (items?.length ? [`**${label}:**`, ...items.map(item => `- ${inline(item)}`)] : []);
  return [
    `## Prior Session Replay`, ``,
    `<!-- Handoffs left by earlier sessions on feature ${view.featureId}, newest first. -->`,
    `<!-- Resume from their state; do not redo completed work without a reason. -->`, ``,
    ...view.handoffs.flatMap(h => [
      `### Session ${h.handoffId} (${h.mode}, ${h.timestamp})`, ``,
      `**Summary:** ${inline(h.summary)}`,
      ...list(`Risks`, h.risks), ...list(`Divergences from plan`, h.divergences), ...list(`Causal drivers`, h.causalDrivers),
      ...(h.blindSpot ? [`**Blind spot:** ${inline(h.blindSpot)}`] : []),
      ...list(`Assumptions`, h.assumptions),
      ...(h.verificationResults?.length ? [`**Verification results:**`, ...h.verificationResults.map(r => (r.passed ? `- [PASS] ${inline(r.step)}` : `- **[FAIL]** ${inline(r.step)}`))] : []),
      ...list(`Completed work`, h.completedWork), ``,
    ]),
  ].join(`\n`).trimEnd();
}

/** One line of text safe inside markdown: control characters and line breaks become spaces, `& < >` are escaped. */
function inline(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ` `).replace(/\s+/g, ` `).trim().replace(/&/g, `&amp;`).replace(/</g, `&lt;`).replace(/>/g, `&gt;`);
}
