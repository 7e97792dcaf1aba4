import type * as nodeFs from 'node:fs';

/**
 * The file system the store runs on: node:fs in production, a memfs volume in unit tests.
 * Only the synchronous calls and `promises` (for isomorphic-git) are used.
 */
export type GitFs = typeof nodeFs;

/** Where a repository lives. `commondir` holds refs and objects shared by every worktree. */
export interface Repository {
  /** The working tree's top directory, where `.maestro/` is materialized. */
  worktree: string;
  /** This worktree's git directory (`.git`, or `.git/worktrees/<name>` in a linked worktree). */
  gitdir: string;
  /** The common git directory: refs, objects, config and our cache live here. */
  commondir: string;
}

/** The dependencies of the store, injected so that tests can fix fs, clock and ids. */
export interface StoreDeps {
  fs: GitFs;
  repo: Repository;
  /** One isomorphic-git cache object per process: packed reads are 35x faster with it. */
  cache: object;
  now: () => Date;
  /** Environment for identity (GIT_AUTHOR_*, HOME); never process.env inside lib/. */
  env: Record<string, string | undefined>;
}

/** A commit on the state ref and the tree it holds. */
export interface StateTip {
  commit: string;
  tree: string;
}

/** One entity file to write (`content` as text) or delete (`content` null). */
export interface Change {
  path: string;
  content: string | null;
}

/** What a state commit records besides the tree: the command as typed, who ran it. */
export interface CommitMeta {
  message: string;
  agent: string;
  session: string;
  /** Extra trailers, e.g. `Maestro-Warning`; a function is called after the transaction body ran. */
  trailers?: Trailers | (() => Trailers);
}

export type Trailers = Array<[string, string]>;

export interface Identity {
  name: string;
  email: string;
}

export const STATE_REF = `refs/maestro/main`;
