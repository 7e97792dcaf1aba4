import * as path from 'node:path';
import {CorruptStateError} from '../errors.ts';
import type {GitFs, Identity} from './types.ts';
import {timezoneOffset} from './gitObjects.ts';

export const ZERO_OID = `0`.repeat(40);
const OID = /^[0-9a-f]{40}$/;

/**
 * Reads a ref from the common directory, loose first, then packed-refs (after `git pack-refs` or
 * `git gc` a ref may live only there). Returns null when it does not exist.
 */
export function readRef(fs: GitFs, commondir: string, ref: string): string | null {
  let loose: string | null = null;
  try {
    loose = fs.readFileSync(path.join(commondir, ref), `utf8`).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== `ENOENT` && code !== `ENOTDIR` && code !== `EISDIR`) throw error;
  }
  if (loose !== null) {
    if (OID.test(loose)) return loose;
    if (loose.startsWith(`ref: `)) return readRef(fs, commondir, loose.slice(5));
    throw new CorruptStateError(`${ref} holds "${loose.slice(0, 50)}", not a commit id`, {hint: `inspect it with \`git show-ref ${ref}\``});
  }
  return readPackedRefs(fs, commondir).get(ref) ?? null;
}

/** Every ref in packed-refs (peeled lines skipped). */
export function readPackedRefs(fs: GitFs, commondir: string): Map<string, string> {
  const refs = new Map<string, string>();
  let text: string;
  try {
    text = fs.readFileSync(path.join(commondir, `packed-refs`), `utf8`);
  } catch {
    return refs;
  }
  for (const line of text.split(`\n`)) {
    if (line.length < 42 || line.startsWith(`#`) || line.startsWith(`^`)) continue;
    refs.set(line.slice(41).trim(), line.slice(0, 40));
  }
  return refs;
}

/** Lists refs under a prefix such as `refs/tags/maestro/`, loose and packed, loose winning. */
export function listRefs(fs: GitFs, commondir: string, prefix: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const [name, oid] of readPackedRefs(fs, commondir)) if (name.startsWith(prefix)) refs.set(name, oid);
  const walk = (dir: string, refPrefix: string): void => {
    let entries;
    try {
      entries = fs.readdirSync(dir, {withFileTypes: true});
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = String(entry.name);
      if (entry.isDirectory()) walk(path.join(dir, name), `${refPrefix}${name}/`);
      else if (!name.endsWith(`.lock`)) {
        const oid = fs.readFileSync(path.join(dir, name), `utf8`).trim();
        if (OID.test(oid)) refs.set(`${refPrefix}${name}`, oid);
      }
    }
  };
  const dir = prefix.endsWith(`/`) ? prefix : path.dirname(prefix) + `/`;
  walk(path.join(commondir, dir), dir);
  return refs;
}

/** Appends one reflog line, as git does for an update (`git reflog show <ref>` lists it). */
export function appendReflog(fs: GitFs, commondir: string, ref: string, entry: {old: string | null; next: string; who: Identity; at: Date; message: string}): void {
  const file = path.join(commondir, `logs`, ref);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  const seconds = Math.floor(entry.at.getTime() / 1000);
  const message = entry.message.split(`\n`, 1)[0]!.replace(/\t/g, ` `);
  fs.appendFileSync(file, `${entry.old ?? ZERO_OID} ${entry.next} ${entry.who.name} <${entry.who.email}> ${seconds} ${timezoneOffset(entry.at)}\t${message}\n`);
}
