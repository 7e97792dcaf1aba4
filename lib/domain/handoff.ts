import * as z from 'zod/mini';
import {EntityId, FeatureId, NonEmpty, Timestamp} from './common.ts';
import {GateError, TransitionError} from '../errors.ts';
import type {Transitions} from './stateMachine.ts';
import {UKI_VERSION, UkiContent, UkiMode, UkiVersion} from './ukiContent.ts';
import {decodeUki} from './ukiDecode.ts';
import {encodeUki} from './ukiEncode.ts';

export const HANDOFF_STATUSES = [`pending`, `picked-up`, `completed`] as const;
export const HandoffStatus = z.enum(HANDOFF_STATUSES);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** pending → picked-up (one atomic claim) → completed; nothing goes back (README, "Handoff status flow"). */
export const HANDOFF_TRANSITIONS: Transitions<HandoffStatus> = {pending: [`picked-up`], 'picked-up': [`completed`], completed: []};

/** The line `--paste` prints before the UKI string, then an empty line (reference-handoff §2.2). */
export const PASTE_PREAMBLE = `Use the following UKI as the canonical handoff packet. Interpret each block literally and continue from NEXT_ACTION.`;

/**
 * `handoffs/<id>.json`: the original's `UkiHandoff` record (id, version, timestamp, status, agent,
 * sessionId, content, uki, pickedUpAt, pickedUpBy, completedAt, report) plus the flat fields
 * `maestro status` and scripts read without knowing UKI (createdAt, session, to, mode, summary,
 * nextAction, missionId, featureId, claimedBy, claimedAt). The pairs createdAt/timestamp,
 * session/sessionId, claimedBy/pickedUpBy and claimedAt/pickedUpAt always hold the same value.
 * `content` is the source of truth and `uki` its rendering. Unknown keys are kept, as the original.
 */
export const Handoff = z.looseObject({
  id: EntityId,
  version: UkiVersion,
  status: HandoffStatus,
  agent: NonEmpty,
  session: NonEmpty,
  sessionId: NonEmpty,
  to: z.optional(NonEmpty),
  createdAt: Timestamp,
  timestamp: Timestamp,
  mode: UkiMode,
  summary: NonEmpty,
  nextAction: NonEmpty,
  /** The mission and feature this handoff is linked to, as their real ids (`maestroRefs` holds tokens). */
  missionId: z.optional(EntityId),
  featureId: z.optional(FeatureId),
  content: UkiContent,
  uki: NonEmpty,
  claimedBy: z.optional(NonEmpty),
  claimedAt: z.optional(Timestamp),
  pickedUpBy: z.optional(NonEmpty),
  pickedUpAt: z.optional(Timestamp),
  completedAt: z.optional(Timestamp),
  completedBy: z.optional(NonEmpty),
  report: z.optional(z.string()),
});
export type Handoff = z.infer<typeof Handoff>;

export interface NewHandoff {
  id: string;
  at: string;
  agent: string;
  session: string;
  to?: string;
  content: UkiContent;
  missionId?: string;
  featureId?: string;
}

/**
 * A new pending handoff. Renders the UKI string, so content that cannot be rendered never becomes a
 * record. @throws InputError (`uki: …`)
 */
export function newHandoff(input: NewHandoff): Handoff {
  return {
    id: input.id, version: UKI_VERSION, status: `pending`, agent: input.agent, session: input.session, sessionId: input.session,
    ...(input.to ? {to: input.to} : {}), createdAt: input.at, timestamp: input.at,
    mode: input.content.mode, summary: input.content.summary, nextAction: input.content.nextAction,
    ...(input.missionId ? {missionId: input.missionId} : {}), ...(input.featureId ? {featureId: input.featureId} : {}),
    content: input.content, uki: encodeUki(input.content),
  };
}

const StoredHandoff = z.looseObject({
  id: z.string(),
  status: HandoffStatus,
  version: z.optional(z.string()),
  content: z.optional(z.unknown()),
  uki: z.optional(z.string()),
});

/**
 * A stored record as a Handoff: the UKI is always re-rendered from `content` (a stored string is never
 * trusted); a record of the original that has only `uki` (v5.2–v5.4) gets its content decoded from it;
 * the flat fields missing from the original's records are derived. Pure.
 * @returns the handoff, or the problem (one line) when the record cannot be read
 */
