#!/usr/bin/env node
// `npm run demo`: maestro end to end in a fresh temporary git repository, printing every command
// and what it answered. Uses the built bundle (dist/maestro.cjs), exactly as a user would run it.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {README_PLAN_TEXT} from './fixtures/readmePlan.mjs';

const root = join(fileURLToPath(import.meta.url), `..`, `..`);
const bin = join(root, `dist`, `maestro.cjs`);
const repo = realpathSync(mkdtempSync(join(tmpdir(), `maestro-demo-`)));
const keep = process.argv.includes(`--keep`);
// A second machine and the remote they share, next to the first repository.
const laptop = `${repo}-laptop`;
const remote = `${repo}-remote.git`;
const env = {...process.env, GIT_AUTHOR_NAME: `Demo Human`, GIT_AUTHOR_EMAIL: `human@example.com`, GIT_COMMITTER_NAME: `Demo Human`, GIT_COMMITTER_EMAIL: `human@example.com`, MAESTRO_NO_GC: `1`};
delete env.MAESTRO_AGENT;
let failures = 0;

function show(title) {
  process.stdout.write(`\n\u2500\u2500 ${title}\n`);
}

function run(label, command, args, options = {}) {
  process.stdout.write(`${options.cwd ? `[${options.cwd === laptop ? `laptop` : options.cwd}] ` : ``}$ ${options.agent ? `MAESTRO_AGENT=${options.agent} ` : ``}${label}\n`);
  const result = spawnSync(command, args, {cwd: options.cwd ?? repo, encoding: `utf8`, input: options.input, env: {...env, ...(options.agent ? {MAESTRO_AGENT: options.agent} : {})}});
  const out = options.quiet ? `` : `${result.stdout}${result.stderr}`.trimEnd();
  if (out) process.stdout.write(`${out.split(`\n`).map(line => `  ${line}`).join(`\n`)}\n`);
  const expected = options.expect ?? 0;
  if (result.status !== expected) {
    failures++;
    process.stdout.write(`  !! exit ${result.status}, expected ${expected}\n`);
  }
  return result;
}

const maestro = (args, options) => run(`maestro ${args.join(` `)}`, process.execPath, [bin, ...args], options);
const git = (args, options) => run(`git ${args.join(` `)}`, `git`, args, options);

show(`A fresh repository`);
git([`init`, `--quiet`, `-b`, `main`]);
writeFileSync(join(repo, `README.md`), `# demo project\n`);
git([`add`, `README.md`]);
git([`commit`, `--quiet`, `-m`, `first code commit`]);

show(`1. Initialise maestro: the state lives on refs/maestro/main`);
maestro([`init`]);
maestro([`init`]);

show(`2. A mission, end to end: the original README's quick start`);
writeFileSync(join(repo, `plan.json`), README_PLAN_TEXT);
maestro([`mission`, `create`, `--file`, `plan.json`], {agent: `human`});
const missionId = JSON.parse(maestro([`mission`, `list`, `--json`], {quiet: true}).stdout).missions[0].id;
maestro([`mission`, `list`]);
maestro([`mission`, `approve`, missionId], {agent: `human`});
maestro([`feature`, `next`, `--mission`, missionId]);
const prompt = maestro([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--out`, `worker-prompt.md`, `--json`], {quiet: true});
process.stdout.write(`  (prompt of ${JSON.parse(prompt.stdout).prompt.split(`\n`).length} lines written to ${JSON.parse(prompt.stdout).writtenTo.join(` and `)})\n`);
maestro([`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`], {agent: `codex`});
maestro([`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `review`, `--report`, `{"salientSummary":"login flow works"}`], {agent: `codex`});
maestro([`milestone`, `seal`, `implement`, `--mission`, missionId], {expect: 1});
maestro([`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test`], {agent: `claude-code`});
maestro([`checkpoint`, `save`, `--mission`, missionId]);
maestro([`milestone`, `seal`, `implement`, `--mission`, missionId]);
maestro([`mission`, `show`, missionId]);
maestro([`trace`, `HEAD`]);
git([`log`, `--notes=maestro`, `-1`, `--format=%h %s%n%N`]);

