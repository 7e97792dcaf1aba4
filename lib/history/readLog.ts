import * as z from 'zod/mini';
import {InputError} from '../errors.ts';
import {describeCommit} from '../store/stateReader.ts';
import {diffTrees} from '../store/treeDiff.ts';
import type {Workspace} from '../workspace.ts';

export const LogEntry = z.object({
  commit: z.string(),
  parents: z.array(z.string()),
  committedAt: z.string(),
  author: z.string(),
  agent: z.nullable(z.string()),
  session: z.nullable(z.string()),
  command: z.string(),
  paths: z.array(z.string()),
});
export type LogEntry = z.infer<typeof LogEntry>;
export const LogView = z.object({entries: z.array(LogEntry)});
export type LogView = z.infer<typeof LogView>;

export interface LogRequest {
  limit?: number;
  /** Only commits that changed this path or something under it. */
  path?: string;
}

/**
 * The state history from git, newest first (by commit time, parents after children), with the
 * agent and command of each commit and the state files it changed. The only command that walks
 * history.
 */
export async function readLog(workspace: Workspace, request: LogRequest): Promise<LogView> {
  if (request.limit !== undefined && !(Number.isInteger(request.limit) && request.limit > 0))
    throw new InputError(`-n ${request.limit} is not a positive whole number`, {hint: `use e.g. -n 20`});
  const reader = workspace.store.reader;
  const prefix = request.path?.replace(/^\.maestro\//, ``).replace(/\/+$/, ``);
  const tip = await workspace.requireTip();
  const entries: LogEntry[] = [];
  const seen = new Set<string>([tip.commit]);
  const queue: Array<{oid: string; time: number}> = [{oid: tip.commit, time: tip.time}];
  while (queue.length > 0 && (request.limit === undefined || entries.length < request.limit)) {
    queue.sort((a, b) => b.time - a.time);
    const {oid} = queue.shift()!;
    const commit = await reader.commit(oid);
    const info = describeCommit(oid, commit);
    const parentTree = commit.parents[0] ? (await reader.commit(commit.parents[0])).tree : null;
    const paths = (await diffTrees(reader, parentTree, commit.tree)).map(change => change.path);
    const touches = prefix === undefined || paths.some(p => p === prefix || p.startsWith(`${prefix}/`));
    if (touches) {
      entries.push({
        commit: oid,
        parents: commit.parents,
        committedAt: new Date(info.time * 1000).toISOString(),
        author: `${commit.author.name} <${commit.author.email}>`,
        agent: info.trailers[`Maestro-Agent`] ?? null,
        session: info.trailers[`Maestro-Session`] ?? null,
        command: info.subject,
        paths,
      });
    }
    for (const parent of commit.parents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      queue.push({oid: parent, time: (await reader.commit(parent)).committer.timestamp});
    }
  }
  return {entries};
}
