import type {CommandClass} from 'clipanion';
import type {MaestroContext} from './base.ts';

/**
 * Every command's paths and how to load it, in `--help` order. main() loads only the command the
 * command line names (all of them for help or a typo): compiling and registering every command cost
 * each run about 8 ms of a 60 ms `node -e 0` (bench). test/commands/registry.test.ts checks this
 * table against each class's own `static paths`.
 */
export interface CommandEntry {
  paths: string[][];
  load: () => Promise<CommandClass<MaestroContext>>;
}

export const COMMAND_TABLE: CommandEntry[] = [
  {paths: [[`init`]], load: async () => (await import('./init.ts')).InitCommand},
  {paths: [[`status`]], load: async () => (await import('./status.ts')).StatusCommand},
  {paths: [[`log`]], load: async () => (await import('./log.ts')).LogCommand},
  {paths: [[`trace`]], load: async () => (await import('./trace.ts')).TraceCommand},
  {paths: [[`doctor`]], load: async () => (await import('./doctor.ts')).DoctorCommand},
  {paths: [[`install`]], load: async () => (await import('./install.ts')).InstallCommand},
  {paths: [[`uninstall`]], load: async () => (await import('./uninstall.ts')).UninstallCommand},
  {paths: [[`update`]], load: async () => (await import('./update.ts')).UpdateCommand},
  {paths: [[`completion`]], load: async () => (await import('./completion.ts')).CompletionCommand},
  {paths: [[`mission`,`create`]], load: async () => (await import('./mission/create.ts')).MissionCreateCommand},
  {paths: [[`mission`,`list`]], load: async () => (await import('./mission/list.ts')).MissionListCommand},
  {paths: [[`mission`,`show`]], load: async () => (await import('./mission/show.ts')).MissionShowCommand},
  {paths: [[`mission`,`approve`]], load: async () => (await import('./mission/approve.ts')).MissionApproveCommand},
  {paths: [[`mission`,`reject`]], load: async () => (await import('./mission/reject.ts')).MissionRejectCommand},
  {paths: [[`mission`,`update`]], load: async () => (await import('./mission/update.ts')).MissionUpdateCommand},
  {paths: [[`milestone`,`list`]], load: async () => (await import('./milestone/list.ts')).MilestoneListCommand},
  {paths: [[`milestone`,`status`]], load: async () => (await import('./milestone/status.ts')).MilestoneStatusCommand},
  {paths: [[`milestone`,`seal`]], load: async () => (await import('./milestone/seal.ts')).MilestoneSealCommand},
  {paths: [[`feature`,`list`]], load: async () => (await import('./feature/list.ts')).FeatureListCommand},
  {paths: [[`feature`,`show`]], load: async () => (await import('./feature/show.ts')).FeatureShowCommand},
  {paths: [[`feature`,`next`]], load: async () => (await import('./feature/next.ts')).FeatureNextCommand},
  {paths: [[`feature`,`update`]], load: async () => (await import('./feature/update.ts')).FeatureUpdateCommand},
  {paths: [[`feature`,`prompt`]], load: async () => (await import('./feature/prompt.ts')).FeaturePromptCommand},
  {paths: [[`validate`,`show`]], load: async () => (await import('./validate/show.ts')).ValidateShowCommand},
  {paths: [[`validate`,`update`]], load: async () => (await import('./validate/update.ts')).ValidateUpdateCommand},
  {paths: [[`handoff`,`create`]], load: async () => (await import('./handoff/create.ts')).HandoffCreateCommand},
  {paths: [[`handoff`,`list`]], load: async () => (await import('./handoff/list.ts')).HandoffListCommand},
  {paths: [[`handoff`,`show`]], load: async () => (await import('./handoff/show.ts')).HandoffShowCommand},
  {paths: [[`handoff`,`pickup`]], load: async () => (await import('./handoff/pickup.ts')).HandoffPickupCommand},
  {paths: [[`handoff`,`complete`]], load: async () => (await import('./handoff/complete.ts')).HandoffCompleteCommand},
  {paths: [[`handoff`,`replay`]], load: async () => (await import('./handoff/replay.ts')).HandoffReplayCommand},
  {paths: [[`memory-correct`]], load: async () => (await import('./memory-correct.ts')).MemoryCorrectCommand},
  {paths: [[`memory-learn`]], load: async () => (await import('./memory-learn.ts')).MemoryLearnCommand},
  {paths: [[`memory-recall`]], load: async () => (await import('./memory-recall.ts')).MemoryRecallCommand},
  {paths: [[`memory-search`]], load: async () => (await import('./memory-search.ts')).MemorySearchCommand},
  {paths: [[`memory-lint`]], load: async () => (await import('./memory-lint.ts')).MemoryLintCommand},
  {paths: [[`memory-stats`]], load: async () => (await import('./memory-stats.ts')).MemoryStatsCommand},
  {paths: [[`memory-compile`]], load: async () => (await import('./memory-compile.ts')).MemoryCompileCommand},
  {paths: [[`ratchet-check`]], load: async () => (await import('./ratchet-check.ts')).RatchetCheckCommand},
  {paths: [[`principle`,`list`]], load: async () => (await import('./principle/list.ts')).PrincipleListCommand},
  {paths: [[`principle`,`add`]], load: async () => (await import('./principle/add.ts')).PrincipleAddCommand},
  {paths: [[`principle`,`remove`]], load: async () => (await import('./principle/remove.ts')).PrincipleRemoveCommand},
  {paths: [[`principle`,`effectiveness`],[`principle`,`stats`]], load: async () => (await import('./principle/effectiveness.ts')).PrincipleEffectivenessCommand},
  {paths: [[`session`]], load: async () => (await import('./session.ts')).SessionCommand},
  {paths: [[`checkpoint`,`save`]], load: async () => (await import('./checkpoint/save.ts')).CheckpointSaveCommand},
  {paths: [[`checkpoint`,`list`]], load: async () => (await import('./checkpoint/list.ts')).CheckpointListCommand},
  {paths: [[`checkpoint`,`restore`],[`checkpoint`,`load`]], load: async () => (await import('./checkpoint/restore.ts')).CheckpointRestoreCommand},
  {paths: [[`checkpoint`,`diff`]], load: async () => (await import('./checkpoint/diff.ts')).CheckpointDiffCommand},
  {paths: [[`diff`]], load: async () => (await import('./diff.ts')).DiffCommand},
  {paths: [[`sync`]], load: async () => (await import('./sync.ts')).SyncCommand},
  {paths: [[`remote`,`setup`]], load: async () => (await import('./remote/setup.ts')).RemoteSetupCommand},
  {paths: [[`conflicts`], [`conflicts`,`list`]], load: async () => (await import('./conflicts.ts')).ConflictsCommand},
  {paths: [[`conflicts`,`show`]], load: async () => (await import('./conflicts/show.ts')).ConflictsShowCommand},
  {paths: [[`conflicts`,`resolve`]], load: async () => (await import('./conflicts/resolve.ts')).ConflictsResolveCommand},
  {paths: [[`state`,`show`]], load: async () => (await import('./state/show.ts')).StateShowCommand},
  {paths: [[`state`,`ls`]], load: async () => (await import('./state/ls.ts')).StateLsCommand},
  {paths: [[`state`,`put`]], load: async () => (await import('./state/put.ts')).StatePutCommand},
];
