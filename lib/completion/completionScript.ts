import type {CommandClass} from 'clipanion';
import * as z from 'zod/mini';
import {InputError} from '../errors.ts';
import {bashCompletion} from './bashCompletion.ts';
import {completionSpec} from './completionSpec.ts';
import {zshCompletion} from './zshCompletion.ts';

export const SHELLS = [`bash`, `zsh`] as const;

export const CompletionView = z.object({shell: z.enum(SHELLS), script: z.string()});
export type CompletionView = z.infer<typeof CompletionView>;

/**
 * The completion script of `shell` for `commands` (every registered command), generated from
 * their paths and options, so it cannot drift from `--help`.
 * @throws InputError for a shell other than bash or zsh
 */
export function completionScript(commands: Array<CommandClass<any>>, request: {shell: string}): CompletionView {
  const shell = SHELLS.find(name => name === request.shell);
  if (!shell) throw new InputError(`no completion for shell "${request.shell}"`, {hint: `use \`maestro completion bash\` or \`maestro completion zsh\``});
  const specs = completionSpec(commands, {completion: [...SHELLS]});
  return {shell, script: shell === `bash` ? bashCompletion(specs) : zshCompletion(specs)};
}