export function readHandoff(data: unknown): {handoff: Handoff} | {problem: string} {
  const stored = StoredHandoff.safeParse(data);
  if (!stored.success) return {problem: issues(stored.error.issues)};
  const record = stored.data as Record<string, unknown> & z.infer<typeof StoredHandoff>;
  try {
    // As the original: a missing or unknown version reads as 5.4, a legacy one is kept.
    const storedVersion = UkiVersion.safeParse(record.version);
    const version = storedVersion.success ? storedVersion.data : UKI_VERSION;
    const content = record.content === undefined && record.uki !== undefined ? decodeUki(record.uki).content : record.content;
    const parsedContent = UkiContent.safeParse(content);
    if (!parsedContent.success) return {problem: issues(parsedContent.error.issues, `content`)};
    const at = (record.createdAt ?? record.timestamp) as string | undefined;
    const session = (record.session ?? record.sessionId ?? `none`) as string;
    const claimedBy = record.claimedBy ?? record.pickedUpBy;
    const claimedAt = record.claimedAt ?? record.pickedUpAt;
    const full = {
      ...record, version, agent: record.agent ?? `unknown`, session, sessionId: session, createdAt: at, timestamp: at,
      content: parsedContent.data, mode: parsedContent.data.mode, summary: parsedContent.data.summary, nextAction: parsedContent.data.nextAction,
      uki: encodeUki(parsedContent.data),
      ...(claimedBy === undefined ? {} : {claimedBy, pickedUpBy: claimedBy}), ...(claimedAt === undefined ? {} : {claimedAt, pickedUpAt: claimedAt}),
    };
    const handoff = Handoff.safeParse(full);
    return handoff.success ? {handoff: handoff.data} : {problem: issues(handoff.error.issues)};
  } catch (error) {
    return {problem: (error as Error).message};
  }
}

function issues(list: readonly {path: readonly PropertyKey[]; code: string; message: string}[], prefix?: string): string {
  return list.slice(0, 3).map(issue => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(`.`) || `(root)`}: ${issue.code === `invalid_type` ? `missing or of the wrong type` : issue.message === `Invalid input` ? `invalid value` : issue.message}`).join(`; `);
}

/** Whether `agent` may pick this handoff up: it targets nobody, or that agent. */
export function isFor(handoff: Handoff, agent: string | undefined): boolean {
  return handoff.to === undefined || agent === undefined || handoff.to === agent;
}

/**
 * Claims a pending handoff for `agent`: picked-up, with who and when. Claiming again as the same agent
 * changes nothing. Pure.
 * @throws GateError naming the agent that claimed it first, or the agent it is meant for
 */
export function markClaimed(handoff: Handoff, agent: string, at: string): {handoff: Handoff; changed: boolean} {
  if (handoff.status !== `pending`) {
    if (handoff.status === `picked-up` && handoff.claimedBy === agent) return {handoff, changed: false};
    const by = handoff.claimedBy ? ` by ${handoff.claimedBy}${handoff.claimedAt ? ` at ${handoff.claimedAt}` : ``}` : ``;
    throw new GateError(`handoff ${handoff.id} was already claimed${by}${handoff.status === `completed` ? ` and is completed` : ``}`, {
      hint: `pick up another one with \`maestro handoff pickup --claim --agent ${agent}\``, data: {winner: handoff.claimedBy ?? null},
    });
  }
  if (!isFor(handoff, agent)) {
    throw new GateError(`handoff ${handoff.id} is for ${handoff.to}; ${agent} cannot claim it`, {hint: `claim it as that agent: \`maestro handoff pickup --claim --agent ${handoff.to} --id ${handoff.id}\``});
  }
  return {handoff: {...handoff, status: `picked-up`, claimedBy: agent, claimedAt: at, pickedUpBy: agent, pickedUpAt: at}, changed: true};
}

/**
 * Completes a picked-up handoff. Completing a completed handoff changes nothing. Pure.
 * @throws TransitionError for a pending handoff (claim it first)
 */
export function markCompleted(handoff: Handoff, agent: string, at: string, report?: string): {handoff: Handoff; changed: boolean} {
  if (handoff.status === `completed`) return {handoff, changed: false};
  if (handoff.status === `pending`) {
    throw new TransitionError(`handoff ${handoff.id} is pending; it is completed after it is picked up`, {hint: `claim it first: \`maestro handoff pickup --claim --agent ${agent} --id ${handoff.id}\``});
  }
  return {handoff: {...handoff, status: `completed`, completedAt: at, completedBy: agent, ...(report ? {report} : {})}, changed: true};
}

/** Newest first: by creation time, then by id. */
export function newestFirst(a: Handoff, b: Handoff): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
