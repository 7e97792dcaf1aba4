import * as z from 'zod/mini';
import {AssertionResult} from '../domain/assertion.ts';
import {ConflictKind} from '../domain/conflict.ts';
import {FeatureStatus} from '../domain/feature.ts';
import {HandoffStatus} from '../domain/handoff.ts';
import {CompiledRule, Correction, Learning, RatchetBaseline, RatchetSuite} from '../domain/memory.ts';
import {MissionStatus} from '../domain/mission.ts';
import {Checkpoint} from '../checkpoint/checkpointTag.ts';
import {EntityChange} from '../history/semanticDiff.ts';

/**
 * What `maestro mission-control --json` prints and every Mission Control screen draws: the
 * reference's `MissionControlSnapshot` (reference-handoff §11.3) plus maestro's additions, marked
 * "ours" below. Reference fields that have no source in maestro keep their shape with an honest
 * empty value: `tokenCounters` and `session` are null (no telemetry; the working tree is not state),
 * `taskBoard` is null (no task graph yet), `configSummary.checks` is empty (`maestro doctor` runs them).
 */

const MilestoneStatus = z.enum([`pending`, `executing`, `validating`, `sealed`, `failed`]);
const FeatureRef = z.object({id: z.string(), title: z.string(), status: FeatureStatus});

export const TaskPreviewPane = z.object({
  id: z.string(), title: z.string(), status: FeatureStatus, milestoneId: z.string(), milestoneTitle: z.string(),
  workerType: z.string(), description: z.string(), preconditions: z.optional(z.string()), expectedBehavior: z.optional(z.string()),
  verificationSteps: z.array(z.string()), dependsOn: z.array(z.string()), blockedBy: z.array(FeatureRef), unblocks: z.array(FeatureRef),
  fulfills: z.array(z.string()), validTransitions: z.array(FeatureStatus),
});
export type TaskPreviewPane = z.infer<typeof TaskPreviewPane>;

export const FeatureRow = z.object({
  id: z.string(), title: z.string(), status: FeatureStatus, milestoneId: z.string(), workerType: z.string(), hasReport: z.boolean(),
  blockedByIds: z.array(z.string()), blockedByLabel: z.optional(z.string()),
  // ours: who moved it last and when, who holds a claimed handoff linked to it
  updatedAt: z.string(), updatedBy: z.nullable(z.string()), claimedBy: z.nullable(z.string()), claimHandoffId: z.nullable(z.string()),
});
export type FeatureRow = z.infer<typeof FeatureRow>;

export const MilestoneRow = z.object({
  id: z.string(), title: z.string(), status: MilestoneStatus, order: z.number(), kind: z.string(), profile: z.string(),
  // ours: the progress behind the bars
  featureCount: z.number(), completedFeatures: z.number(), featureCompletionPct: z.number(),
  assertionCount: z.number(), terminalAssertions: z.number(), assertionCompletionPct: z.number(), sealedAt: z.nullable(z.string()),
});
export type MilestoneRow = z.infer<typeof MilestoneRow>;

const EventKind = z.enum([`mission`, `feature`, `milestone`, `assertion`, `checkpoint`, `handoff`, `task`, `reply`]);
export const ProgressEvent = z.object({timestamp: z.string(), relativeMs: z.number(), kind: EventKind, title: z.string(), detail: z.optional(z.string())});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const PendingHandoff = z.object({id: z.string(), agent: z.string(), timestamp: z.string(), message: z.string()});

/** ours: every handoff, for the queue screen (the same fields `maestro handoff list --json` prints). */
export const HandoffRow = z.object({
  id: z.string(), status: HandoffStatus, agent: z.string(), to: z.nullable(z.string()), mode: z.string(), summary: z.string(),
  nextAction: z.string(), missionId: z.nullable(z.string()), featureId: z.nullable(z.string()), createdAt: z.string(),
  claimedBy: z.nullable(z.string()), claimedAt: z.nullable(z.string()), completedAt: z.nullable(z.string()),
});
export type HandoffRow = z.infer<typeof HandoffRow>;

/** ours: the assertions of the mission with their results. */
export const AssertionRow = z.object({
  id: z.string(), alias: z.nullable(z.string()), milestoneId: z.string(), featureId: z.string(), result: AssertionResult,
  description: z.string(), evidence: z.nullable(z.string()), waivedReason: z.nullable(z.string()), updatedAt: z.string(), updatedBy: z.nullable(z.string()),
});
export type AssertionRow = z.infer<typeof AssertionRow>;

const ConflictSideView = z.object({value: z.unknown(), commit: z.string(), agent: z.nullable(z.string()), updatedAt: z.nullable(z.string())});
/** ours: what a sync merge had to choose (lib/domain/conflict.ts), open ones first. */
export const ConflictRow = z.object({
  id: z.string(), kind: ConflictKind, path: z.string(), field: z.nullable(z.string()), rule: z.string(), status: z.enum([`open`, `resolved`]),
  base: z.unknown(), kept: ConflictSideView, other: ConflictSideView, createdAt: z.string(),
  resolvedAt: z.nullable(z.string()), resolvedBy: z.nullable(z.string()), resolution: z.nullable(z.enum([`kept`, `other`])),
});
export type ConflictRow = z.infer<typeof ConflictRow>;

