import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {InputError, NotFoundError} from '../errors.ts';
import {checkStatePath} from '../store/treeWriter.ts';
import type {Workspace} from '../workspace.ts';

export const StateFileView = z.object({path: z.string(), commit: z.string(), content: z.unknown()});
export type StateFileView = z.infer<typeof StateFileView>;
export const StateDirView = z.object({path: z.string(), commit: z.nullable(z.string()), entries: z.array(z.string())});
export type StateDirView = z.infer<typeof StateDirView>;

function normalise(path: string): string {
  return path.replace(/^\.maestro\//, ``).replace(/^\/+|\/+$/g, ``);
}

/** The file at a state path, parsed when it is JSON. @throws NotFoundError */
export async function showStateFile(workspace: Workspace, request: {path: string}): Promise<StateFileView> {
  const path = normalise(request.path);
  const tip = await workspace.requireTip();
  const text = await (await workspace.store.snapshot(tip)).readText(path);
  if (text === null) throw new NotFoundError(`no file ${path} in the state`, {hint: `list what there is with \`maestro state ls ${path.split(`/`).slice(0, -1).join(`/`)}\``});
  let content: unknown = text;
  if (path.endsWith(`.json`)) try { content = JSON.parse(text); } catch { /* shown as text */ }
  return {path, commit: tip.commit, content};
}

/** The names in a state directory. */
export async function listStateDir(workspace: Workspace, request: {path: string}): Promise<StateDirView> {
  const path = normalise(request.path);
  const tip = await workspace.requireTip();
  return {path, commit: tip.commit, entries: await (await workspace.store.snapshot(tip)).list(path)};
}

/**
 * Writes one state file as a commit (plumbing, like `git hash-object -w` plus `update-ref`): JSON is
 * validated and written canonically; anything else must be UTF-8 text. Empty content deletes.
 * @throws InputError for a bad path or invalid JSON, before anything is written
 */
export async function putStateFile(workspace: Workspace, request: {path: string; content: string; command: string}): Promise<StateFileView> {
  const path = normalise(request.path);
  checkStatePath(path);
  if (path === `maestro.json`) throw new InputError(`maestro.json holds the state format and is written by maestro init only`);
  let content: string | null = request.content === `` ? null : request.content;
  let parsed: unknown = content;
  if (content !== null && path.endsWith(`.json`)) {
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      throw new InputError(`${path}: the content is not valid JSON (${(error as Error).message})`, {hint: `check it with \`jq . <file>\``});
    }
    content = canonicalJson(parsed);
  }
  await workspace.requireTip();
  const outcome = await workspace.transact(request.command, async () => ({changes: [{path, content}], result: null}));
  return {path, commit: outcome.tip!.commit, content: parsed};
}
