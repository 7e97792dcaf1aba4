import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {Assertion} from '../domain/assertion.ts';
import {applyFeatureChange, Feature, FeatureStatus} from '../domain/feature.ts';
import {Mission} from '../domain/mission.ts';
import type {PrincipleOutcome} from '../domain/principle.ts';
import {decideIngest, ReplyOutcome, type WorkerReply} from '../domain/reply.ts';
import {assertionsDir, featurePath, missionPath, reportPath} from '../mission/missionPaths.ts';
import {resolveMissionId} from '../mission/missionState.ts';
import {outcomeChange, readOutcomes} from '../principle/principleStore.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import {readReplies, replyChange} from './replyStore.ts';

/** What ingest did with one reply. `from`/`to` are the feature's status before and after. */
export const IngestedReply = z.object({
  missionId: z.string(),
  featureId: z.string(),
  outcome: ReplyOutcome,
  effectiveOutcome: ReplyOutcome,
  downgradeReason: z.optional(z.string()),
  from: z.optional(FeatureStatus),
  to: z.optional(FeatureStatus),
  applied: z.boolean(),
  /** Pending principle outcomes of the feature's handoffs now judged helpful (completed) or unhelpful. */
  principleOutcomes: z.number(),
  /** Why the feature did not move, when it did not. */
  note: z.optional(z.string()),
});
export type IngestedReply = z.infer<typeof IngestedReply>;

/** What `reply ingest --json` prints. */
export const ReplyIngestView = z.object({ingested: z.array(IngestedReply), alreadyIngested: z.number()});
export type ReplyIngestView = z.infer<typeof ReplyIngestView>;

/**
 * Applies every reply not yet ingested to its feature, through the feature state machine, and marks
 * it ingested, all in one state commit (reference-handoff §7, "Ingest"; the original did this only
 * inside interactive Mission Control, which is read-only here). A reply whose feature is gone is
 * marked with no change; a reply's report is attached to the feature; the pending principle outcomes of
 * the feature's 25 latest handoffs become helpful (completed) or unhelpful. Ingesting again changes nothing.
 * @throws NotFoundError (unknown --mission), NotInitializedError, CorruptStateError
 */
export async function ingestReplies(workspace: Workspace, request: {mission?: string}): Promise<ReplyIngestView> {
  await workspace.requireTip();
  const outcome = await workspace.transact(`reply ingest`, async snapshot => {
    const missionId = request.mission === undefined ? undefined : await resolveMissionId(snapshot, request.mission);
    const replies = await readReplies(snapshot, missionId);
    const pending = replies.filter(reply => reply.ingestedAt === undefined);
    const context: IngestContext = {
      snapshot, at: workspace.store.deps.now().toISOString(), agent: workspace.identity.agent,
      assertionsOf: memo(mission => readAssertions(snapshot, mission)),
      outcomes: pending.length > 0 ? await readOutcomes(snapshot) : [],
    };
    const changes: Change[] = [];
    const ingested: IngestedReply[] = [];
    for (const reply of pending) {
      const one = await ingestOne(context, reply);
      changes.push(...one.changes);
      ingested.push(one.item);
    }
    return {changes, result: {ingested, alreadyIngested: replies.length - pending.length}};
  });
  return outcome.result;
}

interface IngestContext {
  snapshot: StateSnapshot;
  at: string;
  agent: string;
  assertionsOf: (missionId: string) => Promise<Assertion[]>;
  outcomes: readonly PrincipleOutcome[];
}

/** One reply: the feature's new state and report, the judged outcomes, the reply marked ingested. */
async function ingestOne({snapshot, at, agent, assertionsOf, outcomes}: IngestContext, reply: WorkerReply): Promise<{changes: Change[]; item: IngestedReply}> {
  const base = {missionId: reply.missionId, featureId: reply.featureId, outcome: reply.outcome};
  const mark = {ingestedAt: at, ingestedBy: agent, updatedAt: at, updatedBy: agent};
  const feature = await readFeatureIfAny(snapshot, reply);
  if (!feature) {
    return {
      changes: [replyChange({...reply, ...mark, effectiveOutcome: reply.outcome})],
      item: {...base, effectiveOutcome: reply.outcome, applied: false, principleOutcomes: 0, note: `feature not found; nothing to change`},
    };
  }
  const decision = decideIngest(reply, feature, await assertionsOf(reply.missionId));
  const changes: Change[] = [];
  const next = applyFeatureChange(feature, {
    ...(decision.applies ? {status: decision.target, ...(decision.retryReason ? {retryReason: decision.retryReason} : {})} : {}),
    ...(reply.report ? {report: reply.report} : {}),
  }, at, agent);
  if (reply.report) changes.push({path: reportPath(reply.missionId, feature.id), content: canonicalJson(reply.report)});
  if (decision.applies || reply.report) changes.push({path: featurePath(reply.missionId, feature.id), content: canonicalJson(next)});
  const judged = judgeOutcomes(outcomes, reply, decision.effectiveOutcome === `completed` ? `helpful` : `unhelpful`, at);
  changes.push(...judged.map(outcomeChange));
  const {downgradeReason} = decision;
  changes.push(replyChange({...reply, ...mark, effectiveOutcome: decision.effectiveOutcome, ...(downgradeReason ? {downgradeReason} : {})}));
  const note = decision.applies ? undefined : decision.target === feature.status ? `feature is already ${feature.status}` : `a feature cannot move from ${feature.status} to ${decision.target}`;
  return {changes, item: {
    ...base, effectiveOutcome: decision.effectiveOutcome, from: feature.status, to: next.status, applied: decision.applies, principleOutcomes: judged.length,
    ...(downgradeReason ? {downgradeReason} : {}), ...(note ? {note} : {}),
  }};
}

/** The feature's pending principle outcomes, of its 25 latest handoffs (reference-handoff §7), judged. */
function judgeOutcomes(outcomes: readonly PrincipleOutcome[], reply: WorkerReply, verdict: `helpful` | `unhelpful`, at: string): PrincipleOutcome[] {
  const mine = outcomes.filter(o => o.missionId === reply.missionId && o.featureId === reply.featureId);
  const latest = new Set([...new Map(mine.map(o => [o.handoffId, o.recordedAt])).entries()].sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0)).slice(0, 25).map(([id]) => id));
  return mine.filter(o => o.outcome === `pending` && latest.has(o.handoffId)).map(o => ({...o, outcome: verdict, updatedAt: at}));
}

async function readFeatureIfAny(snapshot: StateSnapshot, reply: WorkerReply): Promise<Feature | null> {
  if (!(await snapshot.read(missionPath(reply.missionId), Mission))) return null;
  return snapshot.read(featurePath(reply.missionId, reply.featureId), Feature);
}

async function readAssertions(snapshot: StateSnapshot, missionId: string): Promise<Assertion[]> {
  return [...(await snapshot.readAll(assertionsDir(missionId), Assertion)).values()];
}

function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return key => {
    if (!cache.has(key)) cache.set(key, load(key));
    return cache.get(key)!;
  };
}
