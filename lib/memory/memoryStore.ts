import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {canonicalJson} from '../canonicalJson.ts';
import {newDatedId} from '../domain/ids.ts';
import {CompiledMemory, Correction, Learning, newestFirst, RatchetBaseline, RatchetSuite} from '../domain/memory.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';

/** Where memory lives on the state ref: one entity per file (DESIGN.md). */
export const CORRECTIONS_DIR = `memory/corrections`;
export const LEARNINGS_DIR = `memory/learnings`;
export const COMPILED_JSON_PATH = `memory/compiled.json`;
export const COMPILED_MD_PATH = `memory/compiled.md`;
export const RATCHET_SUITE_PATH = `memory/ratchet/suite.json`;
export const RATCHET_BASELINE_PATH = `memory/ratchet/baseline.json`;

export const correctionChange = (c: Correction): Change => ({path: `${CORRECTIONS_DIR}/${c.id}.json`, content: canonicalJson(c)});
export const learningChange = (l: Learning): Change => ({path: `${LEARNINGS_DIR}/${l.id}.json`, content: canonicalJson(l)});

/** Every correction, newest first. */
export async function readCorrections(snapshot: StateSnapshot): Promise<Correction[]> {
  return [...(await snapshot.readAll(CORRECTIONS_DIR, Correction)).values()].sort(newestFirst);
}

/** Every learning, newest first. */
export async function readLearnings(snapshot: StateSnapshot): Promise<Learning[]> {
  return [...(await snapshot.readAll(LEARNINGS_DIR, Learning)).values()].sort(newestFirst);
}

export async function readCompiled(snapshot: StateSnapshot): Promise<CompiledMemory | null> {
  return snapshot.read(COMPILED_JSON_PATH, CompiledMemory);
}

export async function readSuite(snapshot: StateSnapshot): Promise<RatchetSuite> {
  return (await snapshot.read(RATCHET_SUITE_PATH, RatchetSuite)) ?? {assertions: []};
}

export async function readBaseline(snapshot: StateSnapshot): Promise<RatchetBaseline | null> {
  return snapshot.read(RATCHET_BASELINE_PATH, RatchetBaseline);
}

const SKIPPED = new Set([`node_modules`, `dist`]);

/** The files of a worktree, relative with `/`, skipping dot entries, node_modules and dist (reference §5). */
export function worktreeFiles(root: string, limit = 20_000): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { return; }
    for (const name of names) {
      if (out.length >= limit) return;
      if (name.startsWith(`.`) || SKIPPED.has(name)) continue;
      const full = path.join(dir, name);
      let isDir = false;
      try { isDir = statSync(full).isDirectory(); } catch { continue; }
      if (isDir) walk(full, `${rel}${name}/`);
      else out.push(`${rel}${name}`);
    }
  };
  walk(root, ``);
  return out;
}

export function readWorktreeFile(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), `utf8`);
}

/** The checked-out branch read from HEAD, or undefined (detached, or unreadable). */
export function currentBranch(gitdir: string): string | undefined {
  try {
    const head = readFileSync(path.join(gitdir, `HEAD`), `utf8`).trim();
    return head.startsWith(`ref: refs/heads/`) ? head.slice(`ref: refs/heads/`.length) : undefined;
  } catch {
    return undefined;
  }
}

/** A new dated id not among `taken` (file names of the entity's directory). */
export const freshEntryId = async (taken: Set<string>, now: Date): Promise<string> => {
  let id = newDatedId(now, Math.random);
  while (taken.has(`${id}.json`)) id = newDatedId(now, Math.random);
  return id;
};
