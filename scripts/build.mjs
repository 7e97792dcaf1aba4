#!/usr/bin/env node
// Builds the shipped CLI into dist/ with esbuild:
// - dist/maestro.mjs, a dispatcher with no imports that loads the bundle of the command the line names;
// - dist/cmd-<command>.mjs, one self-contained bundle per command (clipanion, the command, its lib);
// - dist/all.mjs, every command (help, version, typos);
// - dist/vendor/*.mjs, isomorphic-git, diff and yaml, loaded only by the code paths that use them.
// Why: with one bundle, every run compiled and registered all commands (about 8 ms of a 60 ms
// `node -e 0`); with esbuild's code splitting, the many small chunks cost as much again to load.
import {build} from 'esbuild';
import {chmodSync, cpSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(fileURLToPath(import.meta.url), `..`, `..`);
const dist = join(root, `dist`);
rmSync(dist, {recursive: true, force: true});

// The commands and their paths, read from commands/table.ts (the one list of them).
const table = readFileSync(join(root, `commands`, `table.ts`), `utf8`);
const commands = [...table.matchAll(/\{paths: (\[.*?\]\]), load: async \(\) => \(await import\('\.\/([^']+)'\)\)\.(\w+)\}/g)]
  .map(([, paths, file, name]) => ({paths: JSON.parse(paths.replace(/`/g, `"`)), file, name, bundle: `cmd-${file.replace(/\.ts$/, ``).replace(/\//g, `-`)}.mjs`}));
if (commands.length === 0) throw new Error(`no commands found in commands/table.ts`);

const VENDOR = {'isomorphic-git': `./vendor/isomorphic-git.mjs`, diff: `./vendor/diff.mjs`, yaml: `./vendor/yaml.mjs`, 'neo-blessed': `./vendor/neo-blessed.mjs`};
const vendorPlugin = {
  name: `vendor`,
  setup(pluginBuild) {
    pluginBuild.onResolve({filter: /^(isomorphic-git|diff|yaml|neo-blessed)$/}, args => ({path: VENDOR[args.path], external: true}));
  },
};
const entryPlugin = {
  name: `command-entries`,
  setup(pluginBuild) {
    // A command's bundle runs only that command: the table of all of them (and through its loaders,
    // every command's code) stays out of it.
    pluginBuild.onResolve({filter: /^\.\/table\.ts$/}, () => ({path: `table`, namespace: `maestro-empty-table`}));
    pluginBuild.onLoad({filter: /.*/, namespace: `maestro-empty-table`}, () => ({contents: `export const COMMAND_TABLE = [];`, loader: `js`}));
    pluginBuild.onResolve({filter: /^maestro-command:/}, args => ({path: args.path, namespace: `maestro-command`}));
    pluginBuild.onLoad({filter: /.*/, namespace: `maestro-command`}, args => {
      const command = commands.find(c => `maestro-command:${c.name}` === args.path);
      return {
        contents: `import {${command.name}} from './${command.file}';\nimport {runProcess} from './run.ts';\nrunProcess([${command.name}]);\n`,
        resolveDir: join(root, `commands`),
        loader: `ts`,
      };
    });
  },
};
const blessedWidgetsPlugin = {
  name: `neo-blessed-widgets`,
  setup(pluginBuild) {
    pluginBuild.onLoad({filter: /neo-blessed[\\/]lib[\\/]widget\.js$/}, args => {
      const source = readFileSync(args.path, `utf8`);
      const names = [...source.matchAll(/^\s+'(\w+)',?$/gm)].map(match => match[1].toLowerCase());
      const table = `{${names.map(name => `${JSON.stringify(name)}: () => require('./widgets/${name}')`).join(`, `)}}`;
      return {contents: source.replace(`require('./widgets/' + file)`, `${table}[file]()`), loader: `js`};
    });
  },
};
const common = {
  absWorkingDir: root,
  bundle: true,
  format: `esm`,
  platform: `node`,
  target: `node20`,
  // clipanion and yaml are CommonJS and require node builtins: give the ESM bundles a require.
  banner: {js: `#!/usr/bin/env node\nimport {createRequire as __maestroRequire} from 'node:module';\nconst require = __maestroRequire(import.meta.url);`},
  external: [`term.js`, `pty.js`],
  logLevel: `warning`,
  legalComments: `none`,
};

await Promise.all([
  build({...common, entryPoints: {all: `commands/bin.ts`}, outdir: `dist`, outExtension: {'.js': `.mjs`}, plugins: [vendorPlugin]}),
  build({...common, entryPoints: Object.fromEntries(commands.map(c => [c.bundle.replace(/\.mjs$/, ``), `maestro-command:${c.name}`])),
    outdir: `dist`, outExtension: {'.js': `.mjs`}, plugins: [vendorPlugin, entryPlugin]}),
  build({...common, entryPoints: {'isomorphic-git': `isomorphic-git`, diff: `diff`, yaml: `yaml`}, outdir: `dist/vendor`, outExtension: {'.js': `.mjs`}, banner: {js: common.banner.js.replace(`#!/usr/bin/env node\n`, ``)}}),
  // neo-blessed, for the interactive mission-control only (research/deps-probe.md §7): its widgets are
  // required by a computed name, so they are listed statically; it reads terminfo from
  // `__dirname/../usr/`, so the bundle gets a __dirname and dist/usr/ holds its terminfo files.
  build({...common, entryPoints: {'neo-blessed': `neo-blessed`}, outdir: `dist/vendor`, outExtension: {'.js': `.mjs`}, plugins: [blessedWidgetsPlugin], external: [...common.external, `blessed/lib/colors`],
    banner: {js: `${common.banner.js.replace(`#!/usr/bin/env node\n`, ``)}\nimport {fileURLToPath as __maestroPath} from 'node:url';\nconst __filename = __maestroPath(import.meta.url);\nconst __dirname = __maestroPath(new URL('.', import.meta.url));`}}),
  build({...common, entryPoints: {maestro: `commands/dispatch.ts`}, outdir: `dist`, outExtension: {'.js': `.mjs`}, banner: {js: `#!/usr/bin/env node`},
    define: {__MAESTRO_ROUTES__: JSON.stringify(commands.map(c => ({paths: c.paths, file: c.bundle}))), __MAESTRO_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, `package.json`), `utf8`)).version)}}),
]);
chmodSync(join(dist, `maestro.mjs`), 0o755);
// The terminfo neo-blessed falls back to (the system's ncurses-6 files are a format it cannot read); not its fonts.
cpSync(join(root, `node_modules`, `neo-blessed`, `usr`), join(dist, `usr`), {recursive: true, filter: source => !source.includes(`${join(`usr`, `fonts`)}`)});
