import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import {resolveHome} from '../resolveHome.ts';
import {MAESTRO_VERSION, refreshInstructions} from './installInstructions.ts';

/** The verdict of `maestro doctor`'s instruction-blocks check. */
export interface InstructionBlocksVerdict {
  status: `ok` | `warn`;
  detail: string;
  fix: string | null;
}

/**
 * Whether every instruction block is this version's: in each detected agent's global file (a
 * missing block counts) and in the repository's AGENTS.md, CLAUDE.md, GEMINI.md that hold one.
 * Writes nothing.
 */
export async function checkInstructionBlocks(request: {env: Record<string, string | undefined>; projectRoot: string}): Promise<InstructionBlocksVerdict> {
  const home = resolveHome(request.env);
  const site = {fs: nodeFs, env: request.env, home, projectRoot: request.projectRoot};
  const view = await refreshInstructions(site, {project: false, dryRun: false, check: true});
  const short = (file: string) => (file.startsWith(request.projectRoot + path.sep) ? path.relative(request.projectRoot, file)
    : file.startsWith(home + path.sep) ? `~/${path.relative(home, file)}` : file);
  const missing = view.agents.filter(entry => entry.action === `injected`).map(entry => short(entry.configPath));
  const outdated = view.agents.filter(entry => entry.action === `updated`)
    .map(entry => `${short(entry.configPath)} (${entry.foundVersion === null ? `not written by maestro` : entry.foundVersion === MAESTRO_VERSION ? `edited by hand` : `maestro ${entry.foundVersion}`})`);
  const current = view.agents.filter(entry => entry.action === `skipped`).map(entry => short(entry.configPath));
  if (outdated.length > 0 || missing.length > 0) {
    const parts = [...(outdated.length > 0 ? [`out of date: ${outdated.join(`, `)}`] : []), ...(missing.length > 0 ? [`missing: ${missing.join(`, `)}`] : [])];
    return {status: `warn`, detail: `instruction blocks ${parts.join(`; `)}`, fix: outdated.length > 0 ? `run \`maestro update\`` : `run \`maestro install\``};
  }
  if (current.length === 0) return {status: `ok`, detail: `no agent folder in ${home} and no block in this repository (\`maestro install --project\` writes one)`, fix: null};
  return {status: `ok`, detail: `maestro ${MAESTRO_VERSION} block current in ${current.join(`, `)}`, fix: null};
}
