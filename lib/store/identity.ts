import * as path from 'node:path';
import {readGitConfig} from './gitConfig.ts';
import type {GitFs, Identity, Repository} from './types.ts';

/**
 * The git identity state commits are authored with, resolved as git does: GIT_AUTHOR_* in the
 * environment, then the repository's config, then the global config. An agent in a fresh container
 * often has none; rather than refuse every write we fall back to a recognisable placeholder, and
 * `maestro doctor` warns about it.
 */
export function resolveIdentity(fs: GitFs, repo: Repository, env: Record<string, string | undefined>): Identity & {configured: boolean} {
  const home = env.HOME ?? env.USERPROFILE;
  const configs = [
    readGitConfig(fs, path.join(repo.commondir, `config`)),
    ...(home ? [readGitConfig(fs, path.join(home, `.gitconfig`))] : []),
    readGitConfig(fs, path.join(env.XDG_CONFIG_HOME ?? (home ? path.join(home, `.config`) : `/nonexistent`), `git`, `config`)),
  ];
  const fromConfig = (key: string) => configs.map(config => config.get(key)).find(value => value !== undefined);
  const name = env.GIT_AUTHOR_NAME ?? fromConfig(`user.name`);
  const email = env.GIT_AUTHOR_EMAIL ?? fromConfig(`user.email`);
  return {name: name ?? `maestro`, email: email ?? `maestro@localhost`, configured: name !== undefined && email !== undefined};
}
