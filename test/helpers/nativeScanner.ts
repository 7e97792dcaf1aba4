import {spawnSync} from 'node:child_process';
import {nativeScanner} from '../../lib/store/nativeScanner.ts';

/**
 * Why the native scanner's tests cannot run here, or false when they must. Only a machine without a
 * C compiler (where scripts/build.mjs leaves the scanner out, by design) skips them; where one exists
 * and the scanner still does not load, the build is broken, and this throws instead of skipping.
 */
export function nativeScannerSkip(): string | false {
  if (process.platform === `win32`) return `status has no quick scan on Windows`;
  const compiler = spawnSync(process.env.CC || `cc`, [`--version`], {stdio: `ignore`});
  if (compiler.error || compiler.status !== 0) return `no C compiler here, so the build leaves the native scanner out`;
  if (!nativeScanner({})) throw new Error(`dist/ctime-scan.node does not load although this machine has a C compiler: run \`npm run build\` and read its output`);
  return false;
}
