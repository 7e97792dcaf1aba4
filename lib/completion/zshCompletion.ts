import {commandWords, type CommandSpec} from './completionSpec.ts';

/**
 * A zsh completion function for `commands`, with each command's and option's description:
 * `_describe` for the command words, `_arguments` for a command's options and positionals.
 */
export function zshCompletion(commands: CommandSpec[]): string {
  const {tops, groups, subs} = commandWords(commands);
  const describe = (top: string) => {
    const command = commands.find(candidate => candidate.path.length === 1 && candidate.path[0] === top);
    return command ? command.description : subs(top).map(sub => sub.path[1]).join(`, `);
  };
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
      ...groups.map(group => `          ${group}) entries=(${subs(group).map(sub => quote(`${sub.path[1]}:${sub.description}`)).join(` `)}) ;;`),
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
