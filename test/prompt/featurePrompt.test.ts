import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';
import {readmeRepo} from './readmeMission.ts';

describe(`maestro feature prompt`, () => {
  let repo: GitRepo;
  let missionId: string;
  const tip = () => repo.git([`rev-parse`, `refs/maestro/main`]).trim();
  before(async () => ({repo, missionId} = await readmeRepo()));
  after(() => repo.cleanup());

  it(`writes the README's prompt to --out and stores it on the state ref`, async () => {
    const result = await runCli([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--out`, `worker-prompt.md`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    const written = fs.readFileSync(path.join(repo.dir, `worker-prompt.md`), `utf8`);
    assert.equal(repo.git([`show`, `refs/maestro/main:missions/${missionId}/workers/auth-impl/prompt.md`]), written);
    assert.equal(fs.readFileSync(path.join(repo.dir, `.maestro/missions/${missionId}/workers/auth-impl/prompt.md`), `utf8`), written);
    const sections = [`# Worker Assignment: Implement the auth flow`, `## Mission Context`, `## Milestone Context`, `### Phase Intent`, `## Feature Assignment`,
      `### Dependencies`, `### Verification Steps`, `### Related Assertions`, `## Skill Instructions`, `## Handoff Protocol`, `## Reply Contract`, `**Current Status:** pending`];
    const positions = sections.map(section => `\n${written}`.indexOf(`\n${section}\n`));
    assert.ok(positions.every(position => position >= 0), `missing: ${sections.filter((_, i) => positions[i]! < 0).join(`, `)}`);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    assert.match(written, /## Notes for Codex/);
    assert.match(written, new RegExp(`maestro feature update auth-impl --mission ${missionId} --status review --report`));
  });

  it(`prints the prompt with its line breaks between the markers, after where it was written`, async () => {
    const result = await runCli([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--out`, `worker-prompt.md`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^\\[ok\\] Worker prompt generated for: auth-impl\\n  Worker type: codex\\n  Written to: worker-prompt\\.md\\n  Written to: \\.maestro/missions/${missionId}/workers/auth-impl/prompt\\.md\\n\\n--- PROMPT BEGIN ---\\n\\n# Worker Assignment: Implement the auth flow\\n\\n\\*\\*Feature ID:\\*\\* auth-impl\\n`));
    assert.match(result.stdout, /\n\nWhen complete, use the Reply Contract above as the final handoff back to Maestro\.\n\n--- PROMPT END ---\n$/);
  });

  it(`makes no second commit when asked again and returns the stored prompt`, async () => {
    const before = tip();
    const stored = repo.git([`show`, `refs/maestro/main:missions/${missionId}/workers/auth-impl/prompt.md`]);

    const result = await runCli([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.equal(tip(), before);
    assert.equal(JSON.parse(result.stdout).prompt, stored);
  });

  it(`prints {prompt, featureId, workerType, writtenTo} with --json, --out first`, async () => {
    const result = await runCli([`feature`, `prompt`, `auth-plan`, `--mission`, missionId.slice(0, 12), `--out`, `plan-prompt.md`, `--json`], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    const view = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(view), [`featureId`, `prompt`, `workerType`, `writtenTo`]);
    assert.deepEqual([view.featureId, view.workerType, view.writtenTo], [`auth-plan`, `codex`, [`plan-prompt.md`, `.maestro/missions/${missionId}/workers/auth-plan/prompt.md`]]);
    assert.match(view.prompt, /^# Worker Assignment: Plan the auth flow\n/);
  });

  it(`commits a new prompt when the feature changed`, async () => {
    await runCli([`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`], {cwd: repo.dir});
    const before = tip();

    const result = await runCli([`feature`, `prompt`, `auth-impl`, `--mission`, missionId], {cwd: repo.dir});

    assert.equal(result.code, 0, result.stderr);
    assert.notEqual(tip(), before);
    assert.match(repo.git([`show`, `refs/maestro/main:missions/${missionId}/workers/auth-impl/prompt.md`]), /\*\*Current Status:\*\* in-progress\n/);
  });

  it(`refuses an unknown feature with exit 2 and leaves refs/maestro/main unchanged`, async () => {
    const before = tip();

    const result = await runCli([`feature`, `prompt`, `auth-nope`, `--mission`, missionId], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: feature auth-nope not found in mission ${missionId}; hint: list features with \`maestro feature list --mission ${missionId}\`\n`);
    assert.equal(tip(), before);
  });

  it(`refuses --out naming a directory with exit 2, writing nothing`, async () => {
    fs.mkdirSync(path.join(repo.dir, `prompts`));
    await runCli([`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`], {cwd: repo.dir});
    const before = tip();

    const result = await runCli([`feature`, `prompt`, `auth-plan`, `--mission`, missionId, `--out`, `prompts`], {cwd: repo.dir});

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --out prompts is a directory; hint: give a file path, such as --out worker-prompt.md\n`);
    assert.equal(tip(), before);
  });

  it(`writes --out relative to a subdirectory, creating missing directories`, async () => {
    const sub = path.join(repo.dir, `src`);
    fs.mkdirSync(sub);

    const result = await runCli([`feature`, `prompt`, `auth-impl`, `--mission`, missionId, `--out`, `out/p.md`], {cwd: sub});

    assert.equal(result.code, 0, result.stderr);
    assert.match(fs.readFileSync(path.join(sub, `out`, `p.md`), `utf8`), /^# Worker Assignment: Implement the auth flow\n/);
  });
});
