import {Command, Option} from 'clipanion';
import {MaestroCommand} from './base.ts';

export class CompletionCommand extends MaestroCommand {
  static paths = [[`completion`]];
  static usage = Command.Usage({
    category: `Setup`,
    description: `print the shell completion script for bash or zsh`,
    details: `
      Prints a completion script for every command, its options and fixed values, generated from the same definitions as \`--help\`. Load it from your shell's startup file: \`source <(maestro completion bash)\` in ~/.bashrc, or \`source <(maestro completion zsh)\` in ~/.zshrc after \`compinit\`.
    `,
    examples: [
      [`Enable completion in bash`, `source <(maestro completion bash)`],
      [`Write the zsh script to a file`, `$0 completion zsh > ~/.zsh/_maestro`],
      [`As JSON ({shell, script})`, `$0 completion bash --json`],
    ],
  });

  shell = Option.String({name: `shell`});
  json = Option.Boolean(`--json`, false, {description: `Print {shell, script} as one JSON document`});

  async run() {
    const {CompletionView, completionScript} = await import('../lib/completion/completionScript.ts');
    // Every command, with its options: completion alone loads them all (the per-command bundle of
    // this command carries them, the dispatcher's table does not).
    const {COMMANDS} = await import('./index.ts');
    const view = completionScript(COMMANDS, {shell: this.shell});
    this.print(CompletionView, view, v => v.script);
  }
}
