import {Assertion} from './assertion.ts';
import {Conflict} from './conflict.ts';
import {Feature} from './feature.ts';
import {Handoff} from './handoff.ts';
import {Correction, Learning} from './memory.ts';
import {Milestone, Mission} from './mission.ts';
import {Principle} from './principle.ts';
import {WorkerReply} from './reply.ts';
import {describeIssue, type Schema} from './schema.ts';
import {Task} from './task.ts';

/**
 * The schema each entity file of the state must satisfy, by path, so a field-by-field merge that
 * produced something no command could read (a list emptied by two removals, say) is caught before it
 * is committed. Files not listed here are merged without a check.
 */
const SCHEMAS: Array<[RegExp, Schema<unknown>]> = [
  [/^missions\/[^/]+\/mission\.json$/, Mission],
  [/^missions\/[^/]+\/milestones\/[^/]+\.json$/, Milestone],
  [/^missions\/[^/]+\/features\/[^/]+\.json$/, Feature],
  [/^missions\/[^/]+\/assertions\/[^/]+\.json$/, Assertion],
  [/^handoffs\/[^/]+\.json$/, Handoff],
  [/^memory\/corrections\/[^/]+\.json$/, Correction],
  [/^memory\/learnings\/[^/]+\.json$/, Learning],
  [/^principles\/[^/]+\.json$/, Principle],
  [/^tasks\/[^/]+\.json$/, Task],
  [/^replies\/[^/]+\/[^/]+\.json$/, WorkerReply],
  [/^conflicts\/[^/]+\.json$/, Conflict],
] as Array<[RegExp, Schema<unknown>]>;

/** Whether `text` is a valid entity for `path` (true for paths without a known schema). */
export function isValidEntity(path: string, text: string): boolean {
  return entityProblem(path, text) === null;
}

/** What is wrong with `text` as the entity at `path`, in one line, or null when nothing is. */
export function entityProblem(path: string, text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const schema = SCHEMAS.find(([pattern]) => pattern.test(path))?.[1];
  if (!schema) return null;
  const parsed = schema.safeParse(data);
  return parsed.success ? null : parsed.error.issues.map(describeIssue).join(`; `);
}
