import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';
import {createMission, readmePlan, readmeRepo} from './readmeMission.ts';

async function prompt(repo: GitRepo, missionId: string, featureId = `auth-impl`, cwd = repo.dir): Promise<string> {
  const result = await runCli([`feature`, `prompt`, featureId, `--mission`, missionId, `--json`], {cwd});
  assert.equal(result.code, 0, result.stderr);
  return (JSON.parse(result.stdout) as {prompt: string}).prompt;
}

function writeFile(repo: GitRepo, relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo.dir, relative)), {recursive: true});
  fs.writeFileSync(path.join(repo.dir, relative), text);
}

describe(`maestro feature prompt: skills, memory and prior handoffs`, () => {
  let repo: GitRepo;
  let missionId: string;
  before(async () => ({repo, missionId} = await readmeRepo()));
  after(() => repo.cleanup());

  it(`uses a workspace skill in .maestro/skills over the shipped one, even from a subdirectory`, async () => {
    writeFile(repo, `.maestro/skills/codex/SKILL.md`, `# House codex rules\n\nAlways run make check.\n`);
    fs.mkdirSync(path.join(repo.dir, `pkg`), {recursive: true});

    const text = await prompt(repo, missionId, `auth-impl`, path.join(repo.dir, `pkg`));

    assert.match(text, /<!-- BEGIN SKILL -->\n\n# House codex rules\n\nAlways run make check\.\n\n<!-- END SKILL -->/);
    assert.ok(!text.includes(`## Notes for Codex`));
    fs.rmSync(path.join(repo.dir, `.maestro/skills`), {recursive: true});
  });

  it(`uses skills/built-in/<type>/SKILL.md, for the handoff protocol too`, async () => {
    writeFile(repo, `skills/built-in/maestro:worker-base/SKILL.md`, `Hand off with our own protocol.\n`);

    const text = await prompt(repo, missionId);

    assert.match(text, /<!-- BEGIN HANDOFF PROTOCOL -->\n\nHand off with our own protocol\.\n\n<!-- END HANDOFF PROTOCOL -->/);
    fs.rmSync(path.join(repo.dir, `skills`), {recursive: true});
  });

  it(`gives an unknown worker type the generic skill instead of failing`, async () => {
    const other = await createMission(repo, readmePlan(`aider`));

    const text = await prompt(repo, other);

    assert.match(text, /\*\*Worker Type:\*\* aider\n/);
    assert.match(text, /<!-- BEGIN SKILL -->\n\n# Maestro worker\n/);
    assert.ok(!text.includes(`## Notes for`));
  });

  it(`adds the compiled memory under ## Relevant Memory, sanitised`, async () => {
    await runCli([`state`, `put`, `memory/compiled.md`, `# Guidance\n- **[HARD]** use argon2 for <passwords>\n`], {cwd: repo.dir});

    const text = await prompt(repo, missionId);

    assert.match(text, /## Relevant Memory\n\n<!-- .* -->\n<!-- .* -->\n\n<memory-guidance>\n\\# Guidance\n\\- \*\*\[HARD\]\*\* use argon2 for &lt;passwords&gt;\n<\/memory-guidance>\n/);
    assert.ok(text.indexOf(`## Relevant Memory`) < text.indexOf(`## Skill Instructions`));
  });

  it(`replays this feature's handoffs of this mission, newest first, under ## Prior Session Replay`, async () => {
    const put = (id: string, record: object) => runCli([`state`, `put`, `handoffs/${id}.json`, JSON.stringify({id, mode: `execute`, summary: `summary of ${id}`, ...record})], {cwd: repo.dir});
    await put(`h-old`, {createdAt: `2026-01-01T00:00:00.000Z`, featureId: `auth-impl`, missionId, content: {mode: `execute`, risks: [`token_expiry_untested`]}});
    await put(`h-new`, {createdAt: `2026-02-01T00:00:00.000Z`, maestroRefs: {featureId: `auth-impl`, missionId: missionId.replace(/-/g, `_`)}, blindSpot: `no_e2e`, completedWork: [`login_form`], nextAction: `wire_session_store`});
    await put(`h-elsewhere`, {createdAt: `2026-03-01T00:00:00.000Z`, featureId: `auth-impl`, missionId: `another-mission`});
    await put(`h-sibling`, {createdAt: `2026-03-01T00:00:00.000Z`, featureId: `auth-plan`, missionId});

    const text = await prompt(repo, missionId);

    const replay = text.slice(text.indexOf(`## Prior Session Replay`), text.indexOf(`## Skill Instructions`));
    assert.deepEqual(replay.match(/### Session \S+/g), [`### Session h-new`, `### Session h-old`]);
    assert.match(replay, /### Session h-new \(execute, 2026-02-01T00:00:00\.000Z\)\n\n\*\*Summary:\*\* summary of h-new\n\*\*Next action:\*\* wire_session_store\n\*\*Blind spot:\*\* no_e2e\n\*\*Completed work:\*\*\n- login_form\n/);
    assert.match(replay, /\*\*Risks:\*\*\n- token_expiry_untested\n/);
  });

  it(`skips stored handoffs that are not JSON objects`, async () => {
    await runCli([`state`, `put`, `handoffs/broken.md`, `not a handoff`], {cwd: repo.dir});
    await runCli([`state`, `put`, `handoffs/odd.json`, `[1, 2]`], {cwd: repo.dir});

    const text = await prompt(repo, missionId);

    assert.match(text, /### Session h-new/);
  });
});
