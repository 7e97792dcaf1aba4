import * as z from 'zod/mini';
import {readCheckpoints} from '../checkpoint/readCheckpoints.ts';
import type {Checkpoint} from '../checkpoint/checkpointTag.ts';
import {compareConflicts, Conflict, CONFLICTS_DIR} from '../domain/conflict.ts';
import type {Mission} from '../domain/mission.ts';
import type {Handoff} from '../domain/handoff.ts';
import {MaestroError} from '../errors.ts';
import {readAllHandoffs} from '../handoff/handoffStore.ts';
import {readLog} from '../history/readLog.ts';
import {readMissions} from '../mission/listMissions.ts';
import {loadMissionState, resolveMissionId} from '../mission/missionState.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import {deriveMissionView, sortEvents, type MissionFields} from './deriveMissionView.ts';
import {configFields} from './configFields.ts';
import {homeDetails, homeFields} from './homeFields.ts';
import {readHistoryDiff} from './readHistoryDiff.ts';
import {readMemoryView} from './readMemoryView.ts';
import type {ConflictRow, HandoffRow, MissionControlSnapshot, ProgressEvent} from './missionControlSnapshot.ts';

export interface SnapshotRequest {
  /** A mission id or unique prefix; without it, the newest executing or paused mission, else the newest. */
  missionId?: string;
  /** How many state commits the history lists (default 50). */
  historyLimit?: number;
  /** How many entities the selected commit's diff describes (default 200). */
  diffLimit?: number;
}

/** What read-only outputs show instead of a handoff's text (reference-handoff §11.4). */
export const REDACTED = `Details hidden in read-only output`;

/**
 * The one snapshot behind every Mission Control screen and `mission-control --json`: the mission,
 * its features, milestones and assertions, handoffs, memory, conflicts, checkpoints and the state
 * history, read at one tip. Read-only: it never writes state or `.maestro/`. A broken handoff,
 * conflict, memory or checkpoint file degrades to a line in `problems`, never a failure.
 * @throws NotFoundError for an unknown `missionId`; CorruptStateError for a mission that cannot be read
 */
export async function buildSnapshot(workspace: Workspace, request: SnapshotRequest = {}): Promise<MissionControlSnapshot> {
  const tip = await workspace.store.tip();
  const now = workspace.store.deps.now().getTime();
  const snapshot = await workspace.store.snapshot(tip);
  const problems: string[] = [];
  const soft = async <T>(what: string, read: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof MaestroError)) throw error;
      problems.push(`${what}: ${error.message}`);
      return fallback;
    }
  };
  const missions = await readMissions(snapshot);
  const missionId = request.missionId !== undefined ? await resolveMissionId(snapshot, request.missionId) : pickMission(missions);
  const [state, handoffRead, conflicts, checkpoints, memory, history, config] = await Promise.all([
    missionId ? loadMissionState(snapshot, missionId) : null,
    soft(`handoffs`, () => readAllHandoffs(snapshot), {handoffs: [], skipped: []}),
    soft(`conflicts`, () => readConflicts(snapshot, problems), []),
    missionId ? soft(`checkpoints`, () => readCheckpoints(workspace, missionId), [] as Checkpoint[]) : [],
    soft(`memory`, () => readMemoryView(snapshot, now), null),
    tip ? soft(`history`, () => readLog(workspace, {limit: request.historyLimit ?? 50}), {entries: []}) : {entries: []},
    soft(`config`, () => workspace.config(), {strictDependencies: false}),
  ]);
  problems.push(...handoffRead.skipped.map(skip => `${skip.path}: ${skip.problem}`));
  const handoffs = handoffRead.handoffs;
  const newest = history.entries[0];
  const selected = newest ? await soft(`history`, () => readHistoryDiff(workspace, {commit: newest.commit, limit: request.diffLimit ?? 200}), null) : null;
  const pendingHandoffs = handoffs.filter(h => h.status === `pending`).map(h => ({id: h.id, agent: h.agent, timestamp: h.createdAt, message: REDACTED}));
  const facts = {initialised: tip !== null, worktree: workspace.repo.worktree, missions: missions.length};
  const fields: MissionFields = state
    ? deriveMissionView(state, handoffs, now)
    : homeFields(facts);

  return {
    ...fields,
    tokenCounters: null,
    session: null,
    pendingHandoffs,
    ...configFields(workspace, config, state?.mission.id ?? null, fields.features.map(f => f.workerType)),
    memory,
    memoryStats: memory?.stats ?? null,
    eventStream: sortEvents([...fields.progressLog, ...checkpointEvents(checkpoints, now), ...handoffEvents(handoffs, now)]),
    progressLog: sortEvents([...fields.progressLog, ...checkpointEvents(checkpoints, now)]),
    taskBoard: null,
    home: state ? null : {...homeDetails(facts), pendingHandoffs},
    generatedAt: new Date(now).toISOString(),
    state: {
      ref: STATE_REF, commit: tip?.commit ?? null, committedAt: tip ? new Date(tip.time * 1000).toISOString() : null,
      agent: tip?.trailers[`Maestro-Agent`] ?? null, command: tip?.subject ?? null,
    },
    missions: missions.map(m => ({id: m.id, title: m.title, status: m.status, createdAt: m.createdAt})),
    handoffs: handoffs.map(toHandoffRow),
    conflicts,
    history: {
      entries: history.entries.map(e => ({...e, paths: e.paths.slice(0, 20), pathCount: e.paths.length})),
      selected,
    },
    checkpoints,
    problems,
  };
}

