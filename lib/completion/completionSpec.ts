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
