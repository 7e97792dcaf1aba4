import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, parseJson} from '../helpers/missions.ts';

const tip = (repo: GitRepo) => repo.git([`rev-parse`, `refs/maestro/main`]).trim();

/** Runs a command that must be refused: its exit code, its one stderr line, and the state ref did not move. */
async function refused(repo: GitRepo, argv: string[], code: number, line: RegExp): Promise<void> {
  const before = tip(repo);

  const result = await maestro(repo, argv);

  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stderr.trim().split(`\n`).length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.equal(tip(repo), before);
}

describe(`maestro memory-correct and memory-learn`, () => {
  const {initialised} = missionRepos();

  it(`stores a correction as one file with keywords derived from the rule`, async () => {
    const repo = await initialised();

    const correction = await maestroJson(repo, [`memory-correct`, `use bun not npm`]);

    assert.deepEqual(correction.trigger, {keywords: [`bun`, `npm`], fileGlobs: []});
    assert.equal(correction.severity, `soft`);
    assert.ok(repo.git([`ls-tree`, `-r`, `--name-only`, `refs/maestro/main`]).includes(`memory/corrections/${correction.id}.json`));
  });

  it(`accepts the reference's flags and --trigger`, async () => {
    const repo = await initialised();

    const c = await maestroJson(repo, [`memory-correct`, `use bun`, `--trigger`, `Package, install`, `--globs`, `package.json`, `--severity`, `hard`, `--source`, `review`]);

    assert.deepEqual([c.trigger.keywords, c.trigger.fileGlobs, c.severity, c.source], [[`package`, `install`], [`package.json`], `hard`, `review`]);
  });

  it(`refuses an empty rule, a bad severity and a bad --check with exit 2, writing nothing`, async () => {
    const repo = await initialised();

    await refused(repo, [`memory-correct`, `  `], 2, /the rule is empty/);
    await refused(repo, [`memory-correct`, `use bun`, `--severity`, `urgent`], 2, /--severity must be soft or hard, not "urgent"/);
    await refused(repo, [`memory-correct`, `use bun`, `--check`, `(`], 2, /--check "\(" is not a valid regular expression/);
  });

  it(`stores a learning and refuses an empty one`, async () => {
    const repo = await initialised();

    const learning = await maestroJson(repo, [`memory-learn`, `--content`, `reset the db between suites`]);

    assert.equal(learning.content, `reset the db between suites`);
    assert.equal(learning.agent, `test-agent`);
    await refused(repo, [`memory-learn`, `--content`, ``], 2, /--content is empty/);
  });

  it(`refuses to write before maestro init`, async () => {
    const {makeGitRepo} = await import('../helpers/gitRepo.ts');
    const repo = makeGitRepo();

    const result = await maestro(repo, [`memory-correct`, `use bun`]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /not initialised/);
    repo.cleanup();
  });
});

describe(`maestro memory-recall, memory-search, memory-stats`, () => {
  const {initialised} = missionRepos();

  it(`recalls the planted relevant correction first, hard ones always, and leaves out a weak match`, async () => {
    const repo = await initialised();
    await maestro(repo, [`memory-correct`, `format dates as ISO`, `--keywords`, `date,format,install`]);
    await maestro(repo, [`memory-correct`, `never commit secrets`, `--severity`, `hard`]);
    const planted = await maestroJson(repo, [`memory-correct`, `use bun not npm`, `--keywords`, `package,install,npm`]);

    const view = await maestroJson(repo, [`memory-recall`, `--task`, `npm install the package`]);

    assert.equal(view.corrections[0].id, planted.id);
    assert.deepEqual(view.corrections.map((c: {rule: string}) => c.rule).sort(), [`never commit secrets`, `use bun not npm`]);
  });

  it(`searches rules and learnings, and refuses an empty query with exit 2`, async () => {
    const repo = await initialised();
    await maestro(repo, [`memory-correct`, `use bun not npm`]);
    await maestro(repo, [`memory-learn`, `--content`, `bun is faster`]);

    const found = await maestroJson(repo, [`memory-search`, `BUN`]);

    assert.deepEqual([found.corrections.length, found.learnings.length], [1, 1]);
    await refused(repo, [`memory-search`, ` `], 2, /the search query is empty/);
  });

  it(`counts corrections, learnings and ratchet checks`, async () => {
    const repo = await initialised();
    await maestro(repo, [`memory-correct`, `use bun not npm`, `--severity`, `hard`, `--check`, `npm install`]);

    const stats = await maestroJson(repo, [`memory-stats`]);

    assert.deepEqual(stats, {corrections: {total: 1, hard: 1, soft: 0}, learnings: {rawCount: 0}, ratchet: {assertions: 1}});
  });
});