/** The reference's choice (§11.1): the newest executing or paused mission, else the newest, else none. */
function pickMission(missions: Mission[]): string | null {
  return (missions.find(m => m.status === `executing` || m.status === `paused`) ?? missions[0])?.id ?? null;
}

/** The conflicts of the state, open ones first, then newest first; unreadable files become problems. */
async function readConflicts(snapshot: StateSnapshot, problems: string[]): Promise<ConflictRow[]> {
  const rows: ConflictRow[] = [];
  for (const [name, data] of await snapshot.readAll(CONFLICTS_DIR, z.unknown())) {
    const parsed = Conflict.safeParse(data);
    if (!parsed.success) {
      problems.push(`${CONFLICTS_DIR}/${name}.json: not a conflict record`);
      continue;
    }
    const c = parsed.data;
    rows.push({
      id: c.id, kind: c.kind, path: c.path, field: c.field, rule: c.rule, status: c.status, base: c.base ?? null,
      kept: {...c.kept, value: c.kept.value ?? null}, other: {...c.other, value: c.other.value ?? null}, createdAt: c.createdAt,
      resolvedAt: c.resolvedAt ?? null, resolvedBy: c.resolvedBy ?? null, resolution: c.resolution ?? null,
    });
  }
  return rows.sort(compareConflicts);
}

function toHandoffRow(h: Handoff): HandoffRow {
  return {
    id: h.id, status: h.status, agent: h.agent, to: h.to ?? null, mode: h.mode, summary: h.summary, nextAction: h.nextAction,
    missionId: h.missionId ?? null, featureId: h.featureId ?? null, createdAt: h.createdAt,
    claimedBy: h.claimedBy ?? null, claimedAt: h.claimedAt ?? null, completedAt: h.completedAt ?? null,
  };
}

function checkpointEvents(checkpoints: Checkpoint[], now: number): ProgressEvent[] {
  return checkpoints.map(c => ({timestamp: c.timestamp, relativeMs: Math.max(0, now - Date.parse(c.timestamp)), kind: `checkpoint`, title: `Checkpoint saved: ${c.id}`}));
}

function handoffEvents(handoffs: Handoff[], now: number): ProgressEvent[] {
  return handoffs.filter(h => h.status === `pending`)
    .map(h => ({timestamp: h.createdAt, relativeMs: Math.max(0, now - Date.parse(h.createdAt)), kind: `handoff`, title: `Pending handoff from ${h.agent}`, detail: REDACTED}));
}
