import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {newestFirst, readHandoff, type Handoff} from '../domain/handoff.ts';
import {resolveIdPrefix} from '../domain/ids.ts';
import {CorruptStateError, InputError} from '../errors.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';

/** One handoff per file (DESIGN.md, "Tree of refs/maestro/main"). */
export const HANDOFFS_DIR = `handoffs`;
export const handoffPath = (id: string) => `${HANDOFFS_DIR}/${id}.json`;

/** A handoff file that could not be read, and why. */
export interface SkippedHandoff {
  path: string;
  problem: string;
}

export const LIST_HINT = `list handoffs with \`maestro handoff list\``;

/**
 * Every readable handoff of a snapshot, newest first, and the files that are not handoffs (reported,
 * never silently dropped: the caller warns). Reads the `handoffs/` directory in one cached read.
 */
export async function readAllHandoffs(snapshot: StateSnapshot): Promise<{handoffs: Handoff[]; skipped: SkippedHandoff[]}> {
  const raw = await readRawRecords(snapshot);
  const handoffs: Handoff[] = [];
  const skipped: SkippedHandoff[] = [];
  for (const [name, entry] of raw) {
    const path = handoffPath(name);
    if (`problem` in entry) {
      skipped.push({path, problem: entry.problem});
      continue;
    }
    const read = readHandoff(entry.data);
    if (`handoff` in read && read.handoff.id === name) handoffs.push(read.handoff);
    else skipped.push({path, problem: `problem` in read ? read.problem : `its id is ${read.handoff.id}, not ${name}`});
  }
  return {handoffs: handoffs.sort(newestFirst), skipped};
}

/**
 * One handoff by id or unique prefix, read strictly.
 * @throws InputError (not an id, ambiguous prefix), NotFoundError, CorruptStateError naming the file
 */
export async function readHandoffById(snapshot: StateSnapshot, given: string): Promise<Handoff> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(given)) throw new InputError(`"${given}" is not a handoff id`, {hint: LIST_HINT});
  const names = (await snapshot.list(HANDOFFS_DIR)).filter(name => name.endsWith(`.json`)).map(name => name.slice(0, -5));
  const id = resolveIdPrefix(names, given, `handoff`, LIST_HINT);
  const text = await snapshot.readText(handoffPath(id));
  let data: unknown;
  try {
    data = JSON.parse(text ?? ``);
  } catch (error) {
    throw corrupt(id, `not valid JSON (${(error as Error).message})`);
  }
  const read = readHandoff(data);
  if (`problem` in read) throw corrupt(id, read.problem);
  return read.handoff;
}

/** The change that stores a handoff. */
export function handoffChange(handoff: Handoff): Change {
  return {path: handoffPath(handoff.id), content: canonicalJson(handoff)};
}

/** Parsed JSON by file name, or why a file is not JSON. */
async function readRawRecords(snapshot: StateSnapshot): Promise<Map<string, {data: unknown} | {problem: string}>> {
  try {
    const all = await snapshot.readAll(HANDOFFS_DIR, z.unknown());
    return new Map([...all].map(([name, data]) => [name, {data}]));
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error;
  }
  // A file is not JSON: read them one by one so the others still count.
  const records = new Map<string, {data: unknown} | {problem: string}>();
  for (const name of await snapshot.list(HANDOFFS_DIR)) {
    if (!name.endsWith(`.json`)) continue;
    const text = await snapshot.readText(handoffPath(name.slice(0, -5)));
    try {
      records.set(name.slice(0, -5), {data: JSON.parse(text ?? ``)});
    } catch (error) {
      records.set(name.slice(0, -5), {problem: `not valid JSON (${(error as Error).message})`});
    }
  }
  return records;
}

function corrupt(id: string, problem: string): CorruptStateError {
  return new CorruptStateError(`${handoffPath(id)}: ${problem}`, {hint: `see it with \`git show refs/maestro/main:${handoffPath(id)}\``});
}
