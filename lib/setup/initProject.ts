import * as path from 'node:path';
import * as z from 'zod/mini';
import {canonicalJson} from '../canonicalJson.ts';
import {STATE_FORMAT, STATE_FORMAT_PATH} from '../domain/stateFormat.ts';
import {MIRROR_DIR} from '../store/mirror.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

export const InitView = z.object({
  created: z.array(z.string()),
  skipped: z.array(z.string()),
  scope: z.literal(`project`),
  bootstrapGenerated: z.boolean(),
  stateRef: z.string(),
  tip: z.string(),
  worktree: z.string(),
});
export type InitView = z.infer<typeof InitView>;

export const DEFAULT_CONFIG = `# maestro local settings for this working tree. Not state: never committed to ${STATE_REF}.
# Refuse to start a feature whose dependencies are not done (the --strict flag does the same once).
strictDependencies: false
# Agent name used when neither --agent nor MAESTRO_AGENT is given and none is detected.
# agent: codex
`;

/**
 * Initialises maestro in the repository: the state ref's first commit, the local
 * `.maestro/config.yaml`, the `.maestro/` exclude line, the mirror. Idempotent: a second run
 * creates nothing and lists everything as skipped.
 */
export async function initProject(workspace: Workspace): Promise<InitView> {
  const {fs} = workspace.store.deps;
  const created: string[] = [];
  const skipped: string[] = [];
  const mark = (done: boolean, what: string) => (done ? created : skipped).push(what);

  const outcome = await workspace.transact(`init`, async snapshot => ({
    changes: snapshot.tip ? [] : [{path: STATE_FORMAT_PATH, content: canonicalJson({format: STATE_FORMAT})}],
    result: snapshot.tip === null,
  }));
  mark(outcome.result, STATE_REF);

  const mirrorDir = path.join(workspace.repo.worktree, MIRROR_DIR);
  fs.mkdirSync(mirrorDir, {recursive: true});
  const config = path.join(mirrorDir, `config.yaml`);
  const hasConfig = fs.existsSync(config);
  if (!hasConfig) fs.writeFileSync(config, DEFAULT_CONFIG);
  mark(!hasConfig, config);

  const {exclude, added} = excludeMirror(workspace);
  mark(added, `${exclude}: /${MIRROR_DIR}/`);

  await workspace.mirror.sync();
  return {created, skipped, scope: `project`, bootstrapGenerated: true, stateRef: STATE_REF, tip: outcome.tip!.commit, worktree: workspace.repo.worktree};
}

/**
 * Keeps `.maestro/` out of the code branch with a line in `.git/info/exclude` (not `.gitignore`:
 * nothing to commit, and every worktree shares it). Idempotent.
 */
export function excludeMirror(workspace: Workspace): {exclude: string; added: boolean} {
  const {fs} = workspace.store.deps;
  const exclude = path.join(workspace.repo.commondir, `info`, `exclude`);
  const excludeText = fs.existsSync(exclude) ? fs.readFileSync(exclude, `utf8`) : ``;
  const hasLine = excludeText.split(/\r?\n/).some(line => line.trim() === `/${MIRROR_DIR}/` || line.trim() === `${MIRROR_DIR}/`);
  if (!hasLine) {
    fs.mkdirSync(path.dirname(exclude), {recursive: true});
    fs.writeFileSync(exclude, `${excludeText}${excludeText === `` || excludeText.endsWith(`\n`) ? `` : `\n`}# maestro: the state mirror, materialized from ${STATE_REF}\n/${MIRROR_DIR}/\n`);
  }
  return {exclude, added: !hasLine};
}
