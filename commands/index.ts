import {DoctorCommand} from './doctor.ts';
import {InstallCommand} from './install.ts';
import {UninstallCommand} from './uninstall.ts';
import {UpdateCommand} from './update.ts';
import {CompletionCommand} from './completion.ts';
import {InitCommand} from './init.ts';
import {LogCommand} from './log.ts';
import {StateLsCommand} from './state/ls.ts';
import {StatePutCommand} from './state/put.ts';
import {StateShowCommand} from './state/show.ts';
import {StatusCommand} from './status.ts';
import {MissionCreateCommand} from './mission/create.ts';
import {MissionListCommand} from './mission/list.ts';
import {MissionShowCommand} from './mission/show.ts';
import {MissionApproveCommand} from './mission/approve.ts';
import {MissionRejectCommand} from './mission/reject.ts';
import {MissionUpdateCommand} from './mission/update.ts';
import {MilestoneListCommand} from './milestone/list.ts';
import {MilestoneStatusCommand} from './milestone/status.ts';
import {MilestoneSealCommand} from './milestone/seal.ts';
import {FeatureListCommand} from './feature/list.ts';
import {FeatureShowCommand} from './feature/show.ts';
import {FeatureNextCommand} from './feature/next.ts';
import {FeatureUpdateCommand} from './feature/update.ts';
import {FeaturePromptCommand} from './feature/prompt.ts';
import {ValidateShowCommand} from './validate/show.ts';
import {ValidateUpdateCommand} from './validate/update.ts';
import {TraceCommand} from './trace.ts';
import {CheckpointSaveCommand} from './checkpoint/save.ts';
import {CheckpointListCommand} from './checkpoint/list.ts';
import {CheckpointRestoreCommand} from './checkpoint/restore.ts';
import {CheckpointDiffCommand} from './checkpoint/diff.ts';
import {DiffCommand} from './diff.ts';
import {MirrorCommitCommand} from './mirror/commit.ts';
import {MirrorDiscardCommand} from './mirror/discard.ts';
import {SyncCommand} from './sync.ts';
import {RemoteSetupCommand} from './remote/setup.ts';
import {ConflictsCommand} from './conflicts.ts';
import {ConflictsShowCommand} from './conflicts/show.ts';
import {ConflictsResolveCommand} from './conflicts/resolve.ts';
import {HandoffCreateCommand} from './handoff/create.ts';
import {HandoffListCommand} from './handoff/list.ts';
import {HandoffShowCommand} from './handoff/show.ts';
import {HandoffPickupCommand} from './handoff/pickup.ts';
import {HandoffCompleteCommand} from './handoff/complete.ts';
import {HandoffReplayCommand} from './handoff/replay.ts';
import {MemoryCorrectCommand} from './memory-correct.ts';
import {MemoryLearnCommand} from './memory-learn.ts';
import {MemoryRecallCommand} from './memory-recall.ts';
import {MemorySearchCommand} from './memory-search.ts';
import {MemoryLintCommand} from './memory-lint.ts';
import {MemoryStatsCommand} from './memory-stats.ts';
import {MemoryCompileCommand} from './memory-compile.ts';
import {RatchetCheckCommand} from './ratchet-check.ts';
import {MissionControlCommand} from './mission-control.ts';
import {TaskCreateCommand} from './task/create.ts';
import {TaskQCommand} from './task/q.ts';
import {TaskShowCommand} from './task/show.ts';
import {TaskListCommand} from './task/list.ts';
import {TaskUpdateCommand} from './task/update.ts';
import {TaskCloseCommand} from './task/close.ts';
import {TaskReadyCommand} from './task/ready.ts';
import {NoteCommand} from './note.ts';
import {ReplyWriteCommand} from './reply/write.ts';
import {ReplyListCommand} from './reply/list.ts';
import {ReplyIngestCommand} from './reply/ingest.ts';
import {GraphLinkCommand} from './graph-link.ts';
import {GraphContextCommand} from './graph-context.ts';
import {PrincipleListCommand} from './principle/list.ts';
import {PrincipleAddCommand} from './principle/add.ts';
import {PrincipleRemoveCommand} from './principle/remove.ts';
import {PrincipleEffectivenessCommand} from './principle/effectiveness.ts';
import {SessionCommand} from './session.ts';

/**
 * Every command class, in `--help` order, for the tests that walk them. The CLI itself loads them
 * lazily through table.ts.
 */
export const COMMANDS = [
  InitCommand, StatusCommand, LogCommand, TraceCommand, DoctorCommand,
  InstallCommand, UninstallCommand, UpdateCommand, CompletionCommand,
  MissionCreateCommand, MissionListCommand, MissionShowCommand, MissionApproveCommand, MissionRejectCommand, MissionUpdateCommand,
  MilestoneListCommand, MilestoneStatusCommand, MilestoneSealCommand,
  FeatureListCommand, FeatureShowCommand, FeatureNextCommand, FeatureUpdateCommand, FeaturePromptCommand,
  ValidateShowCommand, ValidateUpdateCommand,
  HandoffCreateCommand, HandoffListCommand, HandoffShowCommand, HandoffPickupCommand, HandoffCompleteCommand, HandoffReplayCommand,
  MemoryCorrectCommand, MemoryLearnCommand, MemoryRecallCommand, MemorySearchCommand, MemoryLintCommand, MemoryStatsCommand, MemoryCompileCommand, RatchetCheckCommand,
  PrincipleListCommand, PrincipleAddCommand, PrincipleRemoveCommand, PrincipleEffectivenessCommand, SessionCommand,
  CheckpointSaveCommand, CheckpointListCommand, CheckpointRestoreCommand, CheckpointDiffCommand, DiffCommand,
  SyncCommand, RemoteSetupCommand, ConflictsCommand, ConflictsShowCommand, ConflictsResolveCommand,
  MissionControlCommand,
  TaskCreateCommand, TaskQCommand, TaskShowCommand, TaskListCommand, TaskUpdateCommand, TaskCloseCommand, TaskReadyCommand,
  NoteCommand, ReplyWriteCommand, ReplyListCommand, ReplyIngestCommand, GraphLinkCommand, GraphContextCommand,
  MirrorCommitCommand, MirrorDiscardCommand,
  StateShowCommand, StateLsCommand, StatePutCommand,
];

export {main, makeCli, VERSION} from './main.ts';
