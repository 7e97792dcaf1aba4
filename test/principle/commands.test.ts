import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonicalJson} from '../../lib/canonicalJson.ts';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {lastCommitBody, maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {refused} from '../helpers/missions.ts';

const DEFAULT_IDS = [`think-before-coding`, `simplicity-first`, `surgical-changes`, `goal-driven-execution`];
const ADVISORY = [`principle`, `add`, `--id`, `small-diffs`, `--name`, `Small diffs`, `--rule`, `Keep each change small`, `--mode`, `advisory`];

describe(`maestro principle list`, () => {
  const {initialised} = missionRepos();

  it(`prints the four defaults as the original's rows, gates with their field and check`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`principle`, `list`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.split(`\n`).slice(0, 5).join(`\n`), [
      `4 principle(s)`, ``,
      `[GATE] think-before-coding      Think before coding      (planning, implementation)`,
      `       gate: assumptions -> array_min_length:1`,
      `[adv]  simplicity-first         Simplicity first         (implementation, simplify, code-review)`,
    ].join(`\n`));
  });

  it(`keeps those of one profile with --profile, as a JSON array of principles`, async () => {
    const repo = await initialised();

    const validation = await maestroJson(repo, [`principle`, `list`, `--profile`, `validation`]);
    const custom = await maestro(repo, [`principle`, `list`, `--profile`, `custom`]);

    assert.deepEqual(validation, [{id: `goal-driven-execution`, name: `Goal-driven execution`, source: `karpathy`, rule: `Verify the goal is met before you hand off.`, profiles: [`implementation`, `validation`], mode: `gate`, gateField: `verificationResults`, gateCheck: `array_all_passed`}]);
    assert.equal(custom.stdout, `No principles found\n`);
  });

  it(`refuses an unknown profile with exit 2, naming the profiles`, async () => {
    const repo = await initialised();

    await refused(repo, [`principle`, `list`, `--profile`, `testing`], 2, /^maestro: --profile "testing" is not a principle profile; hint: use one of: planning, plan-review, implementation, code-review, bug-hunt, simplify, validation, custom\n$/);
  });

  it(`refuses every principle command before maestro init, exit 1, creating no ref`, async () => {
    const repo = makeGitRepo();

    const results = await Promise.all([[`list`], [`remove`, `simplicity-first`], [`effectiveness`], [...ADVISORY.slice(1), `--profiles`, `simplify`]]
      .map(argv => maestro(repo, [`principle`, ...argv])));

    for (const result of results) {
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^maestro: maestro is not initialised in .*; hint: run `maestro init`\n$/);
    }
    assert.equal(repo.tryGit([`rev-parse`, `--verify`, `refs/maestro/main`]).status, 128);
    repo.cleanup();
  });
});

