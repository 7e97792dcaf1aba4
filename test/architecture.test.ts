import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

// STYLE.md section 1: the dependency direction, checked on every import line instead of by reviewers.
const root = join(fileURLToPath(import.meta.url), `..`, `..`);

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sources(path));
    else if (entry.name.endsWith(`.ts`)) files.push(path);
  }
  return files;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), `utf8`);
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*[`'"]([^`'"]+)[`'"]\s*\)/g)].map(m => m[1] ?? m[2]!);
}

function resolveFrom(file: string, specifier: string): string {
  return specifier.startsWith(`.`) ? relative(root, join(root, file, `..`, specifier)) : specifier;
}

describe(`the dependency direction`, () => {
  it(`keeps isomorphic-git inside lib/store`, () => {
    const offenders = [...sources(`lib`), ...sources(`commands`), ...sources(`tui`)]
      .filter(file => !file.startsWith(`lib/store/`) && imports(file).some(spec => spec === `isomorphic-git`));
    assert.deepEqual(offenders, []);
  });

  it(`keeps lib/domain free of side effects`, () => {
    const allowed = (spec: string) => spec === `zod/mini` || spec.startsWith(`.`) && !spec.includes(`/store/`);
    const offenders = sources(`lib/domain`).flatMap(file => imports(file).filter(spec => !allowed(spec)).map(spec => `${file}: ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it(`lets commands import only lib, tui, clipanion and each other, never fs or child_process`, () => {
    const offenders = sources(`commands`).flatMap(file => imports(file)
      .filter(spec => {
        if (spec === `clipanion`) return false;
        const target = resolveFrom(file, spec);
        return !(target.startsWith(`lib/`) || target.startsWith(`tui/`) || target.startsWith(`commands/`) || target === `package.json`);
      })
      .map(spec => `${file}: ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it(`lets tui read only the snapshot, never the store`, () => {
    const offenders = sources(`tui`).flatMap(file => imports(file).filter(spec => resolveFrom(file, spec).startsWith(`lib/store`)).map(spec => `${file}: ${spec}`));
    assert.deepEqual(offenders, []);
  });
});
