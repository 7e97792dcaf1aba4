import type {CommandClass} from 'clipanion';
import {RepositoryError} from '../lib/errors.ts';
import {processOutput} from '../lib/directOutput.ts';
import type {MaestroContext} from './base.ts';
import {main} from './main.ts';

/**
 * Runs maestro in this process with the real streams, cwd and environment: `commands` when the
 * caller already knows which command the line names (a per-command bundle), else every command.
 */
export function runProcess(commands?: Array<CommandClass<MaestroContext>>): void {
  try {
    process.cwd();
  } catch {
    // The shell's directory was removed (a deleted worktree, say): nothing below can resolve a path.
    const error = new RepositoryError(`the current directory no longer exists`, {hint: `cd into the repository again`});
    process.stderr.write(process.argv.includes(`--json`) ? `${JSON.stringify({error: error.toJSON()})}\n` : `maestro: ${error.message}; hint: ${error.hint}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  run(process.argv.slice(2), commands).then(code => {
    process.exitCode = code;
  }, error => {
    process.stderr.write(`maestro: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

async function run(argv: string[], commands?: Array<CommandClass<MaestroContext>>): Promise<number> {
  // The store is loaded before the command runs (openWorkspace is synchronous), except for help and
  // version, which never open it.
  const needsWorkspace = argv.length > 0 && !argv.some(arg => arg === `--help` || arg === `-h` || arg === `--version` || arg === `-V`);
  const workspace = needsWorkspace ? await import('../lib/workspace.ts') : null;
  // Written to directly when they are pipes or files; a reader that closes a pipe early is not an error.
  const stdout = processOutput(1) as ReturnType<typeof processOutput> & {isTTY?: boolean; getColorDepth?: () => number};
  const context: MaestroContext = {
    // Created when a command reads it (`--file -`): making the stream costs every run about 2 ms.
    get stdin() { return process.stdin; },
    stdout,
    stderr: processOutput(2),
    cwd: process.cwd(),
    env: process.env,
    colorDepth: stdout.isTTY && stdout.getColorDepth ? stdout.getColorDepth() : 1,
    openWorkspace: (options = {}) => {
      if (!workspace) throw new Error(`help and version do not open the repository`);
      return new workspace.Workspace({cwd: process.cwd(), env: process.env, commandLine: workspace.formatCommandLine(argv), ...options});
    },
  };
  return main(argv, context, commands);
}
