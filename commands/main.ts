import {Builtins, Cli, type CommandClass} from 'clipanion';
import pkg from '../package.json' with {type: 'json'};
import type {MaestroContext} from './base.ts';
import {COMMAND_TABLE, type CommandEntry} from './table.ts';

export const VERSION = pkg.version;

type Command = CommandClass<MaestroContext>;

/**
 * The commands that can match argv: those whose path is exactly its leading words (the longest such
 * path). clipanion builds a state machine over every registered command on each run, so a command
 * line that names a command registers only that one; help and anything unknown get all of them.
 */
export function candidateEntries(argv: string[]): CommandEntry[] {
  if (argv.includes(`--help`) || argv.includes(`-h`)) return COMMAND_TABLE;
  if (argv.length === 1 && (argv[0] === `--version` || argv[0] === `-V`)) return [];
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith(`-`)) break;
    words.push(arg);
  }
  const named = (path: string[]) => path.length <= words.length && path.every((token, i) => words[i] === token);
  const longest = Math.max(0, ...COMMAND_TABLE.flatMap(entry => entry.paths.filter(named).map(path => path.length)));
  const exact = COMMAND_TABLE.filter(entry => entry.paths.some(path => path.length === longest && named(path)));
  return exact.length > 0 ? exact : COMMAND_TABLE;
}

export async function makeCli(context: Pick<MaestroContext, 'stdout' | 'env'> & {colorDepth?: number}, argv?: string[], known?: Command[]): Promise<{cli: Cli<MaestroContext>; commands: Command[]}> {
  const colors = context.env.NO_COLOR === undefined && (context.colorDepth ?? 1) > 1;
  const cli = new Cli<MaestroContext>({binaryLabel: `maestro`, binaryName: `maestro`, binaryVersion: VERSION, enableColors: colors});
  const commands = known ?? await Promise.all((argv ? candidateEntries(argv) : COMMAND_TABLE).map(entry => entry.load()));
  for (const command of commands) cli.register(command);
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  return {cli, commands};
}

/**
 * Parses argv and runs the command (among `known` commands when given, else those the line may
 * name, loaded from the table). A parse error is one line and exit 2, with the help command to
 * run; everything else is the command's own exit code.
 */
export async function main(argv: string[], context: MaestroContext, known?: Command[]): Promise<number> {
  const {cli, commands} = await makeCli(context, argv, known);
  let command;
  try {
    command = cli.process(argv, context);
  } catch (error) {
    context.stderr.write(`maestro: ${usageErrorLine(cli, commands, argv, error)}\n`);
    return 2;
  }
  return cli.run(command, context);
}

/** One line for a parse error, naming the help of the command the user meant. */
function usageErrorLine(cli: Cli<MaestroContext>, commands: Command[], argv: string[], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const words = argv.filter(arg => !arg.startsWith(`-`));
  const command = commands.filter(candidate => (candidate.paths?.[0] ?? []).every((token, i) => words[i] === token))
    .sort((a, b) => (b.paths?.[0]?.length ?? 0) - (a.paths?.[0]?.length ?? 0))[0];
  const path = command?.paths?.[0];
  if (!command || !path) return `unknown command "${words.slice(0, 2).join(` `)}" (run \`maestro --help\` for the list)`;
  const first = message.split(`\n`).find(line => line.trim() !== ``) ?? `bad usage`;
  // clipanion reports a missing required option as "Command not found": say what the command takes.
  if (first.startsWith(`Command not found`)) {
    const usage = cli.usage(command, {prefix: ``}).trim().replace(/\u001b\[[0-9;]*m/g, ``).replace(/#0/g, `<value>`);
    return `missing or invalid arguments; usage: ${usage} (run \`maestro ${path.join(` `)} --help\`)`;
  }
  return `${first.replace(/^(Unknown Syntax Error|Usage Error|Error): /, ``).replace(/\.$/, ``).trim()} (run \`maestro ${path.join(` `)} --help\`)`;
}
