import type {GitFs} from './types.ts';

/**
 * A git config file as a map from `section.subsection.key` (section and key lower-cased, subsection
 * as written) to its last value. Enough for identity, extensions and gc thresholds; `include` is not
 * followed.
 */
export type GitConfig = Map<string, string>;

export function parseGitConfig(text: string): GitConfig {
  const config: GitConfig = new Map();
  let section = ``;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === `` || line.startsWith(`#`) || line.startsWith(`;`)) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      const [, name = ``, sub] = header;
      const dot = name.indexOf(`.`);
      section = dot === -1
        ? (sub === undefined ? name.toLowerCase() : `${name.toLowerCase()}.${sub.replace(/\\(.)/g, `$1`)}`)
        : `${name.slice(0, dot).toLowerCase()}.${name.slice(dot + 1)}`;
      continue;
    }
    const pair = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!pair || section === ``) continue;
    const [, key = ``, value] = pair;
    config.set(`${section}.${key.toLowerCase()}`, value === undefined ? `true` : unquote(value));
  }
  return config;
}

function unquote(value: string): string {
  let out = ``;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === `"`) { quoted = !quoted; continue; }
    if (ch === `\\` && i + 1 < value.length) {
      const next = value[++i]!;
      out += next === `n` ? `\n` : next === `t` ? `\t` : next;
      continue;
    }
    if (!quoted && (ch === `#` || ch === `;`)) break;
    out += ch;
  }
  return out.trim();
}

/** Reads and parses a config file; a missing file is an empty config. */
export function readGitConfig(fs: GitFs, path: string): GitConfig {
  try {
    return parseGitConfig(fs.readFileSync(path, `utf8`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === `ENOENT`) return new Map();
    throw error;
  }
}
