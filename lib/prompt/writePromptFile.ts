import * as nodePath from 'node:path';
import {InputError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';

/**
 * Checks that `--out` (relative to where the command runs) can be written: not a directory, and the
 * file or its nearest existing parent is writable. Missing parent directories are created on write.
 * @returns the absolute path
 * @throws InputError naming the path and what is wrong, before anything is written
 */
export function checkPromptFile(workspace: Workspace, out: string): string {
  const {fs} = workspace.store.deps;
  const file = nodePath.resolve(workspace.options.cwd, out);
  if (out.trim() === `` || out.endsWith(`/`) || fs.statSync(file, {throwIfNoEntry: false})?.isDirectory())
    throw new InputError(`--out ${out} is a directory`, {hint: `give a file path, such as --out worker-prompt.md`});
  let target = file;
  while (!fs.existsSync(target)) target = nodePath.dirname(target);
  if (target !== file && !fs.statSync(target).isDirectory())
    throw new InputError(`--out ${out}: ${nodePath.relative(workspace.options.cwd, target) || target} is not a directory`, {hint: `choose another path for --out`});
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch {
    throw new InputError(`--out ${out} is not writable`, {hint: `choose a path you can write, such as --out worker-prompt.md`});
  }
  return file;
}

/** Writes the prompt to a path checked by `checkPromptFile`. @throws InputError when the write fails */
export function writePromptFile(workspace: Workspace, file: string, text: string): void {
  const {fs} = workspace.store.deps;
  try {
    fs.mkdirSync(nodePath.dirname(file), {recursive: true});
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {hint: `choose another path for --out`});
  }
}
