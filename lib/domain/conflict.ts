import * as z from 'zod/mini';
import {EntityId, Timestamp} from './common.ts';

/**
 * `conflicts/<id>.json`: what a merge of two diverged states had to choose between. The merge keeps
 * one value in the state (the deterministic rule of DESIGN.md) and writes the other here, so nothing
 * is dropped silently; a person can swap them with `maestro conflicts resolve <id> --take theirs`.
 *
 * The record is the same on every machine that merges the same pair (the merge is symmetric), so it
 * names the two sides by what happened to them (`kept`, `other`), never by "ours" and "theirs".
 */
export const CONFLICT_KINDS = [
  `field`,      // one field changed differently on both sides
  `file`,       // a whole file (not JSON, or not an object) changed differently on both sides
  `delete`,     // deleted on one side, changed on the other: the change is kept
  `claim`,      // a handoff claimed on both sides: the earlier claim is kept
  `transition`, // a status change that is no longer valid after the merge: not applied
] as const;
export const ConflictKind = z.enum(CONFLICT_KINDS);
export type ConflictKind = z.infer<typeof ConflictKind>;

export const ConflictSide = z.strictObject({
  /** The value; `null` stands for "absent" (a deleted file or field). */
  value: z.unknown(),
  /** The state commit (tip of that side before the merge). */
  commit: z.string(),
  agent: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

export const Conflict = z.strictObject({
  id: EntityId,
  kind: ConflictKind,
  /** State path of the entity file, e.g. `missions/m/features/f.json`. */
  path: z.string(),
  /** Dotted field path inside the file; `null` for the whole file. */
  field: z.nullable(z.string()),
  /** The value in the merge base; `null` when the base had none. */
  base: z.unknown(),
  kept: ConflictSide,
  other: ConflictSide,
  /** Why `kept` won, in words: `later updatedAt`, `earlier claim`, `invalid transition review -> assigned`. */
  rule: z.string(),
  status: z.enum([`open`, `resolved`]),
  createdAt: Timestamp,
  resolvedAt: z.optional(Timestamp),
  resolvedBy: z.optional(z.string()),
  /** `kept` when the person confirmed the merge's choice, `other` when they swapped it. */
  resolution: z.optional(z.enum([`kept`, `other`])),
});
export type Conflict = z.infer<typeof Conflict>;

export const CONFLICTS_DIR = `conflicts`;
export const conflictPath = (id: string): string => `${CONFLICTS_DIR}/${id}.json`;

/** The order conflicts are listed in: open ones first, then newest first, then by id. */
export function compareConflicts(a: Pick<Conflict, `status` | `createdAt` | `id`>, b: Pick<Conflict, `status` | `createdAt` | `id`>): number {
  if (a.status !== b.status) return a.status === `open` ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : 1;
}
