import * as z from 'zod/mini';
import type {InstallContext} from './installInstructions.ts';
import {instructionTargets, openInstallSite} from './instructionTargets.ts';
import {AgentBlockView, applyBlockEdits, describeBlockEdits, planBlockEdits} from './planBlockEdits.ts';

export const UninstallView = z.object({
  dryRun: z.boolean(),
  agents: z.array(AgentBlockView),
});
export type UninstallView = z.infer<typeof UninstallView>;

/**
 * Removes exactly the marked block from each agent's global instruction file and, with `project`,
 * from the repository's AGENTS.md, CLAUDE.md, GEMINI.md; everything outside the markers stays. A
 * file that held nothing but the block is removed.
 * @throws RepositoryError with `project` outside a repository; InputError when a file is unreadable
 */
export async function uninstallInstructions(context: InstallContext, request: {project: boolean; dryRun: boolean}): Promise<UninstallView> {
  const site = openInstallSite({...context, needsProject: request.project});
  const edits = planBlockEdits(site, instructionTargets(site, request.project), {kind: `uninstall`});
  if (request.dryRun) await describeBlockEdits(edits);
  else applyBlockEdits(site, edits);
  return {dryRun: request.dryRun, agents: edits.map(edit => edit.view)};
}
