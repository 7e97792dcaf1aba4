import type {CommandSpec} from './completionSpec.ts';

/**
 * A zsh completion function for `commands`, with each command's and option's description:
 * `_describe` for the command words, `_arguments` for a command's options and positionals.
 */
export function zshCompletion(commands: CommandSpec[]): string {
  const tops = unique(commands.map(command => command.path[0]!));
  const groups = tops.filter(top => commands.some(command => command.path.length > 1 && command.path[0] === top));
  const describe = (top: string) => {
    const command = commands.find(candidate => candidate.path.length === 1 && candidate.path[0] === top);
    const words = commands.filter(candidate => candidate.path.length > 1 && candidate.path[0] === top).map(candidate => candidate.path[1]!);
    return command ? command.description : `${unique(words).join(`, `)}`;
  };
  const subs = (group: string) => commands.filter(command => command.path.length > 1 && command.path[0] === group)
    .map(command => quote(`${command.path[1]}:${command.description}`));
  const cases = commands.map(command => `    ${quote(command.path.join(` `))}) _arguments -s ${argumentSpecs(command).join(` `)} ;;`);
  return [
    `#compdef maestro`,
    `# zsh completion for maestro, from \`maestro completion zsh\`. Load it from ~/.zshrc, after compinit:`,
    `#   source <(maestro completion zsh)`,
    `_maestro() {`,
    `  local cmd`,
    `  local -a entries`,
    `  if (( CURRENT == 2 )); then`,
    `    entries=(${tops.map(top => quote(`${top}:${describe(top)}`)).join(` `)})`,
    `    _describe -t commands 'maestro command' entries`,
    `    return`,
    `  fi`,
    `  cmd=$words[2]`,
    ...(groups.length > 0 ? [
      `  case $cmd in`,
      `    ${groups.join(`|`)})`,
      `      if (( CURRENT == 3 )) && [[ $words[3] != -* ]]; then`,
      `        case $cmd in`,
      ...groups.map(group => `          ${group}) entries=(${subs(group).join(` `)}) ;;`),
      `        esac`,
      `        _describe -t commands "maestro $cmd command" entries`,
      `        return`,
      `      fi`,
      `      # A group that is also a command (\`conflicts\`) takes options right after its name.`,
      `      [[ $words[3] != -* ]] && { cmd="$cmd $words[3]"; shift words; (( CURRENT -= 1 )) } ;;`,
      `  esac`,
    ] : []),
    `  shift words; (( CURRENT -= 1 ))`,
    `  case $cmd in`,
    ...cases,
    `  esac`,
    `}`,
    `if (( $+functions[compdef] )); then compdef _maestro maestro; fi`,
    ``,
  ].join(`\n`);
}

/** `_arguments` specs: `--mission[Mission id]:value: ` for an option with a value, files for positionals. */
function argumentSpecs(command: CommandSpec): string[] {
  const options = command.options.flatMap(option => option.names.map(name => {
    const repeat = /repeatable/.test(option.description) ? `*` : ``;
    return quote(`${repeat}${name}[${bracketSafe(option.description)}]${option.takesValue ? `:value: ` : ``}`);
  }));
  const positionals = command.choices.length > 0 ? [quote(`1:${command.positionals[0] ?? `value`}:(${command.choices.join(` `)})`)]
    : command.positionals.length > 0 ? [quote(`*:argument:_files`)] : [];
  return [...options, quote(`--help[Show this command's help]`), ...positionals];
}

/** Square brackets end an `_arguments` description: shown as parentheses instead. */
function bracketSafe(text: string): string {
  return text.replace(/\[/g, `(`).replace(/\]/g, `)`);
}

/** One single-quoted shell word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
