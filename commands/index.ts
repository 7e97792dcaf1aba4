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
import {MissionCreateCommand} from './mission/create.ts';
import {MissionListCommand} from './mission/list.ts';
import {MissionShowCommand} from './mission/show.ts';
import {MissionApproveCommand} from './mission/approve.ts';
import {MissionRejectCommand} from './mission/reject.ts';
import {MissionUpdateCommand} from './mission/update.ts';
import {MilestoneListCommand} from './milestone/list.ts';
import {MilestoneStatusCommand} from './milestone/status.ts';
import {MilestoneSealCommand} from './milestone/seal.ts';
import {FeatureListCommand} from './feature/list.ts';
import {FeatureShowCommand} from './feature/show.ts';
import {FeatureNextCommand} from './feature/next.ts';
import {FeatureUpdateCommand} from './feature/update.ts';
import {FeaturePromptCommand} from './feature/prompt.ts';
import {ValidateShowCommand} from './validate/show.ts';
import {ValidateUpdateCommand} from './validate/update.ts';
import {TraceCommand} from './trace.ts';
import {CheckpointSaveCommand} from './checkpoint/save.ts';
import {CheckpointListCommand} from './checkpoint/list.ts';
import {CheckpointRestoreCommand} from './checkpoint/restore.ts';
import {CheckpointDiffCommand} from './checkpoint/diff.ts';
import {DiffCommand} from './diff.ts';
import {HandoffCreateCommand} from './handoff/create.ts';
import {HandoffListCommand} from './handoff/list.ts';
import {HandoffShowCommand} from './handoff/show.ts';
import {HandoffPickupCommand} from './handoff/pickup.ts';
import {HandoffCompleteCommand} from './handoff/complete.ts';
import {HandoffReplayCommand} from './handoff/replay.ts';

/** Every command, in `--help` order. */
export const COMMANDS = [
  InitCommand, StatusCommand, LogCommand, TraceCommand, DoctorCommand,
  MissionCreateCommand, MissionListCommand, MissionShowCommand, MissionApproveCommand, MissionRejectCommand, MissionUpdateCommand,
  MilestoneListCommand, MilestoneStatusCommand, MilestoneSealCommand,
  FeatureListCommand, FeatureShowCommand, FeatureNextCommand, FeatureUpdateCommand, FeaturePromptCommand,
  ValidateShowCommand, ValidateUpdateCommand,
  HandoffCreateCommand, HandoffListCommand, HandoffShowCommand, HandoffPickupCommand, HandoffCompleteCommand, HandoffReplayCommand,
  CheckpointSaveCommand, CheckpointListCommand, CheckpointRestoreCommand, CheckpointDiffCommand, DiffCommand,
  StateShowCommand, StateLsCommand, StatePutCommand,
];

export const VERSION = pkg.version;

/**
 * The commands that can match argv: those whose path is exactly its leading words. clipanion builds
 * a state machine over every registered command on each run (about 10 ms for all of ours), so a
 * command line that names a command registers only that one; anything else (help, a typo) gets all.
 */
export function candidateCommands(argv: string[]): typeof COMMANDS {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith(`-`)) break;
    words.push(arg);
  }
  if (argv.includes(`--help`) || argv.includes(`-h`)) return COMMANDS;
  if (argv.length === 1 && (argv[0] === `--version` || argv[0] === `-V`)) return [];
  const matches = COMMANDS.filter(command => (command.paths ?? []).some(path => path.length <= words.length && path.every((token, i) => words[i] === token)));
  const longest = Math.max(0, ...matches.flatMap(command => (command.paths ?? []).map(path => path.length)));
  const exact = matches.filter(command => (command.paths ?? []).some(path => path.length === longest && path.every((token, i) => words[i] === token)));
  return exact.length > 0 ? exact : COMMANDS;
}

export function makeCli(context: Pick<MaestroContext, 'stdout' | 'env'> & {colorDepth?: number}, argv?: string[]): Cli<MaestroContext> {
  const colors = context.env.NO_COLOR === undefined && (context.colorDepth ?? 1) > 1;
  const cli = new Cli<MaestroContext>({binaryLabel: `maestro`, binaryName: `maestro`, binaryVersion: VERSION, enableColors: colors});
  for (const command of argv ? candidateCommands(argv) : COMMANDS) cli.register(command);
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  return cli;
}

/**
 * Parses argv and runs the command. A parse error is one line and exit 2, with the help command to
 * run; everything else is the command's own exit code.
 */
export async function main(argv: string[], context: MaestroContext): Promise<number> {
  const cli = makeCli(context, argv);
  let command;
  try {
    command = cli.process(argv, context);
  } catch (error) {
    context.stderr.write(`maestro: ${usageErrorLine(cli, argv, error)}\n`);
    return 2;
  }
  return cli.run(command, context);
}

/** One line for a parse error, naming the help of the command the user meant. */
function usageErrorLine(cli: Cli<MaestroContext>, argv: string[], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const words = argv.filter(arg => !arg.startsWith(`-`));
  const command = COMMANDS.filter(candidate => (candidate.paths?.[0] ?? []).every((token, i) => words[i] === token))
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
