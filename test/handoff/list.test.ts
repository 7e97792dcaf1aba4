import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createMission, maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {aHandoff} from './handoffs.ts';

describe(`maestro handoff list`, () => {
  const {initialised} = missionRepos();

  it(`says so when there are none`, async () => {
    const repo = await initialised();

    const [human, json] = [await maestro(repo, [`handoff`, `list`]), await maestro(repo, [`handoff`, `list`, `--json`])];

    assert.equal(human.stdout, `No handoffs found\n`);
    assert.equal(json.stdout, `[]\n`);
  });

  it(`lists the handoffs newest first, with status, mode, summary and target`, async () => {
    const repo = await initialised();
    const older = await aHandoff(repo, [`--summary`, `Older`]);
    const newer = await aHandoff(repo, [`--summary`, `Newer`, `--to`, `codex`]);

    const result = await maestro(repo, [`handoff`, `list`]);

    assert.equal(result.stdout, `2 handoff(s)\n\n${newer.id}  pending     execute  Newer  -> codex\n${older.id}  pending     execute  Older\n`);
  });

  it(`filters by status and prints full records with --json`, async () => {
    const repo = await initialised();
    const claimed = await aHandoff(repo, [`--summary`, `Claimed`]);
    await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`, `--id`, claimed.id]);
    const pending = await aHandoff(repo, [`--summary`, `Waiting`]);

    const list = parseJson(await maestro(repo, [`handoff`, `list`, `--status`, `pending`, `--json`]));

    assert.deepEqual(list, [pending]);
  });

  it(`refuses an unknown status with exit 2`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`handoff`, `list`, `--status`, `done`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --status "done" is not a handoff status; hint: use one of: pending, picked-up, completed\n`);
  });

  it(`skips a file that is not a handoff with a warning naming it`, async () => {
    const repo = await initialised();
    const handoff = await aHandoff(repo);
    await maestro(repo, [`state`, `put`, `handoffs/h-demo.json`, `{"id":"h-demo","status":"pending","agent":"codex"}`]);

    const result = await maestro(repo, [`handoff`, `list`, `--json`]);

    assert.equal(result.code, 0);
    assert.deepEqual(parseJson(result).map((h: {id: string}) => h.id), [handoff.id]);
    assert.match(result.stderr, /^maestro: warning: skipped handoffs\/h-demo\.json: content: missing or of the wrong type\n$/);
  });
});

describe(`maestro handoff show`, () => {
  const {initialised} = missionRepos();

  it(`shows one handoff by a unique prefix, with its UKI string last`, async () => {
    const repo = await initialised();
    const handoff = await aHandoff(repo, [`--to`, `codex`]);

    const result = await maestro(repo, [`handoff`, `show`, handoff.id.slice(0, 15)]);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Handoff ${handoff.id}\\n  Mode: execute\\n  Agent: test-agent\\n  Session: test-session\\n  Status: pending\\n  For: codex\\n`));
    assert.ok(result.stdout.endsWith(`\nUKI v5.4 string:\n${handoff.uki}\n`));
  });

  it(`refuses an ambiguous prefix or a path with exit 2`, async () => {
    const repo = await initialised();
    await aHandoff(repo);
    await aHandoff(repo);

    const ambiguous = await maestro(repo, [`handoff`, `show`, `20`]);
    const traversal = await maestro(repo, [`handoff`, `show`, `../missions`]);

    assert.deepEqual([ambiguous.code, traversal.code], [2, 2]);
    assert.match(ambiguous.stderr, /^maestro: handoff "20" is ambiguous: it matches /);
    assert.match(traversal.stderr, /^maestro: "\.\.\/missions" is not a handoff id/);
  });

  it(`refuses a handoff file that fails its schema with exit 1, naming the file`, async () => {
    const repo = await initialised();
    await maestro(repo, [`state`, `put`, `handoffs/h-demo.json`, `{"id":"h-demo","status":"pending"}`]);

    const result = await maestro(repo, [`handoff`, `show`, `h-demo`]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: handoffs\/h-demo\.json: content: missing or of the wrong type; hint: see it with `git show refs\/maestro\/main:handoffs\/h-demo\.json`\n$/);
  });
});

describe(`maestro handoff replay`, () => {
  const {withMission} = missionRepos();
  const gates = [`--assumption`, `tokens expire`, `--scope-declaration`, `{"src/auth.ts":"login"}`, `--verification-result`, `npm test:passed`];

  it(`replays the newest three handoffs of the feature that carry anything, never another mission's`, async () => {
    const {repo, missionId} = await withMission();
    const otherMission = await createMission(repo);
    const linked = (mission: string, extra: string[]) => aHandoff(repo, [`--mission-id`, mission, `--feature-id`, `auth-impl`, ...gates, ...extra]);
    await linked(missionId, [`--risk`, `oldest_risk`]);
    const kept = [await linked(missionId, [`--risk`, `token_expiry`]), await linked(missionId, [`--divergence`, `kept_sessions`]), await linked(missionId, [`--completed`, `login_form`])];
    await linked(otherMission, [`--risk`, `other_mission`]);

    const view = parseJson(await maestro(repo, [`handoff`, `replay`, `--mission`, missionId, `--feature`, `auth-impl`, `--json`]));
    const human = await maestro(repo, [`handoff`, `replay`, `--mission`, missionId, `--feature`, `auth-impl`]);

    assert.deepEqual(view.handoffs.map((h: {handoffId: string}) => h.handoffId), kept.map(h => h.id).reverse());
    assert.deepEqual(view.handoffs[2].risks, [`token_expiry`]);
    assert.deepEqual(view.handoffs[0].assumptions, [`tokens expire`]);
    assert.match(human.stdout, /^## Prior Session Replay\n\n<!--/);
    assert.match(human.stdout, /\*\*Verification results:\*\*\n- \[PASS\] npm test\n/);
    assert.ok(!human.stdout.includes(`other_mission`) && !human.stdout.includes(`oldest_risk`));
  });

  it(`says when there is nothing to replay, and refuses an unknown feature with exit 2`, async () => {
    const {repo, missionId} = await withMission();
    const before = whatIsWritten(repo);

    const empty = await maestro(repo, [`handoff`, `replay`, `--mission`, missionId, `--feature`, `auth-plan`]);
    const unknown = await maestro(repo, [`handoff`, `replay`, `--mission`, missionId, `--feature`, `nope`]);

    assert.equal(empty.stdout, `No prior handoffs to replay for feature auth-plan in mission ${missionId}\n`);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^maestro: feature nope not found in mission/);
    assert.deepEqual(whatIsWritten(repo), before);
  });
});
