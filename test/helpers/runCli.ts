import {PassThrough} from 'node:stream';
import {main} from '../../commands/index.ts';
import {formatCommandLine, Workspace} from '../../lib/workspace.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs maestro in-process, as the bin would, with captured streams (clipanion's runCli, git-bug's
 * TestEnv). `env` is the whole environment the command sees.
 */
export async function runCli(argv: string[], options: {cwd: string; env?: Record<string, string | undefined>; stdin?: string}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? ``);
  let out = ``;
  let err = ``;
  stdout.on(`data`, chunk => { out += String(chunk); });
  stderr.on(`data`, chunk => { err += String(chunk); });
  const env = {MAESTRO_AGENT: `test-agent`, MAESTRO_SESSION: `test-session`, MAESTRO_NO_GC: `1`, HOME: options.cwd, ...options.env};
  const code = await main(argv, {
    stdin, stdout, stderr, colorDepth: 1, cwd: options.cwd, env,
    openWorkspace: (overrides = {}) => new Workspace({cwd: options.cwd, env, commandLine: formatCommandLine(argv), ...overrides}),
  });
  return {code, stdout: out, stderr: err};
}
