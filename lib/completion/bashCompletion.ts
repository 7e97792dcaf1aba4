import {commandWords, type CommandSpec} from './completionSpec.ts';

/**
 * A bash completion script for `commands`: command words first, then a command's options (after
 * `-`, or when it takes no positional), its fixed positional values, and bash's own file-name
 * completion for option values and free positionals (`complete -o default`).
 */
export function bashCompletion(commands: CommandSpec[]): string {
  const {tops, groups, subs} = commandWords(commands);
  const cases = commands.map(command => {
    const names = command.options.flatMap(option => option.names);
    const values = command.options.filter(option => option.takesValue).flatMap(option => option.names);
    return `    '${command.path.join(` `)}') opts='${names.join(` `)} --help'; values=' ${values.join(` `)} '; takes_args=${command.positionals.length > 0 ? 1 : 0}; choices='${command.choices.join(` `)}' ;;`;
  });
  return [
    `# bash completion for maestro, from \`maestro completion bash\`. Load it from ~/.bashrc:`,
    `#   source <(maestro completion bash)`,
    `_maestro() {`,
    `  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}`,
    `  local cmd opts values takes_args choices`,
    `  COMPREPLY=()`,
    `  if (( COMP_CWORD == 1 )); then`,
    `    COMPREPLY=($(compgen -W '${tops.join(` `)} --help --version' -- "$cur"))`,
    `    return 0`,
    `  fi`,
    `  cmd=\${COMP_WORDS[1]}`,
    ...(groups.length > 0 ? [
      `  case $cmd in`,
      `    ${groups.join(`|`)})`,
      `      if (( COMP_CWORD == 2 )) && [[ $cur != -* ]]; then`,
      `        case $cmd in`,
      ...groups.map(group => `          ${group}) COMPREPLY=($(compgen -W '${subs(group).map(command => command.path[1]).join(` `)}' -- "$cur")) ;;`),
      `        esac`,
      `        return 0`,
      `      fi`,
      `      # A group that is also a command (\`conflicts\`) takes options right after its name.`,
      `      [[ \${COMP_WORDS[2]} != -* ]] && cmd="$cmd \${COMP_WORDS[2]}" ;;`,
      `  esac`,
    ] : []),
    `  case $cmd in`,
    ...cases,
    `    *) return 0 ;;`,
    `  esac`,
    `  # An option's value: bash's default completion (file names) takes over.`,
    `  [[ $values == *" $prev "* ]] && return 0`,
    `  if [[ $cur == -* || $takes_args == 0 ]]; then`,
    `    COMPREPLY=($(compgen -W "$opts" -- "$cur"))`,
    `  elif [[ -n $choices ]]; then`,
    `    COMPREPLY=($(compgen -W "$choices" -- "$cur"))`,
    `  fi`,
    `}`,
    `complete -o default -F _maestro maestro`,
    ``,
  ].join(`\n`);
}
