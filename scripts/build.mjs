#!/usr/bin/env node
// One esbuild bundle for the shipped CLI: dist/maestro.mjs plus lazily loaded chunks, so a command
// loads only what it uses (isomorphic-git, diff and neo-blessed are dynamic imports).
import {build} from 'esbuild';
import {chmodSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(fileURLToPath(import.meta.url), `..`, `..`);
rmSync(join(root, `dist`), {recursive: true, force: true});
await build({
  absWorkingDir: root,
  entryPoints: {maestro: `commands/bin.ts`},
  outdir: `dist`,
  outExtension: {'.js': `.mjs`},
  bundle: true,
  splitting: true,
  format: `esm`,
  platform: `node`,
  target: `node20`,
  // clipanion and yaml are CommonJS and require node builtins: give the ESM bundle a require.
  banner: {js: `#!/usr/bin/env node\nimport {createRequire as __maestroRequire} from 'node:module';\nconst require = __maestroRequire(import.meta.url);`},
  external: [`term.js`, `pty.js`],
  logLevel: `warning`,
  legalComments: `none`,
});
chmodSync(join(root, `dist`, `maestro.mjs`), 0o755);
