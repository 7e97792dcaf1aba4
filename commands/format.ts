/** Human formatting shared by command files. */

export {formatAge} from '../lib/formatAge.ts';

/** One line of at most `width` characters: long commands as typed (a JSON argument) end in `…`. */
export function clip(text: string, width = 100): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
