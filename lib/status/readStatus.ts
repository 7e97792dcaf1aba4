import * as path from 'node:path';
import * as z from 'zod/mini';
import {ConflictSummary, HandoffSummary} from '../domain/summaries.ts';
import {describeLock} from '../store/lockFile.ts';
import type {PendingScan} from '../store/mirrorScan.ts';
import {STATE_REF} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';

export const StatusView = z.object({
  initialized: z.boolean(),
  configSource: z.enum([`project`, `none`]),
  gitAvailable: z.boolean(),
  cassAvailable: z.boolean(),
  repository: z.object({worktree: z.string(), gitdir: z.string(), commondir: z.string()}),
  stateRef: z.string(),
  tip: z.nullable(z.object({commit: z.string(), committedAt: z.string(), ageSeconds: z.number(), subject: z.string(), agent: z.nullable(z.string())})),
  pendingHandoffs: z.array(z.object({id: z.string(), agent: z.nullable(z.string()), to: z.nullable(z.string()), createdAt: z.nullable(z.string())})),
  lock: z.nullable(z.object({path: z.string(), pid: z.nullable(z.number()), alive: z.nullable(z.boolean()), ageSeconds: z.number()})),
  mirror: z.object({commit: z.nullable(z.string()), fresh: z.boolean()}),
  handEdits: z.array(z.object({path: z.string(), kind: z.enum([`modified`, `deleted`, `added`])})),
  conflicts: z.array(z.object({id: z.string(), path: z.nullable(z.string()), field: z.nullable(z.string())})),
});
export type StatusView = z.infer<typeof StatusView>;

/**
 * What a person or agent needs to know before acting: the state tip and its age, pending handoffs,
 * a lock left behind, hand edits in `.maestro/`, unresolved merge conflicts. Reads only the tip's
 * `handoffs/` and `conflicts/` directories, and on a large mirror checks only what changed since the
 * last status (Mirror.startScan), so it costs about the same at any size of state or history.
 */
export async function readStatus(workspace: Workspace): Promise<StatusView> {
  // Started first: on a large mirror, `find` looks for hand edits while the rest is read.
  const scan = workspace.mirror.startScan();
  try {
    return await collectStatus(workspace, scan);
  } finally {
    workspace.mirror.dropScan(scan); // a no-op once handEditsSince has recorded it
  }
}

async function collectStatus(workspace: Workspace, scan: PendingScan | null): Promise<StatusView> {
  const {fs, repo, now} = workspace.store.deps;
  const tip = await workspace.store.tip();
  const snapshot = await workspace.store.snapshot(tip);
  if (tip) await workspace.mirror.sync();
  const handoffs = await snapshot.readAll(`handoffs`, HandoffSummary);
  const conflicts = await snapshot.readAll(`conflicts`, ConflictSummary);
  const lockPath = path.join(repo.commondir, `${STATE_REF}.lock`);
  const lock = describeLock(fs, lockPath, now().getTime());
  const mirrorCommit = workspace.mirror.stampedCommit();
  return {
    initialized: tip !== null,
    configSource: fs.existsSync(path.join(workspace.mirror.dir, `config.yaml`)) ? `project` : `none`,
    gitAvailable: true,
    cassAvailable: false,
    repository: {worktree: repo.worktree, gitdir: repo.gitdir, commondir: repo.commondir},
    stateRef: STATE_REF,
    tip: tip && {
      commit: tip.commit,
      committedAt: new Date(tip.time * 1000).toISOString(),
      ageSeconds: Math.max(0, Math.round(now().getTime() / 1000 - tip.time)),
      subject: tip.subject,
      agent: tip.trailers[`Maestro-Agent`] ?? null,
    },
    pendingHandoffs: [...handoffs].filter(([, h]) => (h.status ?? `pending`) === `pending`).map(([id, h]) => ({id: h.id ?? id, agent: h.agent ?? h.from ?? null, to: h.to ?? null, createdAt: h.createdAt ?? null})),
    lock: lock && {path: lockPath, pid: lock.pid, alive: lock.alive, ageSeconds: Math.round(lock.ageMs / 1000)},
    mirror: {commit: mirrorCommit, fresh: tip === null || mirrorCommit === tip.commit},
    handEdits: tip ? await workspace.mirror.handEditsSince(scan) : [],
    conflicts: [...conflicts].map(([id, c]) => ({id: c.id ?? id, path: c.path ?? null, field: c.field ?? null})),
  };
}
