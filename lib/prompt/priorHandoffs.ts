import * as z from 'zod/mini';
import type {PriorHandoff} from '../domain/workerPrompt.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';

export const HANDOFFS_DIR = `handoffs`;

const Strings = z.optional(z.array(z.string()));
const Refs = z.looseObject({missionId: z.optional(z.string()), featureId: z.optional(z.string())});

/**
 * The part of a stored handoff a prompt replays, read loosely: the handoff issue owns the entity, so
 * unknown fields are ignored, and fields kept under the original's `content` are read as well.
 */
const ReplayableHandoff = z.looseObject({
  id: z.string(),
  mode: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  summary: z.optional(z.string()),
  nextAction: z.optional(z.string()),
  missionId: z.optional(z.string()),
  featureId: z.optional(z.string()),
  maestroRefs: z.optional(Refs),
  risks: Strings,
  divergences: Strings,
  causalDrivers: Strings,
  blindSpot: z.optional(z.string()),
  assumptions: Strings,
  verificationResults: z.optional(z.array(z.looseObject({step: z.string(), passed: z.boolean()}))),
  completedWork: Strings,
});
type ReplayableHandoff = z.infer<typeof ReplayableHandoff>;

/** Mission ids as the original's UKI tokens store them (`2026-04-12-001` is `2026_04_12_001`). */
function token(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, `_`);
}

/**
 * The handoffs left on a feature of a mission, newest first: those whose feature id (flat or under
 * `maestroRefs`) is `featureId` and whose mission id matches, raw or as a token. Another mission's
 * handoff with the same feature id is never included; an unreadable handoff is skipped.
 */
export async function priorHandoffs(snapshot: StateSnapshot, missionId: string, featureId: string): Promise<PriorHandoff[]> {
  const records = await snapshot.readAll(HANDOFFS_DIR, z.unknown());
  const matching: ReplayableHandoff[] = [];
  for (const raw of records.values()) {
    if (typeof raw !== `object` || raw === null) continue;
    const content = (raw as {content?: unknown}).content;
    const parsed = ReplayableHandoff.safeParse(typeof content === `object` && content !== null ? {...content, ...raw} : raw);
    if (!parsed.success) continue;
    const handoff = parsed.data;
    const mission = handoff.missionId ?? handoff.maestroRefs?.missionId;
    if ((handoff.featureId ?? handoff.maestroRefs?.featureId) !== featureId || mission === undefined || token(mission) !== token(missionId)) continue;
    matching.push(handoff);
  }
  const at = (h: ReplayableHandoff) => h.createdAt ?? h.timestamp ?? ``;
  return matching.sort((a, b) => (at(a) === at(b) ? (a.id < b.id ? 1 : -1) : at(a) < at(b) ? 1 : -1)).map(h => ({
    id: h.id, mode: h.mode ?? `execute`, createdAt: at(h) || `unknown`, summary: h.summary ?? ``,
    ...(h.nextAction ? {nextAction: h.nextAction} : {}), ...(h.blindSpot ? {blindSpot: h.blindSpot} : {}),
    risks: h.risks ?? [], divergences: h.divergences ?? [], causalDrivers: h.causalDrivers ?? [], assumptions: h.assumptions ?? [],
    verificationResults: (h.verificationResults ?? []).map(r => ({step: r.step, passed: r.passed})),
    completedWork: h.completedWork ?? [],
  }));
}
