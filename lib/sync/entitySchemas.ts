import {Assertion} from '../domain/assertion.ts';
import {Conflict} from '../domain/conflict.ts';
import {Feature} from '../domain/feature.ts';
import {Handoff} from '../domain/handoff.ts';
import {Correction, Learning} from '../domain/memory.ts';
import {Milestone, Mission} from '../domain/mission.ts';
import {Principle} from '../domain/principle.ts';
import {WorkerReply} from '../domain/reply.ts';
import type {Schema} from '../domain/schema.ts';
import {Task} from '../domain/task.ts';

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
  const schema = SCHEMAS.find(([pattern]) => pattern.test(path))?.[1];
  if (!schema) return true;
  try {
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}
