import * as z from 'zod/mini';
import pkg from '../../package.json' with {type: 'json'};
import {renderInstructionBlock} from './instructionBlock.ts';
import {instructionTargets, openInstallSite, type InstallSite} from './instructionTargets.ts';
import {AgentBlockView, applyBlockEdits, describeBlockEdits, isChange, planBlockEdits, type BlockEdit} from './planBlockEdits.ts';

/** The version the block names: this maestro's. */
export const MAESTRO_VERSION = pkg.version;

export const InstallView = z.object({
  version: z.string(),
  dryRun: z.boolean(),
  check: z.boolean(),
  /** True when every detected file already holds this version's block: nothing to write. */
  current: z.boolean(),
  agents: z.array(AgentBlockView),
});
export type InstallView = z.infer<typeof InstallView>;

export interface InstallRequest {
  /** Also the repository's AGENTS.md, CLAUDE.md, GEMINI.md (created when missing). */
  project: boolean;
  /** Write nothing; fill each entry's diff. */
  dryRun: boolean;
  /** Write nothing; `current` is the verdict. */
  check: boolean;
}

/** Where a command runs: the install commands need no repository unless `--project` is given. */
export interface InstallContext {
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * Writes this version's marked block into each detected agent's global instruction file (spec
 * 10.1) and, with `project`, into the repository's own files. Idempotent: a file whose block is
 * current is not touched; a block written by hand or by an older maestro is replaced in place.
 * @throws RepositoryError with `project` outside a repository; InputError when a file is unreadable
 */
export async function installInstructions(context: InstallContext, request: InstallRequest): Promise<InstallView> {
  const site = openInstallSite({...context, needsProject: request.project});
  const edits = planBlockEdits(site, instructionTargets(site, request.project), {kind: `install`, block: renderInstructionBlock(MAESTRO_VERSION), onlyWithBlock: false});
  return settleEdits(site, edits, request);
}

/**
 * Like installInstructions, but the repository's files count only when they already hold a block
 * (`maestro update`, `maestro doctor`), unless `project` asks for all of them.
 */
export async function refreshInstructions(site: InstallSite, request: InstallRequest): Promise<InstallView> {
  const edits = planBlockEdits(site, instructionTargets(site, true), {kind: `install`, block: renderInstructionBlock(MAESTRO_VERSION), onlyWithBlock: !request.project});
  return settleEdits(site, edits, request);
}

async function settleEdits(site: InstallSite, edits: BlockEdit[], request: InstallRequest): Promise<InstallView> {
  if (request.dryRun) await describeBlockEdits(edits);
  else if (!request.check) applyBlockEdits(site, edits);
  return {version: MAESTRO_VERSION, dryRun: request.dryRun, check: request.check, current: !edits.some(isChange), agents: edits.map(edit => edit.view)};
}
