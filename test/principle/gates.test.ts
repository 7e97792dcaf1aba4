import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createHandoff} from '../handoff/handoffs.ts';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {refused} from '../helpers/missions.ts';

const GATE_FIELDS = [`--assumption`, `tokens expire`, `--scope-declaration`, `{"src/auth.ts":"login"}`, `--verification-result`, `npm test:passed`];
const RISK_GATE = [
  `principle`, `add`, `--id`, `name-risks`, `--name`, `Name the risks`, `--rule`, `List the risks you see`, `--profiles`, `implementation`,
  `--mode`, `gate`, `--gate-field`, `risks`, `--gate-check`, `array_min_length:1`,
];

describe(`principle gates on maestro handoff create`, () => {
  const {withMission} = missionRepos();

  it(`checks a gate added with principle add, naming it and the principle list that shows it`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, RISK_GATE);
    const before = whatIsWritten(repo);

    const result = await createHandoff(repo, [`--mission-id`, missionId, `--feature-id`, `auth-impl`, ...GATE_FIELDS]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: handoff rejected by 1 gate principle\(s\) of feature auth-impl \(implementation\): name-risks; hint: .*see the gates with `maestro principle list --profile implementation`\n {2}- \[x\] name-risks: field 'risks' failed check 'array_min_length:1'\n$/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`stops checking a removed gate`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, [`principle`, `remove`, `think-before-coding`]);

    const result = await createHandoff(repo, [`--mission-id`, missionId, `--feature-id`, `auth-impl`, ...GATE_FIELDS.slice(2), `--json`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(parseJson(result).featureId, `auth-impl`);
  });

  it(`records one pending outcome per gate passed, in the handoff's commit`, async () => {
    const {repo, missionId} = await withMission();

    const handoff = parseJson(await createHandoff(repo, [`--mission-id`, missionId, `--feature-id`, `auth-impl`, ...GATE_FIELDS, `--json`]));

    const changed = repo.git([`show`, `--name-only`, `--format=`, `refs/maestro/main`]).trim().split(`\n`).sort();
    assert.deepEqual(changed, [
      `handoffs/${handoff.id}.json`, ...[`goal-driven-execution`, `surgical-changes`, `think-before-coding`].map(id => `principles/outcomes/${handoff.id}.${id}.json`),
    ].sort());
    const outcome = JSON.parse(repo.git([`show`, `refs/maestro/main:principles/outcomes/${handoff.id}.surgical-changes.json`]));
    assert.deepEqual(outcome, {principleId: `surgical-changes`, handoffId: handoff.id, featureId: `auth-impl`, missionId, outcome: `pending`, recordedAt: handoff.createdAt, updatedAt: handoff.createdAt});
  });

  it(`records no outcome for a handoff without --feature-id`, async () => {
    const {repo} = await withMission();

    assert.equal((await createHandoff(repo)).code, 0);

    assert.equal(repo.git([`ls-tree`, `-r`, `--name-only`, `refs/maestro/main`]).includes(`principles/`), false);
  });
});

