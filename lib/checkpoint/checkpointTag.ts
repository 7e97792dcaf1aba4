import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {AssertionResult} from '../domain/assertion.ts';
import {Timestamp} from '../domain/common.ts';
import {FeatureStatus} from '../domain/feature.ts';

/**
 * Checkpoints are annotated tags `refs/tags/maestro/<mission>/<checkpoint>` on state commits (DESIGN.md,
 * "Checkpoints"): the tag's object is the state commit at save time, its message a subject line and
 * this record as JSON. The record keeps the original's checkpoint fields (reference §2.5), so
 * `--json` readers of the original keep working; the state itself is the tagged commit.
 */
export const CheckpointRecord = z.strictObject({
  id: z.string(),
  missionId: z.string(),
  name: z.optional(z.string()),
  currentMilestoneId: z.string(),
  timestamp: Timestamp,
  agent: z.string(),
  session: z.optional(z.string()),
  featureStatuses: z.record(z.string(), FeatureStatus),
  assertionResults: z.record(z.string(), AssertionResult),
  sealedMilestoneIds: z.array(z.string()),
});
export type CheckpointRecord = z.infer<typeof CheckpointRecord>;

/** A checkpoint as commands print it: the record, where it lives, and its counts. */
export const Checkpoint = z.object({
  ...CheckpointRecord.shape,
  /** The state commit it captured. */
  commit: z.string(),
  /** The tag object and its ref. */
  tag: z.string(),
  ref: z.string(),
  featureCount: z.number(),
  assertionCount: z.number(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** Where checkpoint tags live; `checkpointRef` is one checkpoint's tag. */
export const CHECKPOINT_REFS = `refs/tags/maestro/`;
export const checkpointRef = (missionId: string, checkpointId: string) => `${CHECKPOINT_REFS}${missionId}/${checkpointId}`;

/** A label given with `--name`: one line, at most 200 characters. */
export function isCheckpointName(name: string): boolean {
  return name.trim() !== `` && name.length <= 200 && !/[\r\n]/.test(name);
}

/** The tag message: a subject `git tag -n` shows, a blank line, the record as JSON. */
export function encodeCheckpointMessage(record: CheckpointRecord): string {
  const subject = `maestro checkpoint ${record.id} of mission ${record.missionId}${record.name ? `: ${record.name}` : ``}`;
  return `${subject}\n\n${canonicalJson(record)}`;
}

/** The record of a tag message, or null when the tag was not made by `checkpoint save`. */
export function decodeCheckpointMessage(message: string): CheckpointRecord | null {
  const body = message.indexOf(`\n\n`);
  if (body === -1) return null;
  try {
    const parsed = CheckpointRecord.safeParse(JSON.parse(message.slice(body + 2)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The printed checkpoint: the record, its tag and commit, and its counts. */
export function toCheckpoint(record: CheckpointRecord, where: {commit: string; tag: string; ref: string}): Checkpoint {
  return {...record, ...where, featureCount: Object.keys(record.featureStatuses).length, assertionCount: Object.keys(record.assertionResults).length};
}
