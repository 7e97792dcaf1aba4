import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as z from 'zod/mini';
import {AgentBlockView} from './planBlockEdits.ts';
import {refreshInstructions, type InstallContext} from './installInstructions.ts';
import {openInstallSite} from './instructionTargets.ts';

export const UpdateView = z.object({
  version: z.string(),
  dryRun: z.boolean(),
  current: z.boolean(),
  agents: z.array(AgentBlockView),
  /** How to upgrade maestro itself: maestro does not download itself. */
  upgrade: z.object({packageRoot: z.nullable(z.string()), command: z.string()}),
});
export type UpdateView = z.infer<typeof UpdateView>;

/**
 * Brings every instruction block to this version: the detected agents' global files, and the
 * repository's AGENTS.md, CLAUDE.md, GEMINI.md that already hold a block (all three with `project`).
 * Says how to upgrade the package itself rather than downloading anything.
 * @throws RepositoryError with `project` outside a repository; InputError when a file is unreadable
 */
export async function updateInstructions(context: InstallContext, request: {project: boolean; dryRun: boolean}): Promise<UpdateView> {
  const site = openInstallSite({...context, needsProject: request.project});
  const view = await refreshInstructions(site, {...request, check: false});
  return {version: view.version, dryRun: view.dryRun, current: view.current, agents: view.agents, upgrade: upgradeCommand(packageRoot(nodeFs))};
}

/** The directory of the running maestro's package.json (the clone `npm install -g .` links to), if found. */
function packageRoot(fs: typeof nodeFs): string | null {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, `package.json`), `utf8`)) as {name?: string}).name === `maestro`) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function upgradeCommand(root: string | null): {packageRoot: string | null; command: string} {
  const rebuild = `npm ci && npm run build && npm install -g .`;
  if (root && nodeFs.existsSync(path.join(root, `.git`))) return {packageRoot: root, command: `cd ${root} && git pull && ${rebuild} && maestro update`};
  return {packageRoot: root, command: `in a newer maestro checkout: ${rebuild} && maestro update`};
}
