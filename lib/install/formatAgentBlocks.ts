import type {AgentBlockView} from './planBlockEdits.ts';

const WOULD: Record<string, string> = {injected: `would inject`, updated: `would update`, removed: `would remove`};

/**
 * The human lines of install, update and uninstall, one per file as the original prints them
 * (`  Codex: injected (/home/u/.codex/AGENTS.md)`), then the diffs of a dry run.
 */
export function formatAgentBlocks(agents: AgentBlockView[], options: {preview: boolean; version?: string}): string[] {
  const lines = agents.map(entry => {
    const action = options.preview && !entry.written ? WOULD[entry.action] ?? entry.action : entry.action;
    const where = entry.action !== `linked` && entry.realPath && entry.realPath !== entry.configPath ? `${entry.configPath} -> ${entry.realPath}` : entry.configPath;
    return `  ${entry.agent}${entry.scope === `project` ? ` (project)` : ``}: ${action} (${where}${reason(entry, options.version)})`;
  });
  const diffs = agents.flatMap(entry => (entry.diff ? [``, entry.diff.trimEnd()] : []));
  return [...lines, ...diffs];
}

function reason(entry: AgentBlockView, version: string | undefined): string {
  switch (entry.action) {
    case `not-detected`: return `; no ${entry.configPath.replace(/\/[^/]+$/, ``)}, skipped`;
    case `linked`: return `: same file as ${entry.sameAs}`;
    case `skipped`: return `; already current`;
    case `updated`: return entry.foundVersion === null ? `; block not written by maestro` : entry.foundVersion === version ? `; block edited by hand` : `; was maestro ${entry.foundVersion}`;
    default: return ``;
  }
}
