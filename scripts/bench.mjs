#!/usr/bin/env node
// Cold-start benchmark of the shipped bundle (DESIGN.md, "Performance").
//
// Builds two state repositories with native git in bulk (git fast-import, then git gc, then
// `maestro init` to build the mirror): small = 20 features / 20 commits, large = 2,000 features /
// 10,000 commits. Then times fresh processes, round-robin so machine noise hits every variant alike:
//   node -e 0 (the floor), maestro --version, maestro status (and, for information, the large one with
//   `find` listing hand edits instead of the native scanner), one `maestro state put` of a feature,
//   and the same write done with native git plumbing (hash-object, ls-tree, mktree, commit-tree,
//   update-ref). Prints medians, ratios to the floor and to the native write, peak memory, and
//   PASS/FAIL against the targets. A report, not a test: exits 0 whatever the figures.
//
// Missions (the issue "Missions, milestones, features…"): the README's two-feature mission is created
// in the small repository, and a 2,000-feature mission (scripts/fixtures/bigPlan.mjs: 50 milestones ×
// 40 chained features) in a third repository built like the small one, so that the mission's size is
// the only difference; both with `mission create --file` then `mission approve` (the big create is
// timed once, for information). Measured at both sizes: `feature list` and `mission show` (stdout
// discarded, as `> /dev/null`) and `feature update --status`, which moves one feature round the
// cycle in-progress → review → pending (a retry) → in-progress…, so that every run commits.
// Targets: feature list and feature update at 2,000 features within 1.1x of the two-feature mission.
//
// Usage: node scripts/bench.mjs [--runs N] [--json] [--keep]
//   --runs N  measured rounds (default 15); one warm-up round comes first
//   --json    print the figures as one JSON document instead of the table
//   --keep    keep the temporary repositories (their path is printed on stderr)
import {spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import {bigPlan} from './fixtures/bigPlan.mjs';
import {README_PLAN_TEXT} from './fixtures/readmePlan.mjs';

const root = path.join(fileURLToPath(import.meta.url), `..`, `..`);
const DIST = path.join(root, `dist`);
// The bundle is copied into the temporary directory first (see snapshotBundle) and run from there.
let BIN = path.join(DIST, `maestro.cjs`);
const STATE_REF = `refs/maestro/main`;
const FEATURES_DIR = `missions/m1/features`;
const TARGET_PATH = `${FEATURES_DIR}/f0007.json`;
const SIZES = [
  {name: `small`, entities: 20, commits: 20},
  {name: `large`, entities: 2000, commits: 10_000},
];
const TARGETS = {statusVsFloor: 1.5, writeVsFloor: 2, largeVsSmall: 1.1, peakMemoryMb: 100};


/**
 * The two missions compared. `repo` names the repository (a SIZES entry, or one built like `small`
 * for the mission alone); `feature` is the one `feature update` cycles: at both sizes a feature with
 * one dependency that is not done, so that every start takes the same path (it reads the dependency
 * and warns).
 */
const MISSIONS = [
  {name: `small`, repo: `small`, plan: () => README_PLAN_TEXT, feature: `auth-impl`},
  {name: `large`, repo: `mission-large`, buildLike: `small`, plan: () => `${JSON.stringify(bigPlan(), null, 2)}\n`, feature: `ms-25-f-20`},
];
// Each `feature update` run moves the feature to the next status: pending → in-progress (the warm-up
// round's first run; it also auto-starts the approved mission) → review → pending (retry) → …
const UPDATE_CYCLE = [`in-progress`, `review`, `pending`];

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = {runs: 15, json: false, keep: false};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--json`) options.json = true;
    else if (arg === `--keep`) options.keep = true;
    else if (arg === `--runs` || arg.startsWith(`--runs=`)) {
      const value = arg === `--runs` ? argv[++i] : arg.slice(`--runs=`.length);
      const runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) usage(`--runs wants a positive integer, not ${value}`);
      options.runs = runs;
    } else if (arg === `--help` || arg === `-h`) usage(null);
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

function usage(error) {
  if (error) process.stderr.write(`bench: ${error}\n`);
  process.stderr.write(`usage: node scripts/bench.mjs [--runs N] [--json] [--keep]\n`);
  process.exit(error ? 2 : 0);
}

const options = parseArgs(process.argv.slice(2));
const log = message => process.stderr.write(`bench: ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Environment: a fixed identity, no background gc, no colours, no user or system git config that
// could change what native git does (hooks, gc.auto, signing).

const BENCH_HOME = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-bench-`));
const ENV = {
  ...process.env,
  HOME: path.join(BENCH_HOME, `home`),
  XDG_CONFIG_HOME: path.join(BENCH_HOME, `home`, `.config`),
  // Where the dispatcher keeps V8's compiled code of each bundle (lib/loadBundle.ts): the warm-up round fills it.
  XDG_CACHE_HOME: path.join(BENCH_HOME, `home`, `.cache`),
  GIT_CONFIG_NOSYSTEM: `1`,
  GIT_AUTHOR_NAME: `Bench Agent`,
  GIT_AUTHOR_EMAIL: `bench@example.com`,
  GIT_COMMITTER_NAME: `Bench Agent`,
  GIT_COMMITTER_EMAIL: `bench@example.com`,
  MAESTRO_AGENT: `bench`,
  MAESTRO_NO_GC: `1`,
  NO_COLOR: `1`,
  LC_ALL: `C`,
};
fs.mkdirSync(ENV.HOME, {recursive: true});

let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (options.keep) log(`kept the repositories in ${BENCH_HOME}`);
  else fs.rmSync(BENCH_HOME, {recursive: true, force: true});
}
process.on(`exit`, cleanup);
for (const signal of [`SIGINT`, `SIGTERM`]) process.on(signal, () => { cleanup(); process.exit(130); });

// ---------------------------------------------------------------------------------------------
// The bundle under test

/**
 * Copies dist/maestro.cjs and the chunks it imports into the temporary directory and returns the
 * copy's entry point. Other builds (`npm test` rebuilds dist/) may replace dist/ while the bench
 * runs, and a chunk vanishing mid-run would fail a command; the copy stays put. A copy caught in
 * the middle of a rebuild misses a chunk and is retried.
 */
function snapshotBundle() {
  const target = path.join(BENCH_HOME, `dist`);
  for (let attempt = 1; ; attempt++) {
    try {
      fs.rmSync(target, {recursive: true, force: true});
      fs.cpSync(DIST, target, {recursive: true});
      return {bin: path.join(target, `maestro.cjs`), files: fs.readdirSync(target)};
    } catch (error) {
      if (attempt >= 20) throw new Error(`cannot copy the bundle from ${DIST} (${error.message}): run \`node scripts/build.mjs\``);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a command to completion; throws with its stderr when it fails. */
