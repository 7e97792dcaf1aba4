import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {entityProblem} from '../domain/entitySchemas.ts';
import {GateError, InputError} from '../errors.ts';
import type {HandEdit} from '../store/mirror.ts';
import {MIRROR_DIR} from '../store/mirror.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

export const HandEditsView = z.object({
  paths: z.array(z.object({path: z.string(), kind: z.enum([`modified`, `deleted`, `added`])})),
  commit: z.nullable(z.string()),
});
export type HandEditsView = z.infer<typeof HandEditsView>;

/** `.maestro/features/x.json`, `./.maestro/x` and `x` all name the mirror path `x`. */
function mirrorPath(given: string): string {
  return given.replace(/^\.\//, ``).replace(new RegExp(`^${MIRROR_DIR}/`), ``).replace(/\/+$/, ``);
}

/** The hand edits `paths` names (a file, or a directory holding edits), or all of them when none. */
async function selectEdits(workspace: Workspace, paths: string[]): Promise<HandEdit[]> {
  await workspace.requireTip();
  await workspace.mirror.sync();
  const edits = await workspace.mirror.handEdits();
  if (paths.length === 0) return edits;
  const wanted = paths.map(mirrorPath);
  for (const want of wanted) {
    if (!edits.some(edit => edit.path === want || edit.path.startsWith(`${want}/`)))
      throw new InputError(`.maestro/${want} has no hand edit`, {hint: `\`maestro status\` lists the files edited by hand`});
  }
  return edits.filter(edit => wanted.some(want => edit.path === want || edit.path.startsWith(`${want}/`)));
}

/**
 * Commits hand edits of `.maestro/` to the state in one commit: each edited JSON file must be a valid
 * entity for its path (written back canonically), a deleted file is deleted from the state. Refused,
 * writing nothing, when any file is invalid or when the state changed that file since the mirror
 * wrote it (the edit would silently undo that change).
 * @throws InputError naming the invalid file; GateError when the state moved under an edit
 */
export async function commitHandEdits(workspace: Workspace, request: {paths: string[]}): Promise<HandEditsView> {
  const edits = await selectEdits(workspace, request.paths);
  if (edits.length === 0) return {paths: [], commit: null};
  const {fs} = workspace.store.deps;
  const changes: Change[] = edits.map(edit => {
    if (edit.kind === `deleted`) return {path: edit.path, content: null};
    const text = fs.readFileSync(`${workspace.mirror.dir}/${edit.path}`, `utf8`);
    if (!edit.path.endsWith(`.json`)) return {path: edit.path, content: text};
    const problem = entityProblem(edit.path, text);
    if (problem) throw new InputError(`.maestro/${edit.path}: ${problem}`, {hint: `fix the file, or drop the edit with \`maestro mirror discard .maestro/${edit.path}\``});
    return {path: edit.path, content: canonicalJson(JSON.parse(text))};
  });
  const outcome = await workspace.transact(`mirror commit`, async snapshot => {
    for (const edit of edits) {
      const entry = snapshot.tip ? await workspace.store.reader.entry(snapshot.tip.tree, edit.path) : null;
      if ((entry?.oid ?? null) !== workspace.mirror.recordedBlob(edit.path)) {
        throw new GateError(`the state changed ${edit.path} after .maestro/ was written; committing the edit would undo that`, {hint: `see the state's version with \`maestro state show ${edit.path}\`, then \`maestro mirror discard .maestro/${edit.path}\` and edit again`});
      }
    }
    return {changes, result: null};
  });
  await workspace.mirror.restore(edits.map(edit => edit.path));
  return {paths: edits, commit: outcome.committed ? outcome.tip!.commit : null};
}

/** Puts hand-edited files of `.maestro/` back as the state has them (an added file is removed). */
export async function discardHandEdits(workspace: Workspace, request: {paths: string[]}): Promise<HandEditsView> {
  const edits = await selectEdits(workspace, request.paths);
  await workspace.mirror.restore(edits.map(edit => edit.path));
  return {paths: edits, commit: null};
}
