import {InputError, NotFoundError} from '../errors.ts';

/**
 * Ids that never collide across machines yet stay short and readable: a local date (so ids sort by
 * day and say when), the second of the day in base 36 (so they sort within the day), and random
 * base-36 characters (so two machines creating in the same second differ).
 * Pure: time and randomness come in as arguments.
 */
export function newDatedId(now: Date, random: () => number, randomChars = 4): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, `0`);
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const second = now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds();
  let suffix = ``;
  for (let i = 0; i < randomChars; i++) suffix += Math.floor(random() * 36).toString(36);
  return `${date}-${second.toString(36).padStart(4, `0`)}${suffix}`;
}

/** A checkpoint id: local `YYYYMMDD-HHMMSS-mmm` as the original, plus random characters. */
export function newCheckpointId(now: Date, random: () => number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, `0`);
  let suffix = ``;
  for (let i = 0; i < 3; i++) suffix += Math.floor(random() * 36).toString(36);
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}-${pad(now.getMilliseconds(), 3)}-${suffix}`;
}

/**
 * Resolves an id given in full or by any unique prefix.
 * @throws NotFoundError when nothing matches; InputError when the prefix is ambiguous
 */
export function resolveIdPrefix(ids: Iterable<string>, given: string, what: string, listHint: string): string {
  const all = [...ids];
  if (all.includes(given)) return given;
  const matches = all.filter(id => id.startsWith(given));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new NotFoundError(`${what} ${given} not found`, {hint: listHint});
  throw new InputError(`${what} "${given}" is ambiguous: it matches ${matches.slice(0, 5).join(`, `)}${matches.length > 5 ? `, …` : ``}`, {hint: `give more characters of the id`});
}