function run(command, args, {cwd, input, allowFail = false, discardStdout = false, env = {}} = {}) {
  const result = spawnSync(command, args, {cwd, env: {...ENV, ...env}, input, encoding: `utf8`, maxBuffer: 256 * 1024 * 1024, stdio: [input === undefined ? `ignore` : `pipe`, discardStdout ? `ignore` : `pipe`, `pipe`]});
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFail) {
    throw new Error(`${path.basename(command)} ${args.join(` `).slice(0, 200)} exited ${result.status ?? result.signal}\n${(result.stderr || result.stdout || ``).trim()}`);
  }
  return result;
}

const git = (cwd, args, input) => run(`git`, args, {cwd, input}).stdout;

/** Wall time of `fn` in milliseconds. */
function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// The state: canonical JSON entities of about 400 bytes, as maestro writes them

function canonicalJson(value) {
  const sort = v => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === `object`) return Object.fromEntries(Object.keys(v).sort().map(key => [key, sort(v[key])]));
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

const featureId = i => `f${String(i).padStart(4, `0`)}`;
const STATUSES = [`pending`, `in-progress`, `review`, `done`];

function feature(i, revision) {
  const at = new Date(Date.UTC(2025, 0, 1) + revision * 60_000).toISOString();
  return canonicalJson({
    id: featureId(i),
    mission: `m1`,
    title: `Feature ${i}: make the widget pipeline handle case ${i % 97}`,
    description: `Bench entity ${i}: handle the listed edge cases, keep the API stable.`,
    status: STATUSES[revision % STATUSES.length],
    owner: revision % 3 === 0 ? null : `agent-${revision % 7}`,
    dependsOn: i > 1 ? [featureId(i - 2), featureId(i - 1)] : [],
    acceptance: [`tests pass`, `docs updated`],
    revision,
    createdAt: `2025-01-01T00:00:00.000Z`,
    updatedAt: at,
  });
}

// ---------------------------------------------------------------------------------------------
// Building a repository in bulk: one fast-import stream, one gc, then `maestro init`

function commitHeader(stream, time, subject) {
  const message = `${subject}\n\nMaestro-Agent: bench\nMaestro-Session: bench-setup\n`;
  stream.push(`commit ${STATE_REF}\ncommitter Bench Agent <bench@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}`);
}

function inlineFile(stream, file, content) {
  stream.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
}