describe(`maestro principle effectiveness`, () => {
  const {initialised, withMission} = missionRepos();

  it(`counts the pending outcomes with --all, and its alias stats prints the same`, async () => {
    const {repo, missionId} = await withMission();
    await createHandoff(repo, [`--mission-id`, missionId, `--feature-id`, `auth-impl`, ...GATE_FIELDS]);
    await createHandoff(repo, [`--mission-id`, missionId, `--feature-id`, `auth-plan`, `--assumption`, `one`]);

    const rows = await maestroJson(repo, [`principle`, `effectiveness`, `--all`]);
    const stats = await maestroJson(repo, [`principle`, `stats`, `--all`]);
    const text = await maestro(repo, [`principle`, `stats`, `--all`]);

    assert.deepEqual(rows, stats);
    assert.deepEqual(rows.map((r: {principleId: string; pending: number}) => [r.principleId, r.pending]), [[`think-before-coding`, 2], [`goal-driven-execution`, 1], [`surgical-changes`, 1]]);
    assert.deepEqual(rows[0], {principleId: `think-before-coding`, name: `Think before coding`, helpful: 0, unhelpful: 0, pending: 2, total: 2, lowSample: true});
    assert.match(text.stdout, /^3 principle\(s\)\n\nthink-before-coding {6} n\/a {2}helpful 0, unhelpful 0, pending 2 {2}\(low sample\)\n/);
  });

  it(`rates judged outcomes and hides low samples without --all`, async () => {
    const repo = await initialised();
    for (const [i, outcome] of [`helpful`, `helpful`, `unhelpful`].entries()) {
      const record = {principleId: `surgical-changes`, handoffId: `h${i}`, outcome, recordedAt: `2026-11-25T10:00:00.000Z`, updatedAt: `2026-11-25T10:00:00.000Z`};
      await maestro(repo, [`state`, `put`, `principles/outcomes/h${i}.surgical-changes.json`, JSON.stringify(record)]);
    }
    await maestro(repo, [`state`, `put`, `principles/outcomes/h9.simplicity-first.json`, JSON.stringify({principleId: `simplicity-first`, handoffId: `h9`, outcome: `helpful`, recordedAt: `2026-11-25T10:00:00.000Z`, updatedAt: `2026-11-25T10:00:00.000Z`})]);

    const result = await maestro(repo, [`principle`, `effectiveness`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `1 principle(s)\n\nsurgical-changes          67%  helpful 2, unhelpful 1, pending 0\n`);
  });

  it(`says there is nothing yet, with the --all hint on stderr`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`principle`, `effectiveness`]);

    assert.equal(result.code, 0);
    assert.equal(result.stdout, `No principles with recorded outcomes yet.\n`);
    assert.equal(result.stderr, `hint: run \`maestro principle effectiveness --all\` to include low-sample entries\n`);
  });

  it(`refuses an unknown flag with exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`principle`, `effectiveness`, `--worst`], 2, /^maestro: Unsupported option name \("--worst"\) \(run `maestro principle effectiveness --help`\)\n$/);
  });
});

describe(`principles in the worker prompt`, () => {
  const {withMission} = missionRepos();

  it(`lists the principles of the milestone's profile under Behavioral Principles, added ones included, removed ones left out`, async () => {
    const {repo, missionId} = await withMission();
    await maestro(repo, RISK_GATE);
    await maestro(repo, [`principle`, `remove`, `simplicity-first`]);

    const implement = (await maestroJson(repo, [`feature`, `prompt`, `auth-impl`, `--mission`, missionId])).prompt as string;
    const plan = (await maestroJson(repo, [`feature`, `prompt`, `auth-plan`, `--mission`, missionId])).prompt as string;

    const section = (prompt: string) => prompt.slice(prompt.indexOf(`## Behavioral Principles`), prompt.indexOf(`## Skill Instructions`)).trim().split(`\n`).slice(2);
    assert.deepEqual(section(implement), [
      `<!-- Principles for the implementation profile. A GATE is checked when you create a handoff. -->`, ``,
      `- **[GATE]** Think before coding: State your assumptions before you change code.`, `  _Required handoff field:_ \`assumptions\` (array_min_length:1)`,
      `- **[GATE]** Surgical changes: Declare the scope you touch and stay inside it.`, `  _Required handoff field:_ \`scopeDeclaration\` (object_non_empty)`,
      `- **[GATE]** Goal-driven execution: Verify the goal is met before you hand off.`, `  _Required handoff field:_ \`verificationResults\` (array_all_passed)`,
      `- **[GATE]** Name the risks: List the risks you see`, `  _Required handoff field:_ \`risks\` (array_min_length:1)`,
    ]);
    assert.deepEqual(section(plan).slice(2), [`- **[GATE]** Think before coding: State your assumptions before you change code.`, `  _Required handoff field:_ \`assumptions\` (array_min_length:1)`]);
  });
});
