import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {decodeUki} from '../../lib/domain/ukiDecode.ts';
import {lastCommitBody, maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {aHandoff, tipOf} from './handoffs.ts';

const PREAMBLE = `Use the following UKI as the canonical handoff packet. Interpret each block literally and continue from NEXT_ACTION.`;

describe(`maestro handoff pickup`, () => {
  const {initialised} = missionRepos();

  it(`prints the newest pending handoff as its raw UKI string and changes nothing`, async () => {
    const repo = await initialised();
    await aHandoff(repo, [`--summary`, `Older`]);
    const newest = await aHandoff(repo, [`--summary`, `Newer`]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`handoff`, `pickup`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${newest.uki}\n`);
    assert.deepEqual(decodeUki(result.stdout.trim()).content, newest.content);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`prints the record with --json, the paste packet with --paste, and takes any unique id prefix`, async () => {
    const repo = await initialised();
    const first = await aHandoff(repo, [`--summary`, `First`]);
    await aHandoff(repo, [`--summary`, `Second`]);

    const json = parseJson(await maestro(repo, [`handoff`, `pickup`, `--id`, first.id, `--json`]));
    const paste = await maestro(repo, [`handoff`, `pickup`, `--paste`, `--id`, first.id.slice(0, first.id.length - 1)]);

    assert.deepEqual(json, first);
    assert.deepEqual(paste.stdout.split(`\n\n`), [PREAMBLE, `${first.uki}\n`]);
  });

  it(`skips handoffs meant for another agent when --agent is given`, async () => {
    const repo = await initialised();
    const open = await aHandoff(repo, [`--summary`, `Anyone`]);
    const forCodex = await aHandoff(repo, [`--summary`, `Codex_only`, `--to`, `codex`]);

    const gemini = parseJson(await maestro(repo, [`handoff`, `pickup`, `--agent`, `gemini`, `--json`]));
    const codex = parseJson(await maestro(repo, [`handoff`, `pickup`, `--agent`, `codex`, `--json`]));

    assert.deepEqual([gemini.id, codex.id], [open.id, forCodex.id]);
  });

  it(`refuses with exit 1 when nothing is pending, and exit 2 for an unknown id or two output formats`, async () => {
    const repo = await initialised();

    const none = await maestro(repo, [`handoff`, `pickup`]);
    const unknown = await maestro(repo, [`handoff`, `pickup`, `--id`, `2026-01-01-zzz`]);
    const both = await maestro(repo, [`handoff`, `pickup`, `--uki`, `--paste`]);

    assert.deepEqual([none.code, unknown.code, both.code], [1, 2, 2]);
    assert.equal(none.stderr, `maestro: no pending handoffs to pick up; hint: list them with \`maestro handoff list\`, or create one with \`maestro handoff create\`\n`);
    assert.equal(unknown.stderr, `maestro: handoff 2026-01-01-zzz not found; hint: list handoffs with \`maestro handoff list\`\n`);
    assert.match(both.stderr, /^maestro: --uki and --paste are mutually exclusive/);
  });
});

describe(`maestro handoff pickup --claim`, () => {
  const {initialised} = missionRepos();

  it(`moves the handoff to picked-up for the agent named, in one commit by that agent`, async () => {
    const repo = await initialised();
    const created = await aHandoff(repo);

    const result = await maestro(repo, [`handoff`, `pickup`, `--json`, `--claim`, `--agent`, `codex`]);

    assert.equal(result.code, 0, result.stderr);
    const claimed = parseJson(result);
    assert.deepEqual([claimed.id, claimed.status, claimed.pickedUpBy, claimed.claimedBy], [created.id, `picked-up`, `codex`, `codex`]);
    assert.equal(claimed.pickedUpAt, claimed.claimedAt);
    assert.equal(result.stderr, `maestro: claimed ${created.id} for codex\n`);
    assert.match(lastCommitBody(repo), /Maestro-Agent: codex/);
    assert.equal(parseJson(await maestro(repo, [`handoff`, `show`, created.id, `--json`])).status, `picked-up`);
  });

  it(`refuses a second claimer with exit 1 naming the winner, and writes nothing`, async () => {
    const repo = await initialised();
    const {id} = await aHandoff(repo);
    await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`, `--id`, id]);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `gemini`, `--id`, id]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`^maestro: handoff ${id} was already claimed by codex at \\S+; hint: pick up another one with \`maestro handoff pickup --claim --agent gemini\`\\n$`));
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`lets the winner claim again without a new commit`, async () => {
    const repo = await initialised();
    const {id} = await aHandoff(repo);
    await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`]);
    const tip = tipOf(repo);

    const again = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`, `--id`, id]);

    assert.equal(again.code, 0);
    assert.equal(again.stderr, `maestro: ${id} is already claimed by codex; nothing changed\n`);
    assert.equal(tipOf(repo), tip);
  });

  it(`refuses to claim a handoff meant for another agent, and claims as the acting agent without --agent`, async () => {
    const repo = await initialised();
    const {id} = await aHandoff(repo, [`--to`, `codex`]);
    const tip = tipOf(repo);

    const wrong = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `gemini`, `--id`, id]);
    const tipAfterRefusal = tipOf(repo);
    const asCodex = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--json`], {env: {MAESTRO_AGENT: `codex`}});

    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, new RegExp(`^maestro: handoff ${id} is for codex; gemini cannot claim it`));
    assert.equal(tipAfterRefusal, tip);
    assert.equal(parseJson(asCodex).claimedBy, `codex`);
  });
});

describe(`maestro handoff complete`, () => {
  const {initialised} = missionRepos();

  it(`completes a picked-up handoff with who, when and the report`, async () => {
    const repo = await initialised();
    const {id} = await aHandoff(repo);
    await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`]);

    const result = await maestro(repo, [`handoff`, `complete`, id.slice(0, 14), `--report`, `login shipped`, `--agent`, `codex`, `--json`]);

    assert.equal(result.code, 0, result.stderr);
    const done = parseJson(result);
    assert.deepEqual([done.status, done.completedBy, done.report, done.pickedUpBy], [`completed`, `codex`, `login shipped`, `codex`]);
    assert.match(done.completedAt, /^\d{4}-\d{2}-\d{2}T/);
  });

  it(`refuses a pending handoff with exit 1 and writes nothing; a second completion changes nothing`, async () => {
    const repo = await initialised();
    const {id} = await aHandoff(repo);
    const before = whatIsWritten(repo);

    const pending = await maestro(repo, [`handoff`, `complete`, id]);
    const afterRefusal = whatIsWritten(repo);
    await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`]);
    await maestro(repo, [`handoff`, `complete`, id]);
    const tip = tipOf(repo);
    const again = await maestro(repo, [`handoff`, `complete`, id]);

    assert.equal(pending.code, 1);
    assert.equal(pending.stderr, `maestro: handoff ${id} is pending; it is completed after it is picked up; hint: claim it first: \`maestro handoff pickup --claim --agent test-agent --id ${id}\`\n`);
    assert.deepEqual(afterRefusal, before);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /is already completed; nothing changed/);
    assert.equal(tipOf(repo), tip);
  });

  it(`refuses an unknown id with exit 2`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [`handoff`, `complete`, `nope`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: handoff nope not found/);
  });
});
