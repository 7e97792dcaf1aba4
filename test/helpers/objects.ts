import {createHash} from 'node:crypto';
import * as path from 'node:path';
import type {GitFs} from '../../lib/store/types.ts';

/** The id git gives a blob with this content (`git hash-object --stdin`). */
export function blobId(content: string): string {
  const body = Buffer.from(content, `utf8`);
  return createHash(`sha1`).update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body])).digest(`hex`);
}

/** Whether the object is stored loose in the common directory. */
export function hasLooseObject(fs: GitFs, commondir: string, oid: string): boolean {
  return fs.existsSync(path.join(commondir, `objects`, oid.slice(0, 2), oid.slice(2)));
}
