import * as path from 'node:path';
import * as z from 'zod/mini';
import {InputError} from '../errors.ts';
import {BLOCK_END, BLOCK_START, findInstructionBlock, removeInstructionBlock, spliceInstructionBlock} from './instructionBlock.ts';
import {followSymlinks, isTargetDetected, type InstallSite, type InstructionTarget} from './instructionTargets.ts';

export const BlockAction = z.enum([`injected`, `updated`, `skipped`, `removed`, `not-found`, `not-detected`, `linked`]);
export type BlockAction = z.infer<typeof BlockAction>;

/** What happened (or, with --dry-run or --check, would happen) to one instruction file. */
export const AgentBlockView = z.object({
  agent: z.string(),
  scope: z.enum([`home`, `project`]),
  action: BlockAction,
  configPath: z.string(),
  /** The file really read and written (symlinks followed); null when the agent is not detected. */
  realPath: z.nullable(z.string()),
  /** For `linked`: the target, listed earlier, whose file this one is. */
  sameAs: z.nullable(z.string()),
  /** The maestro version named by the block found in the file, if any. */
  foundVersion: z.nullable(z.string()),
  written: z.boolean(),
  /** The unified diff of the change, with --dry-run; null otherwise or when nothing changes. */
  diff: z.nullable(z.string()),
});
export type AgentBlockView = z.infer<typeof AgentBlockView>;

/** One planned edit: the view plus the file's text before and after (null: no file). */
export interface BlockEdit {
  view: AgentBlockView;
  before: string | null;
  after: string | null;
}

export type BlockOperation = {kind: `install`; block: string; onlyWithBlock: boolean} | {kind: `uninstall`};

/**
 * Reads every target and works out its edit, writing nothing: an agent whose folder is missing is
 * `not-detected`, a target whose real file an earlier target already covers is `linked` (so no file
 * is written twice). With `onlyWithBlock`, project files without a block are left out.
 * @throws InputError when a target cannot be read (a directory, no permission) or has an unclosed block
 */
export function planBlockEdits(site: InstallSite, targets: InstructionTarget[], operation: BlockOperation): BlockEdit[] {
  const edits: BlockEdit[] = [];
  const seen = new Map<string, string>();
  for (const target of targets) {
    const base = {agent: target.agent, scope: target.scope, configPath: target.path, sameAs: null, foundVersion: null, written: false, diff: null};
    if (!isTargetDetected(site, target)) {
      edits.push({view: {...base, action: `not-detected`, realPath: null}, before: null, after: null});
      continue;
    }
    const realPath = followSymlinks(site.fs, target.path);
    const before = readOrNull(site, realPath);
    const found = before === null ? null : findInstructionBlock(before);
    // A start marker with no end after it: appending a block would make the next run swallow
    // everything between that stray marker and the new end.
    if (before !== null && !found && before.includes(BLOCK_START))
      throw new InputError(`${target.path} has ${BLOCK_START} without ${BLOCK_END} after it`, {hint: `fix or delete the stray marker, then run the command again`});
    if (operation.kind === `install` && operation.onlyWithBlock && target.scope === `project` && !found) continue;
    const first = seen.get(realPath);
    if (first !== undefined) {
      edits.push({view: {...base, action: `linked`, realPath, sameAs: first, foundVersion: found?.version ?? null}, before, after: before});
      continue;
    }
    seen.set(realPath, target.path);
    const {action, after} = operation.kind === `install` ? installEdit(before, found?.text ?? null, operation.block) : uninstallEdit(before);
    edits.push({view: {...base, action, realPath, foundVersion: found?.version ?? null}, before, after});
  }
  return edits;
}

function installEdit(before: string | null, found: string | null, block: string): {action: BlockAction; after: string} {
  if (found === null) return {action: `injected`, after: spliceInstructionBlock(before ?? ``, block)};
  return found === block ? {action: `skipped`, after: before!} : {action: `updated`, after: spliceInstructionBlock(before!, block)};
}

function uninstallEdit(before: string | null): {action: BlockAction; after: string | null} {
  const removed = before === null ? null : removeInstructionBlock(before);
  if (removed === null) return {action: `not-found`, after: before};
  // A file that held only the block (install created it) goes, so install then uninstall leaves no trace.
  return {action: `removed`, after: removed.trim() === `` ? null : removed};
}

function readOrNull(site: InstallSite, file: string): string | null {
  try {
    return site.fs.readFileSync(file, `utf8`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === `ENOENT`) return null;
    throw new InputError(`cannot read ${file}: ${code ?? (error as Error).message}`, {hint: `fix the file or its permissions, then run the command again`});
  }
}

/** Whether the edit changes the file. */
export function isChange(edit: BlockEdit): boolean {
  return edit.view.action !== `linked` && edit.before !== edit.after;
}

/** Fills each changing edit's `diff` (unified, `diff` is loaded only here). */
export async function describeBlockEdits(edits: BlockEdit[]): Promise<void> {
  const {createTwoFilesPatch, FILE_HEADERS_ONLY} = await import(`diff`);
  for (const edit of edits.filter(isChange)) {
    const name = edit.view.configPath;
    edit.view.diff = createTwoFilesPatch(edit.before === null ? `/dev/null` : name, edit.after === null ? `/dev/null` : name,
      edit.before ?? ``, edit.after ?? ``, ``, ``, {headerOptions: FILE_HEADERS_ONLY});
  }
}

/**
 * Writes each changing edit to its real file: a new file in the same directory renamed over the old
 * one (a reader never sees half a file, a symlink keeps pointing at it, its mode is kept); a file
 * left empty by uninstall is removed. Every new file is written before any is renamed into place, so
 * a file that cannot be written (permissions, a read-only disk) leaves every file as it was.
 * @throws InputError naming the file that could not be written (and any already replaced)
 */
export function applyBlockEdits(site: InstallSite, edits: BlockEdit[]): void {
  const {fs} = site;
  const changes = edits.filter(isChange);
  const staged: Array<{edit: BlockEdit; file: string; temporary: string | null}> = [];
  const discard = (file: string) => { try { fs.rmSync(file, {force: true}); } catch { /* not ours to remove */ } };
  const unstage = () => { for (const {temporary} of staged) if (temporary) discard(temporary); };
  for (const edit of changes) {
    const file = edit.view.realPath!;
    if (edit.after === null) {
      staged.push({edit, file, temporary: null});
      continue;
    }
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.maestro-${process.pid}.tmp`);
    try {
      fs.mkdirSync(path.dirname(file), {recursive: true});
      const mode = fs.statSync(file, {throwIfNoEntry: false})?.mode;
      fs.writeFileSync(temporary, edit.after);
      if (mode !== undefined) fs.chmodSync(temporary, mode & 0o7777);
      staged.push({edit, file, temporary});
    } catch (error) {
      discard(temporary);
      unstage();
      throw new InputError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was changed`, {hint: `check the file's permissions, or leave that agent out by removing its folder from your home`});
    }
  }
  const done: string[] = [];
  for (const {edit, file, temporary} of staged) {
    try {
      if (temporary === null) fs.rmSync(file, {force: true});
      else fs.renameSync(temporary, file);
    } catch (error) {
      unstage();
      throw new InputError(`cannot replace ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}${done.length ? `; already written: ${done.join(`, `)}` : `; nothing was changed`}`, {hint: `fix the permissions and run the command again: it is idempotent`});
    }
    done.push(file);
    edit.view.written = true;
  }
}
