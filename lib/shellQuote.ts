/**
 * `arg` as it must be typed to a POSIX shell: a plain word (letters, digits and `@%+=:,./-`) as it is,
 * anything else (spaces, quotes, globs) single-quoted, a `'` inside written `'\''`.
 * @example shellQuote(`it's`) // 'it'\''s'
 */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
