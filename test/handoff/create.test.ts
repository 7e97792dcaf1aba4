import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {describe, it} from 'node:test';
import {canonicalJson} from '../../lib/canonicalJson.ts';
import {lastCommitBody, maestro, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';
import {createHandoff} from './handoffs.ts';

const create = createHandoff;
const slot = (uki: string, name: string) => uki.split(`|`).find(part => part.startsWith(`${name}-`));

describe(`maestro handoff create`, () => {
  const {initialised, withMission} = missionRepos();

  it(`stores a pending handoff as canonical JSON in one commit and prints its id and UKI string`, async () => {
    const repo = await initialised();

    const result = await create(repo, [], {MAESTRO_AGENT: `claude-code`, MAESTRO_SESSION: `s-42`});

    assert.equal(result.code, 0, result.stderr);
    const [, id] = /^\[ok\] Handoff created: (\S+)\n {2}Mode: execute\n {2}Agent: claude-code\n {2}Session: s-42\n {2}Status: pending\n\nUKI v5\.4 string:\nMODE-execute\|.*\n$/.exec(result.stdout) ?? [];
    assert.match(id!, /^\d{4}-\d{2}-\d{2}-[0-9a-z]{7,}$/);
    const stored = repo.git([`show`, `refs/maestro/main:handoffs/${id}.json`]);
    assert.equal(stored, canonicalJson(JSON.parse(stored)));
    assert.deepEqual(JSON.parse(stored).status, `pending`);
    assert.match(lastCommitBody(repo), /Maestro-Agent: claude-code/);
    assert.equal(repo.git([`log`, `-1`, `--format=%s`, `refs/maestro/main`]).trim().startsWith(`maestro handoff create --mode execute`), true);
  });

  it(`prints the full record with --json, and maestro status lists it as pending`, async () => {
    const repo = await initialised();

    const handoff = parseJson(await create(repo, [`--to`, `codex`, `--json`]));
    const status = parseJson(await maestro(repo, [`status`, `--json`]));

    assert.deepEqual([handoff.status, handoff.version, handoff.agent, handoff.to, handoff.mode, handoff.summary, handoff.nextAction], [`pending`, `5.4`, `test-agent`, `codex`, `execute`, `Auth_flow_ready`, `pick_up_auth_impl`]);
    assert.equal(handoff.createdAt, handoff.timestamp);
    assert.deepEqual([handoff.session, handoff.sessionId], [`test-session`, `test-session`]);
    assert.deepEqual(status.pendingHandoffs, [{id: handoff.id, agent: `test-agent`, to: `codex`, createdAt: handoff.createdAt}]);
  });

  it(`prints only the string with --uki, and an instruction line, a blank line and the string with --paste`, async () => {
    const repo = await initialised();

    const uki = await create(repo, [`--uki`]);
    const paste = await create(repo, [`--paste`, `--json`]);

    assert.match(uki.stdout, /^MODE-execute\|[^\n]*\n$/);
    assert.deepEqual(paste.stdout.split(`\n\n`), [`Use the following UKI as the canonical handoff packet. Interpret each block literally and continue from NEXT_ACTION.`, uki.stdout]);
  });

  it(`collects the branch and every changed file from git, the first one whole and deep ones shortened`, async () => {
    const repo = await initialised();
    fs.mkdirSync(path.join(repo.dir, `src/features/handoff/adapters`), {recursive: true});
    fs.writeFileSync(path.join(repo.dir, `src/auth.ts`), `a\n`);
    fs.writeFileSync(path.join(repo.dir, `src/features/handoff/adapters/handoff-store.adapter.ts`), `b\n`);
    repo.git([`add`, `.`]);
    repo.git([`commit`, `-q`, `-m`, `code`]);
    repo.git([`checkout`, `-q`, `-b`, `feat/handoff-clean`]);
    fs.writeFileSync(path.join(repo.dir, `src/auth.ts`), `changed\n`);
    fs.writeFileSync(path.join(repo.dir, `src/features/handoff/adapters/handoff-store.adapter.ts`), `changed\n`);

    const {uki} = parseJson(await create(repo, [`--json`]));

    assert.equal(slot(uki, `TOUCHED_FILES`), `TOUCHED_FILES-file_src_auth_ts-file_adapters_handoff_store_adapter_ts`);
    assert.equal(slot(uki, `ARTIFACTS`), `ARTIFACTS-branch_feat_handoff_clean-file_src_auth_ts-file_adapters_handoff_store_adapter_ts`);
    assert.equal(slot(uki, `READ_MORE`), `READ_MORE-file_src_auth_ts-file_adapters_handoff_store_adapter_ts`);
  });

  it(`puts PLAN.md into the plan paths and READ_MORE of a plan handoff`, async () => {
    const repo = await initialised();
    fs.writeFileSync(path.join(repo.dir, `PLAN.md`), `# plan\n`);

    const result = await maestro(repo, [`handoff`, `create`, `--mode`, `plan`, `--session-core`, `plan`, `--summary`, `S`, `--next-action`, `n`, `--confidence-summary`, `0.8`, `--uki`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(slot(result.stdout, `PLAN_PATHS`), `PLAN_PATHS-plan_md`);
    assert.equal(slot(result.stdout, `READ_MORE`), `READ_MORE-plan_md`);
    assert.equal(slot(result.stdout, `ARTIFACTS`), `ARTIFACTS-file_plan_md`);
  });

  it(`turns free text into tokens and paths into file anchors`, async () => {
    const repo = await initialised();

    const {uki, content} = parseJson(await create(repo, [`--decision`, `keep pickup clear`, `--decision`, `auth-plan: done`, `--touched-file`, `src/auth.ts`, `--blind-spot`, `the SSO flow`, `--json`]));

    assert.equal(slot(uki, `DECISIONS`), `DECISIONS-keep_pickup_clear-auth_plan_done`);
    assert.equal(slot(uki, `TOUCHED_FILES`), `TOUCHED_FILES-file_src_auth_ts`);
    assert.deepEqual([content.blindSpot, content.risks], [`the_SSO_flow`, [`the_SSO_flow`]]);
  });

  it(`refuses a token it cannot shorten without losing words, suggesting the split, and writes nothing`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await create(repo, [`--decision`, `use the new token store for all sessions now`]);

    assert.equal(result.code, 2);
    assert.equal(result.stderr, `maestro: --decision "use the new token store for all sessions now" has 9 words; a token holds at most 6; hint: use --decision use_the_new_token_store_for --decision all_sessions_now\n`);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`lists every problem of bad input at once, exit 2`, async () => {
    const repo = await initialised();
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`handoff`, `create`, `--mode`, `review`, `--confidence-work`, `abc`, `--verification-result`, `:passed`, `--scope-declaration`, `{"a":1}`]);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /^maestro: 7 problems in the handoff; hint: fix them and run maestro handoff create again\n/);
    for (const problem of [`--mode "review" is not a handoff mode`, `--session-core is required`, `--summary is required`, `--next-action is required`, `--confidence-work "abc" is not a finite number`, `--verification-result ":passed" is not <step>:passed`, `--scope-declaration values must be strings`])
      assert.ok(result.stderr.includes(`  - ${problem}`), problem);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`asks for a confidence score and for the mode`, async () => {
    const repo = await initialised();

    const noConfidence = await maestro(repo, [`handoff`, `create`, `--mode`, `execute`, `--session-core`, `c`, `--summary`, `s`, `--next-action`, `n`]);
    const noMode = await maestro(repo, [`handoff`, `create`, `--session-core`, `c`, `--summary`, `s`, `--next-action`, `n`, `--confidence-work`, `1`]);

    assert.deepEqual([noConfidence.code, noMode.code], [2, 2]);
    assert.match(noConfidence.stderr, /^maestro: at least one of --confidence-work or --confidence-summary is required/);
    assert.match(noMode.stderr, /^maestro: --mode is required; hint: use --mode plan or --mode execute\n$/);
  });

  it(`links the active mission without gates when no --feature-id is given`, async () => {
    const {repo, missionId} = await withMission();
    assert.equal((await maestro(repo, [`mission`, `approve`, missionId])).code, 0);
    const token = missionId.replace(/-/g, `_`);

    const handoff = parseJson(await create(repo, [`--json`]));

    assert.equal(handoff.missionId, missionId);
    assert.equal(handoff.featureId, undefined);
    assert.equal(slot(handoff.uki, `MAESTRO_REFS`), `MAESTRO_REFS-mission_${token}`);
    assert.equal(slot(handoff.uki, `ARTIFACTS`), `ARTIFACTS-mission_${token}-file_src_auth_ts`);
  });

  it(`refuses a feature-linked handoff that misses the gates of its profile, exit 1, naming each gate`, async () => {
    const {repo, missionId} = await withMission();
    const before = whatIsWritten(repo);

    const result = await create(repo, [`--mission-id`, missionId, `--feature-id`, `auth-impl`]);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /^maestro: handoff rejected by 3 gate principle\(s\) of feature auth-impl \(implementation\): think-before-coding, surgical-changes, goal-driven-execution; hint: add the required fields via --assumption/);
    assert.match(result.stderr, /\n {2}- \[x\] surgical-changes: field 'scopeDeclaration' failed check 'object_non_empty'\n/);
    assert.deepEqual(whatIsWritten(repo), before);
  });

  it(`links a feature whose id has a dash once its gates pass, by a mission prefix`, async () => {
    const {repo, missionId} = await withMission();

    const result = await create(repo, [`--mission-id`, missionId.slice(0, 13), `--feature-id`, `auth-impl`, `--assumption`, `tokens expire`, `--scope-declaration`, `{"src/auth.ts":"login"}`, `--verification-result`, `npm test:passed`, `--json`]);

    assert.equal(result.code, 0, result.stderr);
    const handoff = parseJson(result);
    assert.deepEqual([handoff.missionId, handoff.featureId], [missionId, `auth-impl`]);
    assert.equal(slot(handoff.uki, `MAESTRO_REFS`), `MAESTRO_REFS-mission_${missionId.replace(/-/g, `_`)}-feature_auth_impl`);
    assert.deepEqual(handoff.content.verificationResults, [{step: `npm test`, passed: true}]);
  });

  it(`refuses an unknown feature or a feature without a mission, exit 2`, async () => {
    const {repo, missionId} = await withMission();
    const fresh = await initialised();

    const unknown = await create(repo, [`--mission-id`, missionId, `--feature-id`, `auth-nope`]);
    const noMission = await create(fresh, [`--feature-id`, `auth-impl`]);

    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, `maestro: feature auth-nope not found in mission ${missionId}; hint: list features with \`maestro feature list --mission ${missionId}\`\n`);
    assert.equal(noMission.code, 2);
    assert.match(noMission.stderr, /^maestro: --feature-id auth-impl needs a mission, and none is active/);
  });
});