function buildRepository(dir, {entities, commits}) {
  fs.mkdirSync(dir, {recursive: true});
  git(dir, [`init`, `--quiet`]);
  const stream = [];
  const start = 1_735_689_600; // 2025-01-01
  commitHeader(stream, start, `init`);
  inlineFile(stream, `maestro.json`, `{\n  "format": 1\n}\n`);
  for (let i = 0; i < entities; i++) inlineFile(stream, `${FEATURES_DIR}/${featureId(i)}.json`, feature(i, 0));
  const revisions = new Array(entities).fill(0);
  for (let c = 1; c < commits; c++) {
    const i = c % entities;
    revisions[i]++;
    commitHeader(stream, start + c * 60, `state put ${FEATURES_DIR}/${featureId(i)}.json`);
    inlineFile(stream, `${FEATURES_DIR}/${featureId(i)}.json`, feature(i, revisions[i]));
  }
  stream.push(`done\n`);
  const steps = {};
  steps.fastImportMs = timed(() => git(dir, [`fast-import`, `--quiet`, `--done`], stream.join(``)));
  steps.gcMs = timed(() => git(dir, [`gc`, `--quiet`]));
  // The ref exists, so init must create no state commit (it still adds config.yaml and the exclude line).
  let init;
  steps.initMs = timed(() => { init = run(process.execPath, [BIN, `init`, `--json`], {cwd: dir}); });
  let view = null;
  try { view = JSON.parse(init.stdout); } catch { /* reported below */ }
  if (!view || !view.skipped?.includes(STATE_REF) || view.created?.includes(STATE_REF))
    throw new Error(`maestro init in ${dir} did not find the state already initialised (${STATE_REF} should be skipped):\n${init.stdout}${init.stderr}`);
  const count = Number(git(dir, [`rev-list`, `--count`, STATE_REF]).trim());
  const files = git(dir, [`ls-tree`, `--name-only`, `${STATE_REF}:${FEATURES_DIR}`]).split(`\n`).filter(Boolean).length;
  if (count !== commits || files !== entities) throw new Error(`${dir}: expected ${commits} commits and ${entities} features, found ${count} and ${files}`);
  const mirrored = fs.readdirSync(path.join(dir, `.maestro`, ...FEATURES_DIR.split(`/`))).length;
  if (mirrored !== entities) throw new Error(`${dir}: the mirror holds ${mirrored} features, expected ${entities}`);
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Sync: two histories that diverged by 1,000 commits each, merged by `maestro sync`

const MERGE = {entities: 2_000, commitsPerSide: 1_000, overlap: 50, targetMs: 2_000};

/**
 * One fast-import stream: a base commit with 2,000 features, then side A (1,000 commits on features
 * 0..999) on refs/maestro/main and side B (1,000 commits on features 1000..1999, and 50 of A's
 * features changed differently: true conflicts) on refs/maestro/side-b. B is pushed to a bare remote
 * as its refs/maestro/main; `maestro sync` in A then fetches it, merges and pushes the merge.
 */
function buildDivergedRepositories() {
  const dir = path.join(BENCH_HOME, `merge-a`);
  const remote = path.join(BENCH_HOME, `merge-remote.git`);
  fs.mkdirSync(dir, {recursive: true});
  git(dir, [`init`, `--quiet`]);
  git(BENCH_HOME, [`init`, `--quiet`, `--bare`, remote]);
  const stream = [];
  const start = 1_735_689_600;
  const header = (ref, mark, time, subject, from) => {
    const message = `${subject}\n\nMaestro-Agent: bench-${ref.endsWith(`side-b`) ? `b` : `a`}\nMaestro-Session: bench-merge\n`;
    stream.push(`commit ${ref}\nmark :${mark}\ncommitter Bench Agent <bench@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}${from ? `from :${from}\n` : ``}`);
  };
  header(STATE_REF, 1, start, `init`);
  inlineFile(stream, `maestro.json`, `{\n  "format": 1\n}\n`);
  for (let i = 0; i < MERGE.entities; i++) inlineFile(stream, `${FEATURES_DIR}/${featureId(i)}.json`, feature(i, 0));
  let mark = 1;
  for (let c = 1; c <= MERGE.commitsPerSide; c++) {
    const i = (c - 1) % 1_000;
    header(STATE_REF, ++mark, start + c * 60, `state put ${featureId(i)} on a`, c === 1 ? 1 : mark - 1);
    inlineFile(stream, `${FEATURES_DIR}/${featureId(i)}.json`, feature(i, c));
  }
  let previous = 1;
  for (let c = 1; c <= MERGE.commitsPerSide; c++) {
    const i = c <= MERGE.overlap ? c - 1 : 1_000 + ((c - 1) % 1_000);
    header(`refs/maestro/side-b`, ++mark, start + c * 60 + 30, `state put ${featureId(i)} on b`, previous);
    previous = mark;
    inlineFile(stream, `${FEATURES_DIR}/${featureId(i)}.json`, feature(i, c + 7));
  }
  stream.push(`done\n`);
  git(dir, [`fast-import`, `--quiet`, `--done`], stream.join(``));
  git(dir, [`gc`, `--quiet`]);
  git(dir, [`push`, `--quiet`, remote, `refs/maestro/side-b:refs/maestro/main`]);
  git(dir, [`remote`, `add`, `origin`, remote]);
  const tips = {a: readRef(dir, STATE_REF), b: readRef(dir, `refs/maestro/side-b`)};
  git(dir, [`update-ref`, `-d`, `refs/maestro/side-b`]);
  return {dir, remote, tips};
}

/** Times `maestro sync` merging the diverged histories, `runs` times, resetting both sides between runs. */
function measureMerge(runs) {
  log(`building two histories that diverged by ${MERGE.commitsPerSide} commits each (${MERGE.entities} features)...`);
  const {dir, remote, tips} = buildDivergedRepositories();
  run(process.execPath, [BIN, `init`, `--json`], {cwd: dir});
  const times = [];
  let view = null;
  for (let i = 0; i < runs; i++) {
    git(dir, [`update-ref`, STATE_REF, tips.a]);
    git(dir, [`update-ref`, `-d`, `refs/remotes/origin/maestro/main`]);
    git(remote, [`update-ref`, STATE_REF, tips.b]);
    let result;
    times.push(timed(() => { result = run(process.execPath, [BIN, `sync`, `--json`], {cwd: dir}); }));
    view = JSON.parse(result.stdout);
    if (view.merge.kind !== `merged`) throw new Error(`maestro sync did not merge: ${result.stdout}`);
  }
  const [mergeParents] = [git(dir, [`rev-list`, `--parents`, `-n`, `1`, STATE_REF]).trim().split(` `).length - 1];
  return {commitsPerSide: MERGE.commitsPerSide, features: MERGE.entities, syncMs: round2(median(times)), minMs: round2(Math.min(...times)), received: view.merge.received.length, conflicts: view.merge.conflicts.length, mergeParents, runs};
}

/** The commit a ref points at, read from the files (loose first, then packed-refs). */
function readRef(dir, ref) {
  try {
    return fs.readFileSync(path.join(dir, `.git`, ref), `utf8`).trim();
  } catch {
    const packed = fs.readFileSync(path.join(dir, `.git`, `packed-refs`), `utf8`);
    return packed.split(`\n`).find(line => line.endsWith(` ${ref}`))?.slice(0, 40) ?? null;
  }
}

// ---------------------------------------------------------------------------------------------
// Missions: created and approved through the CLI, as a user would

/**
 * Writes the plan to a file, runs `mission create --file` (timed; stdout discarded) and `mission
 * approve` in `dir`, and returns the mission's id, the create's wall time and the feature count.
 */
function setUpMission(dir, name, planText) {
  const planFile = path.join(BENCH_HOME, `plan-${name}.json`);
  fs.writeFileSync(planFile, planText);
  const plan = JSON.parse(planText);
  const before = readRef(dir, STATE_REF);
  const createMs = timed(() => run(process.execPath, [BIN, `mission`, `create`, `--file`, planFile], {cwd: dir, discardStdout: true}));
  if (readRef(dir, STATE_REF) === before) throw new Error(`mission create (${name}) did not move ${STATE_REF}`);
  const listed = JSON.parse(run(process.execPath, [BIN, `mission`, `list`, `--json`], {cwd: dir}).stdout);
  const mission = (listed.missions ?? []).find(m => m.title === plan.title);
  if (!mission) throw new Error(`mission list (${name}) does not list "${plan.title}"`);
  if (mission.features?.length !== plan.features.length) throw new Error(`mission ${mission.id} (${name}) has ${mission.features?.length} features, the plan ${plan.features.length}`);
  run(process.execPath, [BIN, `mission`, `approve`, mission.id], {cwd: dir, discardStdout: true});
  return {id: mission.id, createMs, features: plan.features.length, milestones: plan.milestones.length};
}

// ---------------------------------------------------------------------------------------------
// The native write: the same one-file change as `maestro state put`, spawn by spawn, no shell

function nativeWrite(dir, file, content, message) {
  const old = git(dir, [`rev-parse`, `--verify`, `--quiet`, `${STATE_REF}^{commit}`]).trim();
  const segments = file.split(`/`);
  const dirs = segments.slice(0, -1);
  // The listing of every tree on the path, root first.
  const listings = [];
  for (let depth = 0; depth <= dirs.length; depth++) {
    const treeish = depth === 0 ? `${old}^{tree}` : `${old}:${dirs.slice(0, depth).join(`/`)}`;
    listings.push(git(dir, [`ls-tree`, treeish]));
  }
  let child = git(dir, [`hash-object`, `-w`, `--stdin`], content).trim();
  let mode = `100644`;
  let type = `blob`;
  for (let depth = dirs.length; depth >= 0; depth--) {
    const name = segments[depth];
    const lines = listings[depth].split(`\n`).filter(line => line && line.slice(line.indexOf(`\t`) + 1) !== name);
    lines.push(`${mode} ${type} ${child}\t${name}`);
    child = git(dir, [`mktree`], `${lines.join(`\n`)}\n`).trim();
    mode = `040000`;
    type = `tree`;
  }
  const commit = git(dir, [`commit-tree`, child, `-p`, old, `-m`, message]).trim();
  git(dir, [`update-ref`, `-m`, message, STATE_REF, commit, old]);
  return commit;
}

// ---------------------------------------------------------------------------------------------
// Variants

let writeCounter = 0;

function makeVariants(repos) {
  const maestro = args => () => run(process.execPath, [BIN, ...args], {cwd: repos.small});
  const variants = [
    {id: `floor`, label: `node -e 0`, size: null, group: `floor`, run: () => run(process.execPath, [`-e`, `0`], {cwd: repos.small})},
    {id: `version`, label: `maestro --version`, size: null, group: `version`, run: maestro([`--version`])},
  ];
  for (const {name} of SIZES) {
    const cwd = repos[name];
    // Order inside a size: native write, maestro write (which also brings the mirror up to date),
    // status (so it always finds a fresh mirror, as it would after a maestro write).
    variants.push({
      id: `native-${name}`, label: `native git write`, size: name, group: name,
      run: () => {
        const before = readRef(cwd, STATE_REF);
        const n = ++writeCounter;
        return {check: () => {
          const after = readRef(cwd, STATE_REF);
          if (after === before) throw new Error(`native write ${n} in ${name} did not move ${STATE_REF}`);
        }, time: timed(() => nativeWrite(cwd, TARGET_PATH, feature(7, 100_000 + n), `state put ${TARGET_PATH}`))};
      },
    });
    variants.push({
      id: `write-${name}`, label: `maestro state put`, size: name, group: name,
      run: () => {
        const before = readRef(cwd, STATE_REF);
        const n = ++writeCounter;
        // Compact input; maestro writes it canonically.
        const content = JSON.stringify(JSON.parse(feature(7, 200_000 + n)));
        return {check: () => {
          const after = readRef(cwd, STATE_REF);
          if (after === before) throw new Error(`maestro write ${n} in ${name} did not move ${STATE_REF}`);
        }, time: timed(() => run(process.execPath, [BIN, `state`, `put`, TARGET_PATH, content], {cwd}))};
      },
    });
    variants.push({id: `status-${name}`, label: `maestro status`, size: name, group: name, run: () => run(process.execPath, [BIN, `status`], {cwd})});
  }
  // Information: status on the large mirror with `find` listing what changed instead of the native
  // scanner (MAESTRO_NATIVE_SCAN=0), also right after a write, which is done first and not timed.
  variants.push({
    id: `status-large-find`, label: `status, with find`, size: `large`, group: `large`,
    run: () => {
      run(process.execPath, [BIN, `state`, `put`, TARGET_PATH, JSON.stringify(JSON.parse(feature(7, 500_000 + ++writeCounter)))], {cwd: repos.large});
      return {check: () => {}, time: timed(() => run(process.execPath, [BIN, `status`], {cwd: repos.large, env: {MAESTRO_NATIVE_SCAN: `0`}}))};
    },
  });
  // Information: what the compile cache saves (a first run after a build pays this).
  variants.push({id: `status-small-nocache`, label: `status, no code cache`, size: `small`, group: `small`, run: () => run(process.execPath, [BIN, `status`], {cwd: repos.small, env: {MAESTRO_COMPILE_CACHE: `0`}})});
  // Missions. Order inside a size: the update (a write, as an agent's loop does), then the reads.
  for (const {name, feature: featureName} of MISSIONS) {
    const cwd = repos.missions[name].dir;
    const id = repos.missions[name].id;
    const group = `mission-${name}`;
    let step = 0;
    variants.push({
      id: `update-${name}`, label: `feature update`, size: name, group,
      run: () => {
        const before = readRef(cwd, STATE_REF);
        const status = UPDATE_CYCLE[step++ % UPDATE_CYCLE.length];
        // run() throws unless the exit code is 0; the check makes sure the update committed.
        return {check: () => {
          if (readRef(cwd, STATE_REF) === before) throw new Error(`feature update ${featureName} --status ${status} (${name}) did not move ${STATE_REF}`);
        }, time: timed(() => run(process.execPath, [BIN, `feature`, `update`, featureName, `--mission`, id, `--status`, status], {cwd, discardStdout: true}))};
      },
    });
    variants.push({id: `list-${name}`, label: `feature list`, size: name, group, run: () => run(process.execPath, [BIN, `feature`, `list`, `--mission`, id], {cwd, discardStdout: true})});
    variants.push({id: `show-${name}`, label: `mission show`, size: name, group, run: () => run(process.execPath, [BIN, `mission`, `show`, id], {cwd, discardStdout: true})});
  }
  return variants;
}

/** Runs one variant once and returns its wall time in ms. */
function measure(variant) {
  let measured = null;
  const time = timed(() => { measured = variant.run(); });
  if (measured && typeof measured.time === `number`) {
    measured.check();
    return measured.time;
  }
  return time;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Peak memory

function peakMemoryKb(cwd, args) {
  const result = run(`/usr/bin/time`, [`-f`, `%M`, process.execPath, BIN, ...args], {cwd});
  const line = result.stderr.trim().split(`\n`).reverse().find(l => /^\d+$/.test(l.trim()));
  if (!line) throw new Error(`/usr/bin/time printed no max RSS:\n${result.stderr}`);
  return Number(line);
}

// ---------------------------------------------------------------------------------------------
// Does the read path load isomorphic-git? (DESIGN.md: not at all when the cache is fresh.)

/**
 * Runs status and one write at the large size with a copy of the bundle that lacks the
 * isomorphic-git chunk: a command that needs it fails to import it. Informational, not a target.
 */
function probeIsomorphicGit(cwd) {
  const source = path.dirname(BIN);
  const chunk = `isomorphic-git.cjs`;
  if (!fs.existsSync(path.join(source, `vendor`, chunk))) return {note: `no vendor/isomorphic-git.cjs in the bundle: not probed`};
  const dir = path.join(BENCH_HOME, `dist-without-isomorphic-git`);
  fs.cpSync(source, dir, {recursive: true});
  fs.rmSync(path.join(dir, `vendor`, chunk));
  const loads = args => {
    const result = run(process.execPath, [path.join(dir, `maestro.cjs`), ...args], {cwd, allowFail: true});
    if (result.status === 0) return false;
    if (result.stderr.includes(chunk)) return true;
    throw new Error(`maestro ${args.join(` `)} failed:\n${result.stderr}`);
  };
  return {
    statusLarge: loads([`status`]),
    writeLarge: loads([`state`, `put`, TARGET_PATH, JSON.stringify(JSON.parse(feature(7, 400_000)))]),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

function main() {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run \`node scripts/build.mjs\` (or \`npm run bench\`)`);
  BIN = snapshotBundle().bin;
  const version = run(process.execPath, [BIN, `--version`], {cwd: BENCH_HOME}).stdout.trim();
  const gitVersion = git(BENCH_HOME, [`--version`]).trim();
  const setupStart = process.hrtime.bigint();
  const repos = {};
  const setupMs = {};
  const setupSteps = {};
  for (const size of SIZES) {
    repos[size.name] = path.join(BENCH_HOME, size.name);
    log(`building the ${size.name} repository (${size.entities} features, ${size.commits} commits)...`);
    setupMs[size.name] = timed(() => { setupSteps[size.name] = buildRepository(repos[size.name], size); });
  }
  repos.missions = {};
  for (const spec of MISSIONS) {
    let dir = repos[spec.repo];
    if (!dir) {
      dir = repos[spec.repo] = path.join(BENCH_HOME, spec.repo);
      const like = SIZES.find(s => s.name === spec.buildLike);
      log(`building the ${spec.repo} repository (like ${like.name}: ${like.entities} features, ${like.commits} commits)...`);
      buildRepository(dir, like);
    }
    const planText = spec.plan();
    log(`creating and approving the ${spec.name} mission (${JSON.parse(planText).features.length} features) in ${spec.repo}...`);
    repos.missions[spec.name] = {dir, repo: spec.repo, feature: spec.feature, ...setUpMission(dir, spec.name, planText)};
  }

  const variants = makeVariants(repos);
  const groups = [...new Set(variants.map(v => v.group))];
  const times = Object.fromEntries(variants.map(v => [v.id, []]));
  const measureStart = process.hrtime.bigint();
  for (let round = 0; round <= options.runs; round++) {
    if (round === 0) log(`warm-up round...`);
    else if (round === 1 || round % 5 === 0) log(`round ${round}/${options.runs}...`);
    // Rotate the order of the groups every round so that no variant always runs first or last.
    for (let g = 0; g < groups.length; g++) {
      const group = groups[(g + round) % groups.length];
      for (const variant of variants.filter(v => v.group === group)) {
        const ms = measure(variant);
        if (round > 0) times[variant.id].push(ms);
      }
    }
  }
  const measureMs = Number(process.hrtime.bigint() - measureStart) / 1e6;

  let memory = null;
  let memoryNote = null;
  if (fs.existsSync(`/usr/bin/time`)) {
    const cwd = repos.large;
    memory = {
      statusLargeKb: peakMemoryKb(cwd, [`status`]),
      writeLargeKb: peakMemoryKb(cwd, [`state`, `put`, TARGET_PATH, JSON.stringify(JSON.parse(feature(7, 300_000)))]),
      featureListLargeKb: peakMemoryKb(repos.missions.large.dir, [`feature`, `list`, `--mission`, repos.missions.large.id]),
    };
  } else {
    memoryNote = `/usr/bin/time not found: peak memory not measured`;
  }

  const isoGit = probeIsomorphicGit(repos.large);
  const scan = JSON.parse(run(process.execPath, [BIN, `doctor`, `--json`], {cwd: repos.large, allowFail: true}).stdout).checks.find(c => c.name === `scan`)?.detail ?? `not reported`;
  const merge = measureMerge(Math.max(1, Math.min(options.runs, 5)));

  const medians = Object.fromEntries(variants.map(v => [v.id, median(times[v.id])]));
  const floor = medians.floor;
  const order = [`floor`, `version`, ...SIZES.map(s => `status-${s.name}`), `status-large-find`, `status-small-nocache`, ...SIZES.map(s => `write-${s.name}`), ...SIZES.map(s => `native-${s.name}`),
    ...[`list`, `update`, `show`].flatMap(kind => MISSIONS.map(m => `${kind}-${m.name}`))];
  const rows = [...variants].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)).map(v => ({
    id: v.id, label: v.label, size: v.size, medianMs: round2(medians[v.id]),
    minMs: round2(Math.min(...times[v.id])), maxMs: round2(Math.max(...times[v.id])),
    vsFloor: round2(medians[v.id] / floor),
    vsNative: v.id.startsWith(`write-`) ? round2(medians[v.id] / medians[`native-${v.size}`]) : null,
  }));

  const checks = [];
  const check = (name, value, limit, unit, pass) => checks.push({name, value: round2(value), limit, unit, pass});
  for (const {name} of SIZES) {
    check(`status ${name} <= ${TARGETS.statusVsFloor}x floor`, medians[`status-${name}`] / floor, TARGETS.statusVsFloor, `x`, medians[`status-${name}`] / floor <= TARGETS.statusVsFloor);
    check(`write ${name} <= ${TARGETS.writeVsFloor}x floor`, medians[`write-${name}`] / floor, TARGETS.writeVsFloor, `x`, medians[`write-${name}`] / floor <= TARGETS.writeVsFloor);
  }
  for (const kind of [`status`, `write`]) {
    const ratio = medians[`${kind}-large`] / medians[`${kind}-small`];
    check(`${kind} large <= ${TARGETS.largeVsSmall}x small`, ratio, TARGETS.largeVsSmall, `x`, ratio <= TARGETS.largeVsSmall);
  }
  for (const [kind, label] of [[`list`, `feature list`], [`update`, `feature update`]]) {
    const ratio = medians[`${kind}-large`] / medians[`${kind}-small`];
    check(`${label} 2,000 <= ${TARGETS.largeVsSmall}x README mission`, ratio, TARGETS.largeVsSmall, `x`, ratio <= TARGETS.largeVsSmall);
  }
  if (memory) {
    for (const [kind, kb] of [[`status`, memory.statusLargeKb], [`write`, memory.writeLargeKb]]) {
      check(`peak memory of ${kind} (large) < ${TARGETS.peakMemoryMb} MB`, kb / 1024, TARGETS.peakMemoryMb, `MB`, kb / 1024 < TARGETS.peakMemoryMb);
    }
  }
  check(`sync merging ${merge.commitsPerSide} + ${merge.commitsPerSide} diverged commits < ${MERGE.targetMs} ms`, merge.syncMs, MERGE.targetMs, `ms`, merge.syncMs < MERGE.targetMs);
  const failed = checks.filter(c => !c.pass);
  const summary = `${checks.length - failed.length}/${checks.length} targets pass${failed.length ? `; FAIL: ${failed.map(c => c.name).join(`, `)}` : ``}${memoryNote ? ` (${memoryNote})` : ``}`;

  const report = {
    maestro: version, node: process.version, git: gitVersion, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length,
    runs: options.runs, warmupRounds: 1,
    sizes: Object.fromEntries(SIZES.map(s => [s.name, {
      entities: s.entities, commits: s.commits, setupMs: Math.round(setupMs[s.name]),
      ...Object.fromEntries(Object.entries(setupSteps[s.name]).map(([step, ms]) => [step, Math.round(ms)])),
    }])),
    missions: Object.fromEntries(MISSIONS.map(m => {
      const {repo, id, feature: featureName, features, milestones, createMs} = repos.missions[m.name];
      return [m.name, {repo, id, milestones, features, updatedFeature: featureName, createMs: Math.round(createMs)}];
    })),
    results: rows, merge, loadsIsomorphicGit: isoGit, scan, peakMemoryKb: memory, peakMemoryNote: memoryNote, checks, summary,
    totalMs: Math.round(Number(process.hrtime.bigint() - setupStart) / 1e6), measureMs: Math.round(measureMs),
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  printTable(report);
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

function printTable(report) {
  const out = [];
  out.push(`maestro ${report.maestro} bench: node ${report.node}, ${report.git}, ${report.platform}, ${report.cpus} CPUs; median of ${report.runs} cold runs per variant after 1 warm-up round, round-robin`);
  out.push(`sizes: ${SIZES.map(s => `${s.name} = ${s.entities} features / ${s.commits} commits (built in ${seconds(report.sizes[s.name].setupMs)}: fast-import ${seconds(report.sizes[s.name].fastImportMs)}, gc ${seconds(report.sizes[s.name].gcMs)}, maestro init ${seconds(report.sizes[s.name].initMs)})`).join(`; `)}`);
  const ms = report.missions;
  out.push(`missions: small = the README's (${ms.small.features} features, in the small repository); large = bigPlan (${ms.large.milestones} milestones × ${ms.large.features / ms.large.milestones} chained features = ${ms.large.features}, in a repository built like the small one); \`mission create\` of the large one took ${seconds(ms.large.createMs)} (small: ${seconds(ms.small.createMs)}); \`feature update\` cycles ${ms.small.updatedFeature} / ${ms.large.updatedFeature} through ${UPDATE_CYCLE.join(` -> `)}`);
  out.push(``);
  const header = [`variant`, `size`, `median ms`, `min`, `max`, `x floor`, `x native`];
  const table = report.results.map(r => [r.label, r.size ?? `-`, r.medianMs.toFixed(1), r.minMs.toFixed(1), r.maxMs.toFixed(1), r.vsFloor.toFixed(2), r.vsNative === null ? `` : r.vsNative.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map(row => row[i].length)));
  const fmt = row => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(`  `).trimEnd();
  out.push(fmt(header), widths.map(w => `-`.repeat(w)).join(`  `), ...table.map(fmt));
  const mg = report.merge;
  out.push(``, `sync merge: ${mg.commitsPerSide} + ${mg.commitsPerSide} diverged commits over ${mg.features} features, fetched, merged (${mg.received} files in, ${mg.conflicts} conflicts) and pushed by one \`maestro sync\`: median ${mg.syncMs.toFixed(0)} ms (min ${mg.minMs.toFixed(0)}) of ${mg.runs} runs`);
  out.push(``);
  if (report.peakMemoryKb) out.push(`peak memory (max RSS, large): status ${(report.peakMemoryKb.statusLargeKb / 1024).toFixed(1)} MB, write ${(report.peakMemoryKb.writeLargeKb / 1024).toFixed(1)} MB, feature list of the 2,000-feature mission ${(report.peakMemoryKb.featureListLargeKb / 1024).toFixed(1)} MB (information)`);
  else out.push(`peak memory: skipped (${report.peakMemoryNote})`);
  const iso = report.loadsIsomorphicGit;
  if (iso.note) out.push(`isomorphic-git: ${iso.note}`);
  else out.push(`isomorphic-git loaded (large): by status ${iso.statusLarge ? `YES` : `no`}, by the write ${iso.writeLarge ? `YES` : `no`} (the design wants no)`);
  out.push(`hand-edit scan (maestro doctor): ${report.scan}`);
  out.push(``, `targets:`);
  const nameWidth = Math.max(...report.checks.map(c => c.name.length));
  for (const c of report.checks) out.push(`  ${c.pass ? `PASS` : `FAIL`}  ${c.name.padEnd(nameWidth)}  ${c.value.toFixed(2)}${c.unit === `MB` ? ` MB` : c.unit === `ms` ? ` ms` : `x`}`);
  const row = id => report.results.find(r => r.id === id);
  out.push(``, `missions vs the floor (information):`);
  for (const [kind, label] of [[`list`, `feature list`], [`update`, `feature update`], [`show`, `mission show`]])
    out.push(`  ${label.padEnd(14)}  README mission ${row(`${kind}-small`).vsFloor.toFixed(2)}x floor, 2,000 features ${row(`${kind}-large`).vsFloor.toFixed(2)}x floor; 2,000 / README ${(row(`${kind}-large`).medianMs / row(`${kind}-small`).medianMs).toFixed(2)}x`);
  out.push(``, `bench: ${report.summary} (total ${(report.totalMs / 1000).toFixed(1)} s)`);
  process.stdout.write(`${out.join(`\n`)}\n`);
}

try {
  main();
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
