import {Builtins, Cli} from 'clipanion';
import pkg from '../package.json' with {type: 'json'};
import type {MaestroContext} from './base.ts';
import {DoctorCommand} from './doctor.ts';
import {InitCommand} from './init.ts';
import {LogCommand} from './log.ts';
import {StateLsCommand} from './state/ls.ts';
import {StatePutCommand} from './state/put.ts';
import {StateShowCommand} from './state/show.ts';
import {StatusCommand} from './status.ts';

/** Every command, in `--help` order. */
export const COMMANDS = [InitCommand, StatusCommand, LogCommand, DoctorCommand, StateShowCommand, StateLsCommand, StatePutCommand];

export const VERSION = pkg.version;

export function makeCli(context: Pick<MaestroContext, 'stdout' | 'env'> & {colorDepth?: number}): Cli<MaestroContext> {
  const colors = context.env.NO_COLOR === undefined && (context.colorDepth ?? 1) > 1;
  const cli = new Cli<MaestroContext>({binaryLabel: `maestro`, binaryName: `maestro`, binaryVersion: VERSION, enableColors: colors});
  for (const command of COMMANDS) cli.register(command);
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  return cli;
}

/**
 * Parses argv and runs the command. A parse error is one line and exit 2, with the help command to
 * run; everything else is the command's own exit code.
 */
export async function main(argv: string[], context: MaestroContext): Promise<number> {
  const cli = makeCli(context);
  let command;
  try {
    command = cli.process(argv, context);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split(`\n`).find(line => line.trim() !== ``) ?? `bad usage`;
    const known = argv.filter(arg => !arg.startsWith(`-`)).slice(0, 2).join(` `);
    context.stderr.write(`maestro: ${first.replace(/^(Unknown Syntax Error|Usage Error|Error): /, ``).trim()} (run \`maestro ${known ? `${known} ` : ``}--help\`)\n`);
    return 2;
  }
  return cli.run(command, context);
}
