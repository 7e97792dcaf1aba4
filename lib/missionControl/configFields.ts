import * as path from 'node:path';
import type {LocalConfig, Workspace} from '../workspace.ts';
import type {MissionControlSnapshot} from './missionControlSnapshot.ts';

/**
 * The reference's `configSummary` and `configInspector` for maestro's local settings
 * (`.maestro/config.yaml`), as read-only rows: Mission Control never edits them. No doctor checks
 * run here (`maestro doctor` runs them; some spawn git).
 */
export function configFields(workspace: Workspace, config: LocalConfig, missionId: string | null, workerTypes: string[]): Pick<MissionControlSnapshot, 'configSummary' | 'configInspector'> {
  const file = path.join(workspace.repo.worktree, `.maestro`, `config.yaml`);
  const hasConfig = workspace.store.deps.fs.existsSync(file);
  const row = (keyPath: string, label: string, value: string, isSet: boolean, description: string) => ({
    keyPath, label, section: `local`, valueText: value, displayValueText: value, source: isSet ? `project` as const : `default` as const,
    sourceBadge: isSet ? `P` : `D`, editKind: `readonly` as const, editKindLabel: `read-only`, description, summary: `${label}: ${value}`,
    impactText: description, effectiveValueText: value, effectiveDisplayValueText: value,
  });
  return {
    configSummary: {
      configSource: hasConfig ? `project` : `none`, cassAvailable: false, gitAvailable: true, checks: [],
      missionDirectory: missionId ? `.maestro/missions/${missionId}` : null, workerTypes: [...new Set(workerTypes)].sort(), backgroundMode: `terminal`,
    },
    configInspector: {
      tabs: [`overview`, `effective`, `project`, `global`, `defaults`, `workers`, `plan`, `doctor`, `memory`],
      rowsByTab: {
        effective: [
          row(`strictDependencies`, `Strict dependencies`, String(config.strictDependencies), hasConfig && config.strictDependencies, `refuse to start a feature whose dependencies are not done`),
          row(`agent`, `Agent`, config.agent ?? `(detected)`, config.agent !== undefined, `the agent named in every state commit when nothing else names it`),
        ],
      },
      hasProjectConfig: hasConfig, hasGlobalConfig: false, projectPath: file, globalPath: null, errors: [],
    },
  };
}