/** ours: one state commit, as `maestro log` lists it (paths cut to the first 20). */
export const HistoryEntry = z.object({
  commit: z.string(), parents: z.array(z.string()), committedAt: z.string(), agent: z.nullable(z.string()), session: z.nullable(z.string()),
  command: z.string(), paths: z.array(z.string()), pathCount: z.number(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** ours: the semantic diff of one state commit against its first parent, at most `limit` entities. */
export const HistoryDiff = z.object({commit: z.string(), changes: z.array(EntityChange), total: z.number()});
export type HistoryDiff = z.infer<typeof HistoryDiff>;

export const MemoryStatsView = z.object({
  corrections: z.object({total: z.number(), hard: z.number(), soft: z.number()}),
  learnings: z.object({rawCount: z.number(), compiledAt: z.optional(z.string()), compiledRules: z.optional(z.number()), staleDays: z.optional(z.number())}),
  ratchet: z.object({assertions: z.number(), lastResult: z.optional(z.enum([`pass`, `fail`]))}),
});

const DoctorCheckView = z.object({name: z.string(), status: z.string(), detail: z.string()});
const ConfigRow = z.object({
  keyPath: z.string(), label: z.string(), section: z.string(), valueText: z.string(), displayValueText: z.string(),
  source: z.enum([`project`, `global`, `default`, `mixed`, `none`]), sourceBadge: z.string(), editKind: z.literal(`readonly`), editKindLabel: z.string(),
  description: z.string(), summary: z.string(), impactText: z.string(), effectiveValueText: z.string(), effectiveDisplayValueText: z.string(),
});

export const MissionControlSnapshot = z.object({
  mode: z.enum([`mission`, `home`]),
  missionId: z.string(),
  missionTitle: z.string(),
  missionStatus: MissionStatus,
  effectiveStatus: MissionStatus,
  elapsedMs: z.number(),
  featureProgress: z.object({done: z.number(), total: z.number(), active: z.number()}),
  statusProgress: z.object({completed: z.number(), total: z.number(), inFlight: z.number(), blocked: z.number(), queued: z.number(), completionPct: z.number()}),
  tokenCounters: z.null(),
  missionOverview: z.nullable(z.object({
    missionLabel: z.string(), statusLabel: z.string(), activeCount: z.number(), doneCount: z.number(), totalCount: z.number(), blockedCount: z.number(),
    currentMilestone: z.nullable(z.string()), gateLabel: z.nullable(z.string()), agentSummary: z.array(z.string()),
    dependencyMap: z.array(z.object({root: FeatureRef, primaryDependent: z.optional(FeatureRef), primaryDependentBlockedByCount: z.optional(z.number()), hiddenDependentCount: z.number()})),
  })),
  activeFeature: z.nullable(TaskPreviewPane),
  features: z.array(FeatureRow),
  taskPreviews: z.array(TaskPreviewPane),
  session: z.null(),
  pendingHandoffs: z.array(PendingHandoff),
  configSummary: z.object({
    configSource: z.enum([`project`, `none`]), cassAvailable: z.boolean(), gitAvailable: z.boolean(), checks: z.array(DoctorCheckView),
    missionDirectory: z.nullable(z.string()), workerTypes: z.array(z.string()), backgroundMode: z.enum([`solid`, `terminal`]),
  }),
  configInspector: z.object({
    tabs: z.array(z.string()), rowsByTab: z.record(z.string(), z.array(ConfigRow)), hasProjectConfig: z.boolean(), hasGlobalConfig: z.boolean(),
    projectPath: z.string(), globalPath: z.nullable(z.string()), errors: z.array(z.string()),
  }),
  progressLog: z.array(ProgressEvent),
  milestones: z.array(MilestoneRow),
  gateBlocked: z.boolean(),
  gateLabel: z.nullable(z.string()),
  canPause: z.boolean(),
  canResume: z.boolean(),
  memory: z.nullable(z.object({
    stats: MemoryStatsView, corrections: z.array(Correction), rawLearnings: z.array(Learning), compiledLearnings: z.optional(z.array(CompiledRule)),
    ratchetSuite: RatchetSuite, ratchetBaseline: z.optional(RatchetBaseline),
  })),
  memoryStats: z.nullable(MemoryStatsView),
  agentGrid: z.array(z.object({
    workerType: z.string(), status: z.enum([`active`, `waiting`, `completed`, `stale`]), activeFeatureId: z.optional(z.string()), activeFeatureTitle: z.optional(z.string()),
    lastActivityAt: z.optional(z.string()), featureCount: z.number(), completedCount: z.number(), pendingHandoffCount: z.number(),
  })),
  dispatchQueue: z.array(z.object({featureId: z.string(), featureTitle: z.string(), milestoneId: z.string(), milestoneTitle: z.string(), milestoneOrder: z.number(), workerType: z.string(), fitReason: z.string()})),
  eventStream: z.array(ProgressEvent),
  taskBoard: z.null(),
  timelineMilestones: z.array(z.object({id: z.string(), title: z.string(), order: z.number(), kind: z.string(), profile: z.string(), features: z.array(FeatureRef), progressPct: z.number()})),
  home: z.nullable(z.object({
    headline: z.string(), summary: z.string(), locationLabel: z.string(), checks: z.array(DoctorCheckView),
    actions: z.array(z.object({label: z.string(), command: z.string(), detail: z.string()})), pendingHandoffs: z.array(PendingHandoff),
  })),
  // ours
  generatedAt: z.string(),
  state: z.object({ref: z.string(), commit: z.nullable(z.string()), committedAt: z.nullable(z.string()), agent: z.nullable(z.string()), command: z.nullable(z.string())}),
  missions: z.array(z.object({id: z.string(), title: z.string(), status: MissionStatus, createdAt: z.string()})),
  assertions: z.array(AssertionRow),
  handoffs: z.array(HandoffRow),
  conflicts: z.array(ConflictRow),
  history: z.object({entries: z.array(HistoryEntry), selected: z.nullable(HistoryDiff)}),
  checkpoints: z.array(Checkpoint),
  /** State files that could not be read (a broken handoff, conflict or checkpoint), one line each. */
  problems: z.array(z.string()),
});
export type MissionControlSnapshot = z.infer<typeof MissionControlSnapshot>;
