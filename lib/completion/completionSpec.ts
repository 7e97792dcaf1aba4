import {Cli, type CommandClass} from 'clipanion';

/** What a completion script knows about one command: its paths, options and positionals. */
export interface CommandSpec {
  path: string[];
  description: string;
  options: Array<{names: string[]; takesValue: boolean; description: string}>;
  /** The positional arguments' names as `--help` shows them (`<feature-id>`), in order. */
  positionals: string[];
  /** Fixed values of its first positional (`completion bash|zsh`), when it has them. */
  choices: string[];
}

/**
 * Reads each command's paths, options and positionals through clipanion's own definitions, the
 * text `--help` prints; an alias path (`checkpoint load`) is a command of its own.
 */
export function completionSpec(commands: Array<CommandClass<any>>, choices: Record<string, string[]>): CommandSpec[] {
  return commands.flatMap(command => {
    const cli = new Cli({binaryName: `maestro`});
    cli.register(command);
    const definition = cli.definitions()[0];
    if (!definition) return [];
    const options = definition.options.map(option => {
      const [names = ``, ...args] = option.definition.split(` `);
      return {names: names.split(`,`), takesValue: args.length > 0, description: (option.description ?? ``).trim()};
    });
    const primary = command.paths?.[0] ?? [];
    const positionals = definition.usage.split(` `).slice(1 + primary.length).filter(word => /^[<[](?!-)|^\.\.\.$/.test(word));
    return (command.paths ?? []).map(path => ({
      path, description: (definition.description ?? ``).trim(), options, positionals, choices: choices[path.join(` `)] ?? [],
    }));
  });
}

/** The command words a completion script offers, in registration order. */
export interface CommandWords {
  /** Every first word (`feature`, `status`). */
  tops: string[];
  /** The first words that have subcommands (`feature`, and `conflicts`, which is also a command). */
  groups: string[];
  /** A group's subcommands, one per second word. */
  subs: (group: string) => CommandSpec[];
}

/** The first and second words of `commands`, for bash's and zsh's scripts alike. */
export function commandWords(commands: CommandSpec[]): CommandWords {
  const tops = unique(commands.map(command => command.path[0]!));
  const subs = (group: string) => {
    const under = commands.filter(command => command.path.length > 1 && command.path[0] === group);
    return under.filter((command, i) => under.findIndex(other => other.path[1] === command.path[1]) === i);
  };
  return {tops, groups: tops.filter(top => subs(top).length > 0), subs};
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