describe(`maestro memory-compile and memory-lint`, () => {
  const {initialised} = missionRepos();

  it(`compiles duplicates into one rule with provenance, and compiling again makes no commit`, async () => {
    const repo = await initialised();
    const a = await maestroJson(repo, [`memory-correct`, `use bun not npm`]);
    const b = await maestroJson(repo, [`memory-correct`, `Use bun, not npm!`, `--severity`, `hard`]);
    await maestro(repo, [`memory-learn`, `--content`, `reset the db between suites`]);

    const first = await maestroJson(repo, [`memory-compile`]);
    const after = tip(repo);
    const second = await maestroJson(repo, [`memory-compile`, `--json`]);

    assert.equal(first.compiled.rules.length, 2);
    assert.deepEqual([...first.compiled.rules[0].entries].sort(), [a.id, b.id].sort());
    assert.equal(first.compiled.rules[0].severity, `hard`);
    assert.equal(second.committed, false);
    assert.equal(tip(repo), after);
    assert.match(repo.git([`show`, `refs/maestro/main:memory/compiled.md`]), /\*\*\[HARD\]\*\* .* 2× by test-agent/);
  });

  it(`exits 0 when healthy and 1 naming the entries of a duplicate, a contradiction and an unmatched glob`, async () => {
    const repo = await initialised();
    const healthy = await maestro(repo, [`memory-lint`]);
    const a = await maestroJson(repo, [`memory-correct`, `use npm for installs`]);
    const b = await maestroJson(repo, [`memory-correct`, `never use npm for installs`]);
    const c = await maestroJson(repo, [`memory-correct`, `keep configs small`, `--globs`, `config/*.yaml`]);

    const result = await maestro(repo, [`memory-lint`, `--json`]);

    assert.equal(healthy.code, 0);
    assert.equal(result.code, 1);
    const warnings = parseJson(result).warnings as Array<{category: string; entries: string[]}>;
    const of = (category: string) => warnings.filter(w => w.category === category).map(w => [...w.entries].sort());
    assert.deepEqual(of(`contradictory`), [[a.id, b.id].sort()]);
    assert.deepEqual(of(`unmatched-glob`), [[c.id]]);
    assert.equal(of(`stale`)[0]!.length, 3);
  });
});

describe(`maestro ratchet-check`, () => {
  const {initialised} = missionRepos();

  it(`passes clean code, fails a regression with exit 1 naming it, and tolerates it only after --update-baseline`, async () => {
    const repo = await initialised();
    const c = await maestroJson(repo, [`memory-correct`, `use bun not npm`, `--check`, `npm install`]);
    const clean = await maestro(repo, [`ratchet-check`]);
    writeFileSync(join(repo.dir, `setup.sh`), `npm install\n`);

    const regression = await maestro(repo, [`ratchet-check`]);
    const before = tip(repo);
    const update = await maestro(repo, [`ratchet-check`, `--update-baseline`]);
    const accepted = await maestro(repo, [`ratchet-check`]);

    assert.equal(clean.code, 0);
    assert.equal(regression.code, 1);
    assert.match(regression.stdout, new RegExp(`REGRESSION: ratchet-${c.id}`));
    assert.match(regression.stdout, /found 1 violation\(s\): setup\.sh/);
    assert.equal(update.code, 0);
    assert.notEqual(tip(repo), before);
    assert.match(repo.git([`log`, `-1`, `--format=%B`, `refs/maestro/main`]), /ratchet-check --update-baseline/);
    assert.equal(accepted.code, 0);
  });
});
