import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maestro, missionRepos, parseJson} from '../helpers/missions.ts';

// The README's handoff examples (maestro-readme.txt, "Quick Start" step 5 and "Handoffs"), typed as
// shown, on a fresh `git init` repository after `maestro init`.

const README_UKI = `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-handoff_real_example|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|MAESTRO_REFS-NONE|DECISIONS-preserve_pickup_clarity|SIGNAL_DELTA-NONE|TOUCHED_FILES-file_src_auth_ts|COMPLETED_WORK-auth_flow_scaffolded|VALIDATION-compiled_cli_green|ARTIFACTS-file_src_auth_ts|READ_MORE-file_src_auth_ts|BOUNDARY_STATE-NONE|RISKS-green_tests_masked_contract_drift|BLIND_SPOT-green_tests_masked_contract_drift|METAPHOR-baton_pass_snapshot|NEXT_ACTION-pick_up_auth_impl|CS-work_0.9|SUMMARY-Handoff_real_example-ready-low_risk`;

/** "If you want only the raw UKI string …", without its `--uki`. */
const README_CREATE = [
  `handoff`, `create`, `--mode`, `execute`, `--session-core`, `handoff_real_example`, `--summary`, `Handoff_real_example-ready-low_risk`,
  `--next-action`, `pick_up_auth_impl`, `--decision`, `preserve_pickup_clarity`, `--touched-file`, `file_src_auth_ts`, `--completed`, `auth_flow_scaffolded`,
  `--validation`, `compiled_cli_green`, `--artifact`, `file_src_auth_ts`, `--read-more`, `file_src_auth_ts`, `--blind-spot`, `green_tests_masked_contract_drift`,
  `--metaphor`, `baton_pass_snapshot`, `--confidence-work`, `0.9`,
];

/** Quick Start step 5. */
const QUICK_START_CREATE = [
  `handoff`, `create`, `--mode`, `execute`, `--session-core`, `execute_auth_flow`, `--summary`, `Auth_flow_ready-handoff_created-low_risk`,
  `--next-action`, `pick_up_auth_impl`, `--artifact`, `file_src_auth_ts`, `--read-more`, `file_src_auth_ts`, `--completed`, `auth_flow_scaffolded`,
  `--validation`, `build_green`, `--confidence-work`, `0.9`,
];

describe(`the README's handoff examples`, () => {
  const {initialised, withMission} = missionRepos();

  it(`prints the README's raw UKI string byte for byte with --uki`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, [...README_CREATE, `--uki`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${README_UKI}\n`);
  });

  it(`prints the README's create output for codex, with the UKI string on one line`, async () => {
    const repo = await initialised();

    const result = await maestro(repo, README_CREATE, {env: {MAESTRO_AGENT: `codex`, MAESTRO_SESSION: `019d72f5-e4e3-7db3-a693-f7dc34c7d126`}});

    assert.equal(result.stdout.replace(/^(\[ok\] Handoff created: )\S+/, `$12026-04-09-001`), [
      `[ok] Handoff created: 2026-04-09-001`, `  Mode: execute`, `  Agent: codex`, `  Session: 019d72f5-e4e3-7db3-a693-f7dc34c7d126`, `  Status: pending`,
      ``, `UKI v5.4 string:`, README_UKI, ``,
    ].join(`\n`));
  });

  it(`picks it up as the README shows: raw, then pasted`, async () => {
    const repo = await initialised();
    await maestro(repo, README_CREATE);

    const pickup = await maestro(repo, [`handoff`, `pickup`]);
    const paste = await maestro(repo, [`handoff`, `pickup`, `--paste`]);

    assert.equal(pickup.stdout, `${README_UKI}\n`);
    assert.equal(paste.stdout, `Use the following UKI as the canonical handoff packet. Interpret each block literally and continue from NEXT_ACTION.\n\n${README_UKI}\n`);
  });

  it(`runs Quick Start step 5 right after mission approve on the README's two-feature mission`, async () => {
    const {repo, missionId} = await withMission();
    assert.equal((await maestro(repo, [`mission`, `approve`, missionId])).code, 0);

    const created = await maestro(repo, QUICK_START_CREATE);
    const list = await maestro(repo, [`handoff`, `list`]);
    const pickup = await maestro(repo, [`handoff`, `pickup`]);
    const json = await maestro(repo, [`handoff`, `pickup`, `--json`]);
    const claim = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`]);

    assert.deepEqual([created.code, list.code, pickup.code, json.code, claim.code], [0, 0, 0, 0, 0], `${created.stderr}${claim.stderr}`);
    const token = missionId.replace(/-/g, `_`);
    assert.equal(pickup.stdout, `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-execute_auth_flow|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|MAESTRO_REFS-mission_${token}|DECISIONS-NONE|SIGNAL_DELTA-NONE|TOUCHED_FILES-NONE|COMPLETED_WORK-auth_flow_scaffolded|VALIDATION-build_green|ARTIFACTS-mission_${token}-file_src_auth_ts|READ_MORE-file_src_auth_ts|BOUNDARY_STATE-NONE|RISKS-NONE|NEXT_ACTION-pick_up_auth_impl|CS-work_0.9|SUMMARY-Auth_flow_ready-handoff_created-low_risk\n`);
    assert.equal(parseJson(json).status, `pending`);
    assert.equal(claim.stdout, pickup.stdout);
    assert.equal(parseJson(await maestro(repo, [`handoff`, `list`, `--json`]))[0].pickedUpBy, `codex`);
  });

  it(`runs the typical handoff loop`, async () => {
    const repo = await initialised();

    const created = await maestro(repo, [
      `handoff`, `create`, `--mode`, `execute`, `--session-core`, `execute_auth_flow`, `--summary`, `Auth_flow_ready-handoff_created-low_risk`, `--next-action`, `pick_up_auth_impl`,
      `--decision`, `preserve_pickup_clarity`, `--validation`, `cli_example_green`, `--artifact`, `file_src_auth_ts`, `--read-more`, `file_src_auth_ts`, `--confidence-work`, `0.9`, `--uki`,
    ]);
    const claim = await maestro(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`]);

    assert.equal(created.stdout, `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-execute_auth_flow|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|MAESTRO_REFS-NONE|DECISIONS-preserve_pickup_clarity|SIGNAL_DELTA-NONE|TOUCHED_FILES-NONE|COMPLETED_WORK-NONE|VALIDATION-cli_example_green|ARTIFACTS-file_src_auth_ts|READ_MORE-file_src_auth_ts|BOUNDARY_STATE-NONE|RISKS-NONE|NEXT_ACTION-pick_up_auth_impl|CS-work_0.9|SUMMARY-Auth_flow_ready-handoff_created-low_risk\n`);
    assert.deepEqual([claim.code, claim.stdout], [0, created.stdout]);
  });
});
