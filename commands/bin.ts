import {main} from './index.ts';

// The shipped entry point: real streams, cwd and environment, then main().
// A reader that closes the pipe early (`maestro feature list | head`) is not an error.
process.stdout.on(`error`, error => {
  if ((error as NodeJS.ErrnoException).code === `EPIPE`) process.exit(process.exitCode ?? 0);
  throw error;
});
// The store is loaded before the command runs (openWorkspace is synchronous), except for help and
// version, which never open it.
const argv = process.argv.slice(2);
const needsWorkspace = !argv.some(arg => arg === `--help` || arg === `-h` || arg === `--version` || arg === `-V`) && argv.length > 0;
async function run(): Promise<number> {
  const workspace = needsWorkspace ? await import('../lib/workspace.ts') : null;
  const context = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  colorDepth: process.stdout.isTTY ? process.stdout.getColorDepth() : 1,
  openWorkspace: (options = {}) => {
    if (!workspace) throw new Error(`help and version do not open the repository`);
    return new workspace.Workspace({cwd: process.cwd(), env: process.env, commandLine: workspace.formatCommandLine(argv), ...options});
  },
};
  return main(argv, context);
}

run().then(code => {
  process.exitCode = code;
}, error => {
  process.stderr.write(`maestro: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
