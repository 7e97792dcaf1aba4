import * as z from 'zod/mini';

/** ISO-8601 UTC with optional milliseconds, as every stored timestamp. */
export const Timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/));
export const NonEmpty = z.string().check(z.minLength(1));

/** Feature ids: letters, digits, `-` and `_`, starting with a letter or digit (also a file name). */
export const FEATURE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const FeatureId = z.string().check(z.regex(FEATURE_ID_PATTERN));
/** Worker types name a skill: `codex`, `claude-code`, `maestro:worker-base`. */
export const WORKER_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:_-]*$/;
export const WorkerType = z.string().check(z.regex(WORKER_TYPE_PATTERN));
/** Mission and other entity ids: safe as one path segment. */
export const EntityId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));

export const MILESTONE_PROFILES = [`planning`, `plan-review`, `implementation`, `code-review`, `bug-hunt`, `simplify`, `validation`, `custom`] as const;
export const MilestoneProfile = z.enum(MILESTONE_PROFILES);
export type MilestoneProfile = z.infer<typeof MilestoneProfile>;
export const MilestoneKind = z.enum([`work`, `gate`]);