show(`2a. Memory: a correction made once reaches every later worker prompt`);
maestro([`memory-correct`, `Never log session tokens or passwords`, `--severity`, `hard`], {agent: `human`});
maestro([`memory-learn`, `--content`, `The session store needs a cleanup job for expired tokens`], {agent: `codex`});
maestro([`memory-compile`]);
maestro([`memory-compile`]);
maestro([`memory-recall`, `--task`, `log the user in and keep the session tokens`]);
const withMemory = maestro([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--json`], {quiet: true});
process.stdout.write(`  (the prompt now has a Relevant Memory section: ${JSON.parse(withMemory.stdout).prompt.includes(`Never log session tokens`) ? `yes` : `NO`})\n`);

show(`2b. Handoffs: claude-code packs its session into a UKI packet for codex; codex claims it (one claimer wins) and completes it`);
const created = maestro([`handoff`, `create`, `--mode`, `execute`, `--session-core`, `ship login`, `--summary`, `Login form done - tests green`, `--next-action`, `wire the session store`,
  `--completed`, `login_form`, `--validation`, `unit_green`, `--artifact`, `src/login.ts`, `--read-more`, `src/login.ts`, `--confidence-work`, `0.9`, `--to`, `codex`], {agent: `claude-code`});
const handoffId = /Handoff created: (\S+)/.exec(created.stdout)?.[1] ?? `unknown`;
maestro([`handoff`, `list`]);
maestro([`handoff`, `pickup`, `--paste`, `--agent`, `codex`]);
maestro([`handoff`, `pickup`, `--claim`, `--agent`, `codex`, `--id`, handoffId]);
maestro([`handoff`, `pickup`, `--claim`, `--agent`, `gemini`, `--id`, handoffId], {expect: 1});
maestro([`handoff`, `complete`, handoffId, `--report`, `session store wired`], {agent: `codex`});

show(`3. Five agents write at the same moment: nothing is lost`);
process.stdout.write(`$ (five \`maestro state put notes/parallel-N.json\` processes started together)\n`);
const writers = [`codex`, `claude-code`, `gemini`, `codex`, `claude-code`].map((agent, i) =>
  new Promise(resolve => {
    const child = spawn(process.execPath, [bin, `state`, `put`, `notes/parallel-${i}.json`, `{"writer":${i}}`], {cwd: repo, env: {...env, MAESTRO_AGENT: agent}, stdio: `ignore`});
    child.on(`exit`, resolve);
  }));
const codes = await Promise.all(writers);
process.stdout.write(`  exit codes: ${codes.join(` `)}\n`);
if (codes.some(code => code !== 0)) failures++;
maestro([`state`, `ls`, `notes`]);

show(`4. What maestro shows`);
maestro([`status`]);
maestro([`log`, `-n`, `5`]);
maestro([`state`, `show`, `missions/${missionId}/features/auth-impl.json`]);

show(`5. What plain git shows: the same truth`);
git([`log`, `--oneline`, `-n`, `5`, `refs/maestro/main`]);
git([`show`, `--stat`, `--format=%s%n%b`, `refs/maestro/main~1`]);
git([`show`, `refs/maestro/main:missions/${missionId}/assertions/auth-login-works.json`]);
git([`fsck`, `--strict`, `--no-dangling`]);
git([`status`, `--short`]);

show(`6. The .maestro/ mirror, for cat and grep`);
run(`ls -R .maestro`, `ls`, [`-R`, `.maestro`]);

show(`7. Sharing state: a second machine through a bare remote`);
git([`init`, `--quiet`, `--bare`, `--initial-branch=main`, remote]);
git([`remote`, `add`, `origin`, remote]);
git([`push`, `--quiet`, `origin`, `main`]);
maestro([`remote`, `setup`]);
maestro([`sync`]);
git([`clone`, `--quiet`, remote, laptop]);
maestro([`sync`], {cwd: laptop});
maestro([`feature`, `list`, `--mission`, missionId], {cwd: laptop});
process.stdout.write(`  (both machines now change the mission's title, and each learns something)\n`);
maestro([`mission`, `update`, missionId, `--title`, `Auth, first slice`], {agent: `human`});
maestro([`memory-learn`, `--content`, `the auth tests need a seeded clock`], {agent: `codex`});
maestro([`mission`, `update`, missionId, `--title`, `Authentication v1`], {agent: `gemini`, cwd: laptop});
maestro([`memory-learn`, `--content`, `gemini prefers small handoffs`], {agent: `gemini`, cwd: laptop});
maestro([`sync`]);
maestro([`sync`], {cwd: laptop});
maestro([`sync`]);
const trees = [repo, laptop].map(cwd => spawnSync(`git`, [`rev-parse`, `refs/maestro/main^{tree}`], {cwd, encoding: `utf8`}).stdout.trim());
process.stdout.write(`  state trees: ${trees.map(tree => tree.slice(0, 12)).join(` and `)} (${trees[0] === trees[1] ? `identical` : `DIFFERENT`})\n`);
if (trees[0] !== trees[1]) failures++;
maestro([`conflicts`]);
const conflict = JSON.parse(maestro([`conflicts`, `--json`], {quiet: true}).stdout).conflicts[0];
if (conflict) maestro([`conflicts`, `resolve`, conflict.id, `--take`, `theirs`], {agent: `human`});
maestro([`sync`]);
maestro([`sync`], {cwd: laptop});
maestro([`memory-search`, `seeded`], {cwd: laptop});
git([`log`, `--oneline`, `--graph`, `-n`, `8`, `refs/maestro/main`]);

show(`8. Mission Control, rendered without a terminal (\`maestro mission-control\` is the live, read-only dashboard)`);
maestro([`mission-control`, `--preview`, `dashboard`, `--size`, `100x30`, `--format`, `plain`]);
maestro([`mission-control`, `--render-check`, `--size`, `80x24`]);

show(`9. Health check`);
maestro([`doctor`]);

process.stdout.write(`\n${failures === 0 ? `demo finished: every step behaved as expected` : `demo finished with ${failures} unexpected exit code(s)`} (repository: ${keep ? repo : `removed; run with --keep to look around`})\n`);
if (!keep) for (const dir of [repo, laptop, remote]) rmSync(dir, {recursive: true, force: true});
process.exit(failures === 0 ? 0 : 1);
