import * as z from 'zod/mini';
import {InputError, NotFoundError} from '../errors.ts';
import type {StoreDeps} from '../store/types.ts';
import {runGit} from './nativeGit.ts';

type GitDeps = Pick<StoreDeps, `repo` | `env`>;

/** Where a remote's state lands locally: a tracking namespace, never `refs/maestro/*` itself. */
export const trackingStateRef = (remote: string): string => `refs/remotes/${remote}/maestro/main`;
export const trackingNotesRef = (remote: string): string => `refs/notes/remotes/${remote}/maestro`;

/**
 * The fetch refspecs that make a plain `git fetch <remote>` bring the state, the checkpoint tags and
 * the notes. Forced only into the tracking namespace (a remote may be rewound, our own ref never is);
 * tags are not forced (checkpoint ids never collide, so a clash is a real problem to see). The notes
 * refspec is a glob on purpose: a configured refspec naming one ref the remote does not have yet makes
 * every plain `git fetch` fail, a glob that matches nothing does not.
 */
export function maestroFetchRefspecs(remote: string): string[] {
  return [
    `+refs/maestro/*:refs/remotes/${remote}/maestro/*`,
    `refs/tags/maestro/*:refs/tags/maestro/*`,
    `+refs/notes/maestro*:refs/notes/remotes/${remote}/maestro*`,
  ];
}

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function listRemotes(deps: GitDeps): string[] {
  return runGit(deps, [`remote`]).stdout.split(`\n`).map(line => line.trim()).filter(Boolean);
}

/**
 * The remote to use: the one named, else `origin`, else the only one.
 * @throws InputError when none is named and that does not decide; NotFoundError for an unknown name
 */
export function chooseRemote(deps: GitDeps, named: string | undefined): string {
  const remotes = listRemotes(deps);
  if (named !== undefined) {
    if (!REMOTE_NAME.test(named)) throw new InputError(`"${named}" is not a remote name`, {hint: `see the remotes with \`git remote -v\``});
    if (!remotes.includes(named)) throw new NotFoundError(`no remote named ${named}`, {hint: remotes.length ? `remotes here: ${remotes.join(`, `)}` : `add one with \`git remote add ${named} <url>\``});
    return named;
  }
  if (remotes.includes(`origin`)) return `origin`;
  if (remotes.length === 1) return remotes[0]!;
  if (remotes.length === 0) throw new InputError(`this repository has no git remote to sync with`, {hint: `add one with \`git remote add origin <url>\``});
  throw new InputError(`several remotes and none is origin: ${remotes.join(`, `)}`, {hint: `name one: \`maestro sync ${remotes[0]}\``});
}

export const RemoteSetupStatus = z.object({remote: z.string(), url: z.string(), present: z.array(z.string()), missing: z.array(z.string())});
export type RemoteSetupStatus = z.infer<typeof RemoteSetupStatus>;
export const RemoteSetupView = z.object({...RemoteSetupStatus.shape, added: z.array(z.string())});
export type RemoteSetupView = z.infer<typeof RemoteSetupView>;

/** The setup of every remote, from one `git config --get-regexp` (doctor checks them all). */
export function remoteSetupStatuses(deps: GitDeps): RemoteSetupStatus[] {
  const output = runGit(deps, [`config`, `-z`, `--get-regexp`, `^remote\\.`], {allowFailure: true}).stdout;
  const remotes = new Map<string, {url: string; fetch: string[]}>();
  for (const record of output.split(`\0`)) {
    const newline = record.indexOf(`\n`);
    const key = newline === -1 ? record : record.slice(0, newline);
    const value = newline === -1 ? `` : record.slice(newline + 1);
    const match = /^remote\.(.+)\.(url|fetch)$/i.exec(key);
    if (!match) continue;
    const [, name = ``, variable = ``] = match;
    const remote = remotes.get(name) ?? {url: ``, fetch: []};
    if (variable.toLowerCase() === `url`) remote.url = value;
    else remote.fetch.push(value.trim());
    remotes.set(name, remote);
  }
  return [...remotes].filter(([, remote]) => remote.url !== ``).map(([name, remote]) => {
    const wanted = maestroFetchRefspecs(name);
    return {remote: name, url: remote.url, present: wanted.filter(spec => remote.fetch.includes(spec)), missing: wanted.filter(spec => !remote.fetch.includes(spec))};
  });
}

export function remoteSetupStatus(deps: GitDeps, remote: string): RemoteSetupStatus {
  const wanted = maestroFetchRefspecs(remote);
  return remoteSetupStatuses(deps).find(status => status.remote === remote) ?? {remote, url: ``, present: [], missing: wanted};
}

/**
 * Adds the maestro fetch refspecs to `remote.<remote>.fetch` (only those missing, so it is
 * idempotent). It never sets `remote.<remote>.push`: that would change what a bare `git push` does.
 */
export function setupRemote(deps: GitDeps, named: string | undefined): RemoteSetupView {
  const remote = chooseRemote(deps, named);
  const before = remoteSetupStatus(deps, remote);
  for (const spec of before.missing) runGit(deps, [`config`, `--add`, `remote.${remote}.fetch`, spec]);
  return {...before, present: maestroFetchRefspecs(remote), missing: [], added: before.missing};
}
