/**
 * `text` for one line of human output: each run of control characters (newlines, tabs, escapes)
 * becomes one space, so text from the state cannot break a line or send a terminal escape.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ` `);
}
