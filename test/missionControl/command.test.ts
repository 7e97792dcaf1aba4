import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {SCREEN_IDS} from '../../lib/missionControl/missionControlRequest.ts';
import {RenderCheckView} from '../../lib/missionControl/renderCheckView.ts';
import {checkFrame} from '../../tui/preview.ts';
import {textWidth} from '../../tui/line.ts';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {bigRepo, busyReadmeRepo} from './fixtures.ts';

const repos = missionRepos();
const SIZES = [[80, 24], [120, 40], [200, 60]] as const;

/** The frames of a `--preview all` output, by screen. */
function frames(stdout: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of stdout.split(`\n`)) {
    const marker = /^--- (\w+) ---$/.exec(line);
    if (marker) out.set(marker[1]!, current = []);
    else if (/^--- rendered \d+ screens ---$/.test(line)) current = null;
    else if (current && line !== ``) current.push(line);
  }
  return out;
}

for (const [name, setUp] of [[`the README mission`, busyReadmeRepo], [`the 2,000-feature mission`, bigRepo]] as const) {
  describe(`maestro mission-control --preview all and --render-check on ${name}`, () => {
    let repo: GitRepo;
    before(async () => { ({repo} = await setUp(repos)); });

    for (const [width, height] of SIZES) {
      it(`draws every screen at ${width}x${height}, each exactly that size with its border, no undefined or NaN`, async () => {
        const result = await maestro(repo, [`mission-control`, `--preview`, `all`, `--size`, `${width}x${height}`, `--format`, `plain`]);

        assert.equal(result.code, 0, result.stderr);
        const drawn = frames(result.stdout);
        assert.deepEqual([...drawn.keys()], [...SCREEN_IDS]);
        assert.match(result.stdout, /--- rendered 10 screens ---\n$/);
        for (const [screen, rows] of drawn) assert.deepEqual(checkFrame(rows, rows.map(textWidth), {width, height}), [], `${screen} at ${width}x${height}`);
      });

      it(`passes --render-check at ${width}x${height} with exit 0`, async () => {
        const result = await maestro(repo, [`mission-control`, `--render-check`, `--size`, `${width}x${height}`, `--json`]);

        assert.equal(result.code, 0, result.stdout);
        const view = RenderCheckView.parse(JSON.parse(result.stdout));
        assert.deepEqual(view.summary, {total: 10, passed: 10, failed: 0, skipped: 0});
      });
    }
  });
}

describe(`maestro mission-control without a terminal`, () => {
  let repo: GitRepo;
  before(async () => { ({repo} = await busyReadmeRepo(repos)); });

  it(`prints the dashboard by default for a bare --preview, and ANSI colour with --format ansi`, async () => {
    const plain = await maestro(repo, [`mission-control`, `--preview`, `--size`, `100x30`]);
    const ansi = await maestro(repo, [`mission-control`, `--preview=dashboard`, `--size`, `100x30`, `--format`, `ansi`]);

    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^┌─ Mission Control · Add authentication /);
    assert.match(plain.stdout, /\[1 Dash\]/);
    assert.doesNotMatch(plain.stdout, /\u001b/);
    assert.match(ansi.stdout, /\u001b\[33m▶ in-progress\u001b\[0m/);
    assert.equal(ansi.stdout.replace(/\u001b\[[0-9;]*m/g, ``).split(`\n`).length, plain.stdout.split(`\n`).length);
  });

  it(`selects a feature or a handoff with --feature and --handoff, by a unique prefix`, async () => {
    const deps = await maestro(repo, [`mission-control`, `--preview`, `dependencies`, `--feature`, `auth-p`, `--size`, `120x40`]);
    const handoffs = await maestro(repo, [`mission-control`, `--preview`, `handoffs`, `--handoff`, `2026`, `--size`, `120x40`]);

    assert.equal(deps.code, 0, deps.stderr);
    assert.match(deps.stdout, /│ ○ auth-plan  Plan the auth flow/);
    assert.match(deps.stdout, /Needed by \(1\)/);
    assert.equal(handoffs.code, 0, handoffs.stderr);
    assert.match(handoffs.stdout, /summary {6}Auth_flow_half_done/);
  });

  it(`accepts screen aliases in any case`, async () => {
    const result = await maestro(repo, [`mission-control`, `--preview`, `DEPS`, `--size`, `80x24`]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\[3 Deps\]/);
  });

  it(`draws the "too small" screen below 80x24`, async () => {
    const result = await maestro(repo, [`mission-control`, `--preview`, `--size`, `60x20`]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Terminal too small/);
    assert.match(result.stdout, /Current: 60x20/);
    assert.equal(result.stdout.split(`\n`).filter(Boolean).length, 20);
  });

  for (const [argv, message] of [
    [[`--preview`, `--json`], /^\{"error":\{"code":"E_INPUT","message":"choose either --json or --preview","hint":"--json prints the snapshot, --preview draws screens"\}\}$/],
    [[`--preview`, `nope`], /^maestro: unknown screen "nope"; hint: use one of: dashboard, features, dependencies, handoffs, assertions, memory, history, checkpoints, conflicts, help, or all$/],
    [[`--preview`, `--size`, `100`], /^maestro: --size "100" is not WIDTHxHEIGHT; hint: use e\.g\. --size 120x40$/],
    [[`--preview`, `--size`, `30x10`], /^maestro: --size 30x10 is outside 40x20 to 1000x1000; hint: /],
    [[`--preview`, `--format`, `html`], /^maestro: --format "html" is not a format; hint: use --format plain or --format ansi$/],
    [[`--render-check`, `--preview`], /^maestro: --render-check cannot be combined with --preview; hint: /],
    [[`--preview`, `all`, `--feature`, `auth-impl`], /^maestro: --feature and --handoff need a single --preview screen; hint: /],
    [[`--preview`, `memory`, `--feature`, `auth-impl`], /^maestro: --feature selects a row of the dashboard, features and dependencies screens, not memory; hint: /],
    [[`--preview`, `features`, `--feature`, `nope`], /^maestro: feature nope not found; hint: list features with `maestro feature list --mission /],
    [[], /^maestro: mission-control needs a terminal: stdin and stdout are not both TTYs; hint: use --preview all, --json or --render-check$/],
  ] as const) {
    it(`refuses \`mission-control ${argv.join(` `)}\` with exit 2, one line, nothing written`, async () => {
      const before = whatIsWritten(repo);

      const result = await maestro(repo, [`mission-control`, ...argv]);

      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, ``);
      assert.match(result.stderr.trimEnd(), message);
      assert.equal(result.stderr.split(`\n`).length, 2);
      assert.deepEqual(whatIsWritten(repo), before);
    });
  }

  it(`exits 1 from --render-check when a screen fails, naming it`, async () => {
    const result = await maestro(repo, [`mission-control`, `--render-check`, `--size`, `40x20`]);

    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\[x\]  dashboard {5}40x20  under 80x24: the "too small" frame is drawn instead$/m);
    assert.match(result.stdout, /^0\/10 screens pass at 40x20$/m);
    assert.equal(parseJson(await maestro(repo, [`mission-control`, `--render-check`, `--size`, `40x20`, `--json`])).summary.failed, 10);
  });
});
