import {fileURLToPath} from 'node:url';
import {requireFile} from '../lazyBuiltins.ts';

/** dist/ctime-scan.node, built from native/ctimeScan.c by scripts/build.mjs where a C compiler exists. */
export interface NativeScanner {
  /** Starts walking `dir` on a thread of this process; null when it could not start. */
  start(dir: string, reference: string): object | null;
  /** Waits for the walk; its records (native/ctimeScan.c), or null when it failed. */
  finish(handle: object): string | null;
}

const NATIVE_SCANNER_FILE = `ctime-scan.node`;
let loaded: NativeScanner | null | undefined;

/**
 * The native scanner, or null when it was not built, cannot load here, or `MAESTRO_NATIVE_SCAN=0`
 * turns it off. A bundle finds it beside itself in dist/; the sources (tests under tsx) find the one
 * the last build left in the repository's dist/.
 */
export function nativeScanner(env: Record<string, string | undefined>): NativeScanner | null {
  if (env.MAESTRO_NATIVE_SCAN === `0`) return null;
  if (loaded !== undefined) return loaded;
  try {
    const file = new URL(import.meta.url.endsWith(`.cjs`) ? `./${NATIVE_SCANNER_FILE}` : `../../dist/${NATIVE_SCANNER_FILE}`, import.meta.url);
    const module = requireFile(fileURLToPath(file)) as Partial<NativeScanner>;
    loaded = typeof module.start === `function` && typeof module.finish === `function` ? (module as NativeScanner) : null;
  } catch {
    loaded = null; // not built (no C compiler), built for another platform, or no path to find it by
  }
  return loaded;
}