describe(`maestro principle add`, () => {
  const {initialised} = missionRepos();

  it(`stores an advisory principle as principles/<id>.json in one commit, taking --profiles a b as the original`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [...ADVISORY, `--profiles`, `implementation`, `simplify`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `[ok] Principle created: small-diffs\n  Name: Small diffs\n  Mode: advisory\n  Profiles: implementation, simplify\n`);
    const stored = repo.git([`show`, `refs/maestro/main:principles/small-diffs.json`]);
    assert.equal(stored, canonicalJson(JSON.parse(stored)));
    assert.deepEqual(JSON.parse(stored).profiles, [`implementation`, `simplify`]);
    assert.equal(JSON.parse(stored).source, `custom`);
    assert.equal(JSON.parse(stored).updatedBy, `test-agent`);
    assert.match(lastCommitBody(repo), /Maestro-Agent: test-agent\nMaestro-Session: test-session/);
    assert.deepEqual((await maestroJson(repo, [`principle`, `list`])).map((p: {id: string}) => p.id), [...DEFAULT_IDS, `small-diffs`]);
  });

  it(`stores a gate with comma-separated or repeated profiles and prints it as JSON`, async () => {
    const repo = await initialised();

    const gate = await maestroJson(repo, [
      `principle`, `add`, `--id`, `name-risks`, `--name`, `Name the risks`, `--rule`, `List the risks`, `--profiles`, `implementation,code-review`, `--profiles`, `bug-hunt`,
      `--mode`, `gate`, `--gate-field`, `risks`, `--gate-check`, `array_min_length:1`, `--source`, `karpathy`,
    ]);

    assert.deepEqual(gate, {id: `name-risks`, name: `Name the risks`, source: `karpathy`, rule: `List the risks`, profiles: [`implementation`, `code-review`, `bug-hunt`], mode: `gate`, gateField: `risks`, gateCheck: `array_min_length:1`});
  });

  it(`refuses an id in force (a default too) with exit 1 and writes nothing`, async () => {
    const repo = await initialised();
    await maestro(repo, [...ADVISORY, `--profiles`, `implementation`]);

    await refused(repo, [...ADVISORY, `--profiles`, `simplify`], 1, /^maestro: principle small-diffs already exists; hint: use a different --id, or remove it first with `maestro principle remove small-diffs`\n$/);
    await refused(repo, [`principle`, `add`, `--id`, `simplicity-first`, `--name`, `n`, `--rule`, `r`, `--profiles`, `simplify`, `--mode`, `advisory`], 1, /^maestro: principle simplicity-first already exists/);
  });

  it(`refuses a gate without its field and check, exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`principle`, `add`, `--id`, `x`, `--name`, `n`, `--rule`, `r`, `--profiles`, `implementation`, `--mode`, `gate`], 2, /^maestro: invalid principle: gate-mode principles require --gate-field and --gate-check; hint: see `maestro principle add --help`\n$/);
  });

  it(`lists every problem of bad input at once, exit 2, nothing written`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`principle`, `add`, `--id`, `Bad`, `--name`, `n`, `--rule`, `r`, `--profiles`, `testing`, `--mode`, `strict`, `--gate-check`, `array_min_length:x`]);
    const missing = await maestro(repo, [`principle`, `add`, `--id`, `x`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: 4 problems in the principle; hint: see `maestro principle add --help`\n {2}- --id "Bad" must be lower-case/);
    assert.match(result.stderr, /\n {2}- --profiles "testing" is not a milestone profile/);
    assert.match(result.stderr, /\n {2}- --mode "strict" is not advisory or gate\n/);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^maestro: 4 problems in the principle; hint: see `maestro principle add --help`\n {2}- --name is required\n {2}- --rule is required\n {2}- --mode is required\n {2}- --profiles is required\n$/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`refuses a stray word that is not a profile, exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [...ADVISORY, `--profiles`, `implementation`, `later`], 2, /^maestro: invalid principle: --profiles "later" is not a milestone profile/);
  });
});

describe(`maestro principle remove`, () => {
  const {initialised} = missionRepos();

  it(`takes a default out of force by a unique prefix, keeping its file stamped removedAt`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`principle`, `remove`, `simp`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `[ok] Principle removed: simplicity-first\n`);
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:principles/simplicity-first.json`]));
    assert.equal(typeof stored.removedAt, `string`);
    assert.deepEqual((await maestroJson(repo, [`principle`, `list`])).map((p: {id: string}) => p.id), [`think-before-coding`, `surgical-changes`, `goal-driven-execution`]);
  });

  it(`prints {id, removed} with --json, and the id can be added again`, async () => {
    const repo = await initialised();
    await maestro(repo, [...ADVISORY, `--profiles`, `implementation`]);

    const removed = await maestroJson(repo, [`principle`, `remove`, `small-diffs`]);
    const again = await maestro(repo, [...ADVISORY, `--profiles`, `simplify`]);

    assert.deepEqual(removed, {id: `small-diffs`, removed: true});
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(repo.git([`show`, `refs/maestro/main:principles/small-diffs.json`])).removedAt, undefined);
  });

  it(`refuses an unknown, an already removed or an ambiguous id with exit 2`, async () => {
    const repo = await initialised();
    await maestro(repo, [`principle`, `remove`, `simplicity-first`]);
    await maestro(repo, [...ADVISORY, `--profiles`, `implementation`]);

    await refused(repo, [`principle`, `remove`, `nothing`], 2, /^maestro: principle nothing not found; hint: list principles with `maestro principle list`\n$/);
    await refused(repo, [`principle`, `remove`, `simplicity-first`], 2, /^maestro: principle simplicity-first not found/);
    await refused(repo, [`principle`, `remove`, `s`], 2, /^maestro: principle "s" is ambiguous: it matches surgical-changes, small-diffs; hint: give more characters of the id\n$/);
  });

  it(`prints a JSON error on stderr and nothing on stdout with --json`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`principle`, `remove`, `nothing`, `--json`]);

    assert.equal(result.code, 2);
    assert.equal(result.stdout, ``);
    assert.equal(parseJson({...result, stdout: result.stderr}).error.code, `E_NOT_FOUND`);
  });
});
