// dist/maestro.cjs: picks the bundle of the command the line names and loads only that one, through
// V8's code cache (lib/loadBundle.ts). Everything else (help, version, a typo) loads the bundle of every
// command. Compiling and registering all commands cost each run about 8 ms of a 60 ms `node -e 0`
// (bench); this file imports only the loader, the status prefetch and the stdout writer, so that it
// costs nothing itself.
import {loadBundle} from '../lib/loadBundle.ts';
import {processOutput} from '../lib/directOutput.ts';
import {prefetchScan} from '../lib/store/mirrorScan.ts';

/** Filled in by scripts/build.mjs from commands/table.ts: each command's paths and bundle. */
declare const __MAESTRO_ROUTES__: Array<{paths: string[][]; file: string}>;
/** Filled in by scripts/build.mjs from package.json. */
declare const __MAESTRO_VERSION__: string;

const argv = process.argv.slice(2);
// What clipanion's version command prints, without loading it.
if (argv.length === 1 && (argv[0] === `--version` || argv[0] === `-V`)) {
  processOutput(1).write(`${__MAESTRO_VERSION__}\n`);
  process.exit(0);
}
const words: string[] = [];
for (const arg of argv) {
  if (arg.startsWith(`-`)) break;
  words.push(arg);
}
const named = (path: string[]) => path.length <= words.length && path.every((token, i) => words[i] === token);
const helpOrVersion = argv.some(arg => arg === `--help` || arg === `-h` || arg === `--version` || arg === `-V`);
const longest = Math.max(0, ...__MAESTRO_ROUTES__.flatMap(route => route.paths.filter(named).map(path => path.length)));
const matches = helpOrVersion ? [] : __MAESTRO_ROUTES__.filter(route => route.paths.some(path => path.length === longest && named(path)));
// `status` on a large mirror waits for find (lib/store/mirrorScan.ts): start it before loading.
if (matches.length === 1 && matches[0]!.paths.some(path => path.length === 1 && path[0] === `status`)) {
  try {
    prefetchScan(process.cwd(), process.platform, process.env);
  } catch {
    // A current directory removed from under the shell: the command itself says so.
  }
}
loadBundle(`${__dirname}/${matches.length === 1 ? matches[0]!.file : `all.cjs`}`, process.env);
