import {os} from './lazyBuiltins.ts';

/**
 * The user's home directory as a command sees it: `$HOME` from the command's environment (so a
 * test's temporary HOME is honoured), then `$USERPROFILE` (Windows), then the account's home.
 */
export function resolveHome(env: Record<string, string | undefined>): string {
  return env.HOME || env.USERPROFILE || os().homedir();
}
