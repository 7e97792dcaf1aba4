#!/usr/bin/env node
// Builds the shipped CLI into dist/ with esbuild:
// - dist/maestro.cjs, a dispatcher that loads the bundle of the command the line names;
// - dist/cmd-<command>.cjs, one self-contained bundle per command (clipanion, the command, its lib);
// - dist/all.cjs, every command (help, version, typos);
// - dist/vendor/*.cjs, isomorphic-git, diff, yaml and neo-blessed, loaded only by the code paths that use them.
// Why: with one bundle, every run compiled and registered all commands (about 8 ms of a 60 ms
// `node -e 0`); with esbuild's code splitting, the many small chunks cost as much again to load.
// CommonJS, not ES modules: the dispatcher runs a command's bundle through V8's code cache
// (lib/loadBundle.ts), which Node 20 offers for scripts only; that saves about 10 ms a run.
// - dist/ctime-scan.node, the native hand-edit scanner of status (lib/store/native/ctimeScan.c), when
//   this machine has a C compiler; without one, status asks `find` instead (lib/store/mirrorScan.ts).
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {chmodSync, cpSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(fileURLToPath(import.meta.url), `..`, `..`);
const dist = join(root, `dist`);
rmSync(dist, {recursive: true, force: true});

// The commands and their paths, read from commands/table.ts (the one list of them).
const table = readFileSync(join(root, `commands`, `table.ts`), `utf8`);
const commands = [...table.matchAll(/\{paths: (\[.*?\]\]), load: async \(\) => \(await import\('\.\/([^']+)'\)\)\.(\w+)\}/g)]
  .map(([, paths, file, name]) => ({paths: JSON.parse(paths.replace(/`/g, `"`)), file, name, bundle: `cmd-${file.replace(/\.ts$/, ``).replace(/\//g, `-`)}.cjs`}));
if (commands.length === 0) throw new Error(`no commands found in commands/table.ts`);

const VENDOR = {'isomorphic-git': `./vendor/isomorphic-git.cjs`, diff: `./vendor/diff.cjs`, yaml: `./vendor/yaml.cjs`, 'neo-blessed': `./vendor/neo-blessed.cjs`};
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
// clipanion 3.2.1 reads process.stdin and loads tty when its module loads (Cli.defaultContext), and
// spreads that default under every context. Creating the stdin stream and loading tty, net and the
// streams cost each run about 3 ms, and maestro always passes a whole context of its own
// (commands/run.ts, whose stdin is created only when read). So: the defaults become lazy getters,
// a context that has every default key is used as it is, and tty is required when first used.
// The build fails if clipanion's text changes, so an upgrade cannot silently drop this.
const CLIPANION_PATCHES = {
  'Cli.js': [
    [`Cli.defaultContext = {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    colorDepth: platform.getDefaultColorDepth(),
};`, `Cli.defaultContext = Object.defineProperties({}, {
    env: {enumerable: true, get: () => process.env},
    stdin: {enumerable: true, get: () => process.stdin},
    stdout: {enumerable: true, get: () => process.stdout},
    stderr: {enumerable: true, get: () => process.stderr},
    colorDepth: {enumerable: true, get: () => platform.getDefaultColorDepth()},
});
function withDefaultContext(userContext) {
    return userContext && [\`env\`, \`stdin\`, \`stdout\`, \`stderr\`, \`colorDepth\`].every(key => key in userContext) ? userContext : {...Cli.defaultContext, ...userContext};
}`],
    [`        const context = {
            ...Cli.defaultContext,
            ...userContext,
        };
        switch`, `        const context = withDefaultContext(userContext);
        switch`],
    [`        const context = {
            ...Cli.defaultContext,
            ...userContext,
        };
        const colored`, `        const context = withDefaultContext(userContext);
        const colored`],
  ],
  'node.js': [[`var tty = require('tty');`, `var tty = {get WriteStream() { return require('tty').WriteStream; }};`]],
};
const clipanionPlugin = {
  name: `clipanion-lazy-stdio`,
  setup(pluginBuild) {
    pluginBuild.onLoad({filter: /clipanion[\\/]lib[\\/](advanced[\\/]Cli|platform[\\/]node)\.js$/}, args => {
      let source = readFileSync(args.path, `utf8`);
      for (const [from, to] of CLIPANION_PATCHES[args.path.split(/[\\/]/).pop()]) {
        if (!source.includes(from)) throw new Error(`${args.path} no longer contains the text scripts/build.mjs patches: ${from.split(`\n`)[0]}`);
        source = source.replace(from, to);
      }
      return {contents: source, loader: `js`};
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
  format: `cjs`,
  platform: `node`,
  target: `node20`,
  // `import()` of a vendor bundle becomes a require: the command bundles run as vm scripts, which
  // have no loader for dynamic imports.
  supported: {'dynamic-import': false},
  // The sources are ES modules that find their own file with import.meta.url.
  define: {'import.meta.url': `__maestroMetaUrl`},
  banner: {js: `var __maestroMetaUrl = require('node:url').pathToFileURL(__filename).href;`},
  external: [`term.js`, `pty.js`],
  logLevel: `warning`,
  legalComments: `none`,
};

await Promise.all([
  build({...common, entryPoints: {all: `commands/bin.ts`}, outdir: `dist`, outExtension: {'.js': `.cjs`}, plugins: [vendorPlugin, clipanionPlugin]}),
  build({...common, entryPoints: Object.fromEntries(commands.map(c => [c.bundle.replace(/\.cjs$/, ``), `maestro-command:${c.name}`])),
    outdir: `dist`, outExtension: {'.js': `.cjs`}, plugins: [vendorPlugin, entryPlugin, clipanionPlugin]}),
  build({...common, entryPoints: {'isomorphic-git': `isomorphic-git`, diff: `diff`, yaml: `yaml`}, outdir: `dist/vendor`, outExtension: {'.js': `.cjs`}}),
  // neo-blessed, for the interactive mission-control only (research/deps-probe.md §7): its widgets are
  // required by a computed name, so they are listed statically; it reads terminfo from
  // `__dirname/../usr/`, so dist/usr/ holds its terminfo files.
  build({...common, entryPoints: {'neo-blessed': `neo-blessed`}, outdir: `dist/vendor`, outExtension: {'.js': `.cjs`}, plugins: [blessedWidgetsPlugin], external: [...common.external, `blessed/lib/colors`]}),
  build({...common, entryPoints: {maestro: `commands/dispatch.ts`}, outdir: `dist`, outExtension: {'.js': `.cjs`}, banner: {js: `#!/usr/bin/env node\n${common.banner.js}`},
    define: {...common.define, __MAESTRO_ROUTES__: JSON.stringify(commands.map(c => ({paths: c.paths, file: c.bundle}))), __MAESTRO_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, `package.json`), `utf8`)).version)}}),
]);
chmodSync(join(dist, `maestro.cjs`), 0o755);
// The terminfo neo-blessed falls back to (the system's ncurses-6 files are a format it cannot read); not its fonts.
cpSync(join(root, `node_modules`, `neo-blessed`, `usr`), join(dist, `usr`), {recursive: true, filter: source => !source.includes(`${join(`usr`, `fonts`)}`)});
buildNativeScanner();

/**
 * Compiles lib/store/native/ctimeScan.c into dist/ctime-scan.node with `$CC` or `cc`. Optional by
 * design: the source needs no node headers, but a machine without a C compiler (or Windows, where
 * status has no quick scan) still gets a working maestro, so a failure is one line, not an error.
 */
function buildNativeScanner() {
  if (process.platform === `win32`) return;
  const compiler = process.env.CC || `cc`;
  const args = [`-O2`, `-Wall`, `-shared`, `-fPIC`, `-pthread`, ...(process.platform === `darwin` ? [`-undefined`, `dynamic_lookup`] : []),
    `-o`, join(dist, `ctime-scan.node`), join(root, `lib`, `store`, `native`, `ctimeScan.c`)];
  const result = spawnSync(compiler, args, {encoding: `utf8`, timeout: 60_000});
  if (result.status === 0) return;
  const reason = result.error ? result.error.message : (result.stderr || ``).trim().split(`\n`)[0] || `exit ${result.status}`;
  process.stderr.write(`build: the native mirror scanner was not built (${compiler}: ${reason}); status will use find instead\n`);
}
