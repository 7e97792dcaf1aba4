import {formatCommandLine, Workspace} from '../lib/workspace.ts';
import {main} from './index.ts';

// The shipped entry point: real streams, cwd and environment, then main().
// A reader that closes the pipe early (`maestro feature list | head`) is not an error.
process.stdout.on(`error`, error => {
  if ((error as NodeJS.ErrnoException).code === `EPIPE`) process.exit(process.exitCode ?? 0);
  throw error;
});
const context = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  colorDepth: process.stdout.isTTY ? process.stdout.getColorDepth() : 1,
  openWorkspace: (options = {}) => new Workspace({cwd: process.cwd(), env: process.env, commandLine: formatCommandLine(process.argv.slice(2)), ...options}),
};
main(process.argv.slice(2), context).then(code => {
  process.exitCode = code;
}, error => {
  process.stderr.write(`maestro: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
