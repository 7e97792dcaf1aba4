import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {UkiContent} from '../../../lib/domain/ukiContent.ts';
import {decodeUki, validateUki} from '../../../lib/domain/ukiDecode.ts';
import {encodeUki} from '../../../lib/domain/ukiEncode.ts';
import {InputError} from '../../../lib/errors.ts';

// The byte-exact examples of reference-handoff §3.8 and of the README, with the content they carry.

const PLAN_UKI = `MODE-plan|CURRENT_STATE-plan_ready|SESSION_CORE-handoff_rebuild_plan|CAUSAL_DRIVERS-save_first_durability|DIVERGENCES-NONE|MAESTRO_REFS-mission_2026_04_09_001-plan_plan_md|PLAN_PATHS-plan_md|MAESTRO_SYNC-mission_created-mission_approved|DECISIONS-structured_json_source_of_truth-pickup_defaults_to_uki|SIGNAL_DELTA-mission_0_1-milestones_0_2|ARTIFACTS-mission_2026_04_09_001-file_plan_md|READ_MORE-plan_md|NEXT_ACTION-implement_canonical_model|CS-work_0.95~summary_0.9|SUMMARY-Handoff_plan_saved-mission_setup_complete-ready_to_execute`;
const PLAN: UkiContent = {
  mode: `plan`, currentState: `plan_ready`, sessionCore: `handoff_rebuild_plan`, causalDrivers: [`save_first_durability`], divergences: [],
  maestroRefs: {missionId: `2026_04_09_001`, planPath: `plan_md`}, planPaths: [`plan_md`], maestroSync: [`mission_created`, `mission_approved`],
  decisions: [`structured_json_source_of_truth`, `pickup_defaults_to_uki`], signalDelta: [`mission_0_1`, `milestones_0_2`],
  artifacts: [`mission_2026_04_09_001`, `file_plan_md`], readMore: [`plan_md`], nextAction: `implement_canonical_model`, cs: {work: 0.95, summary: 0.9},
  summary: `Handoff_plan_saved-mission_setup_complete-ready_to_execute`, boundaryState: [], risks: [],
};

const EXECUTE_UKI = `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-refactor_bug_hunt_fix|CAUSAL_DRIVERS-user_requested_swarm|DIVERGENCES-legacy_shape_drift|MAESTRO_REFS-mission_2026_04_09_001-feature_handoff_renderer-milestone_execute|DECISIONS-rank_then_implement-atomic_latest_claim-legacy_read_compat|SIGNAL_DELTA-tests_903_909-status_pending_visible-claim_path_atomic|TOUCHED_FILES-file_src_lib_uki_format_ts-file_src_handoff_store_adapter_ts|COMPLETED_WORK-structured_model_written-renderer_migrated|VALIDATION-build_green-unit_green-real_handoff_created|ARTIFACTS-commit_6fa0a8cc-branch_feat_handoff_rebuild-file_src_lib_uki_format_ts|READ_MORE-file_src_lib_uki_format_ts-file_tests_uki_handoff_roundtrip_ts|BOUNDARY_STATE-snapshot_local_edits_untouched|RISKS-green_tests_masked_contract_drift|BLIND_SPOT-green_tests_masked_contract_drift|METAPHOR-iceberg_below_green_suite|NEXT_ACTION-wire_cli_auto_collection|CS-work_0.96~summary_0.93|SUMMARY-Latent_refactors_fixed-verified_and_migrated-neighbor_edits_untouched`;
const EXECUTE: UkiContent = {
  mode: `execute`, currentState: `execute_in_progress`, sessionCore: `refactor_bug_hunt_fix`, causalDrivers: [`user_requested_swarm`], divergences: [`legacy_shape_drift`],
  maestroRefs: {missionId: `2026_04_09_001`, featureId: `handoff_renderer`, milestoneId: `execute`},
  decisions: [`rank_then_implement`, `atomic_latest_claim`, `legacy_read_compat`], signalDelta: [`tests_903_909`, `status_pending_visible`, `claim_path_atomic`],
  touchedFiles: [`file_src_lib_uki_format_ts`, `file_src_handoff_store_adapter_ts`], completedWork: [`structured_model_written`, `renderer_migrated`],
  validation: [`build_green`, `unit_green`, `real_handoff_created`], artifacts: [`commit_6fa0a8cc`, `branch_feat_handoff_rebuild`, `file_src_lib_uki_format_ts`],
  readMore: [`file_src_lib_uki_format_ts`, `file_tests_uki_handoff_roundtrip_ts`], boundaryState: [`snapshot_local_edits_untouched`],
  risks: [`green_tests_masked_contract_drift`], blindSpot: `green_tests_masked_contract_drift`, metaphor: `iceberg_below_green_suite`,
  nextAction: `wire_cli_auto_collection`, cs: {work: 0.96, summary: 0.93}, summary: `Latent_refactors_fixed-verified_and_migrated-neighbor_edits_untouched`,
};

/** The observed CLI handoff in a fresh repository (reference §3.8): no refs, no optional blocks. */
const FRESH_UKI = `MODE-execute|CURRENT_STATE-execute_in_progress|SESSION_CORE-execute_auth_flow|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|MAESTRO_REFS-NONE|DECISIONS-NONE|SIGNAL_DELTA-NONE|TOUCHED_FILES-file_gitignore-file_maestro|COMPLETED_WORK-auth_flow_scaffolded|VALIDATION-build_green|ARTIFACTS-branch_main-file_gitignore-file_maestro-file_src_auth_ts|READ_MORE-file_gitignore-file_maestro-file_src_auth_ts|BOUNDARY_STATE-NONE|RISKS-NONE|NEXT_ACTION-pick_up_auth_impl|CS-work_0.9|SUMMARY-Auth_flow_ready-handoff_created-low_risk`;
const FRESH: UkiContent = {
  mode: `execute`, currentState: `execute_in_progress`, sessionCore: `execute_auth_flow`, causalDrivers: [], divergences: [], maestroRefs: {}, decisions: [], signalDelta: [],
  touchedFiles: [`file_gitignore`, `file_maestro`], completedWork: [`auth_flow_scaffolded`], validation: [`build_green`],
  artifacts: [`branch_main`, `file_gitignore`, `file_maestro`, `file_src_auth_ts`], readMore: [`file_gitignore`, `file_maestro`, `file_src_auth_ts`],
  boundaryState: [], risks: [], nextAction: `pick_up_auth_impl`, cs: {work: 0.9}, summary: `Auth_flow_ready-handoff_created-low_risk`,
};

const ukiError = (pattern: RegExp) => (error: unknown) => error instanceof InputError && pattern.test(error.message);

describe(`encodeUki`, () => {
  it(`renders the plan fixture byte for byte`, () => {
    assert.equal(encodeUki(PLAN), PLAN_UKI);
  });

  it(`renders the execute fixture with BLIND_SPOT and METAPHOR byte for byte`, () => {
    assert.equal(encodeUki(EXECUTE), EXECUTE_UKI);
  });

  it(`renders empty lists and refs as NONE and leaves unset optional blocks out`, () => {
    assert.equal(encodeUki(FRESH), FRESH_UKI);
  });

  it(`formats confidence with at most two decimals and accepts values above 1`, () => {
    const uki = (cs: {work?: number; summary?: number}) => encodeUki({...FRESH, cs}).split(`|`).find(slot => slot.startsWith(`CS-`));

    assert.equal(uki({work: 1}), `CS-work_1`);
    assert.equal(uki({work: 1.234}), `CS-work_1.23`);
    assert.equal(uki({summary: 0.75}), `CS-summary_0.75`);
    assert.equal(uki({summary: 5}), `CS-summary_5`);
  });

  it(`trims values, keeps spaces inside them and accepts six-word tokens`, () => {
    const uki = encodeUki({...FRESH, sessionCore: `  execute auth flow `, decisions: [`one_two_three_four_five_six`]});

    assert.match(uki, /\|SESSION_CORE-execute auth flow\|/);
    assert.match(uki, /\|DECISIONS-one_two_three_four_five_six\|/);
  });

  it(`refuses what it cannot write, naming the block`, () => {
    assert.throws(() => encodeUki({...FRESH, sessionCore: `a:b`}), ukiError(/^uki: SESSION_CORE contains a forbidden character/));
    assert.throws(() => encodeUki({...FRESH, summary: `x`.repeat(140)}), ukiError(/^uki: SUMMARY exceeds the v5\.4 limit \(140 >= 140\)/));
    assert.throws(() => encodeUki({...FRESH, decisions: [`a_b_c_d_e_f_g`]}), ukiError(/^uki: DECISIONS token exceeds the word limit \(7 > 6\)/));
    assert.throws(() => encodeUki({...FRESH, decisions: [`auth-plan`]}), ukiError(/^uki: DECISIONS token "auth-plan" contains '-'/));
    assert.throws(() => encodeUki({...FRESH, maestroRefs: {featureId: `auth-plan`}}), ukiError(/^uki: MAESTRO_REFS token "feature_auth-plan" contains '-'/));
    assert.throws(() => encodeUki({...FRESH, readMore: []}), ukiError(/^uki: READ_MORE must contain at least one anchor/));
    assert.throws(() => encodeUki({...FRESH, artifacts: []}), ukiError(/^uki: ARTIFACTS must contain at least one anchor/));
    assert.throws(() => encodeUki({...FRESH, summary: `a--b`}), ukiError(/^uki: SUMMARY contains an empty sub-token/));
    assert.throws(() => encodeUki({...FRESH, cs: {}}), ukiError(/^uki: CS must have at least one of work or summary/));
    assert.throws(() => encodeUki({...FRESH, cs: {work: -0.5}}), ukiError(/^uki: CS produced an invalid value: work_-0\.5/));
  });
});

describe(`decodeUki`, () => {
  it(`reads the fixtures back into their exact content`, () => {
    assert.deepEqual(decodeUki(PLAN_UKI), {version: `5.4`, content: PLAN});
    assert.deepEqual(decodeUki(EXECUTE_UKI), {version: `5.4`, content: EXECUTE});
    assert.deepEqual(decodeUki(FRESH_UKI), {version: `5.4`, content: FRESH});
  });

  it(`reads a v5.3 string as execute content: merged decisions, file anchors, risk from the blind spot`, () => {
    const v53 = `SESSION_CORE-legacy_core|CAUSAL_DRIVERS-NONE|DIVERGENCES-drift_a|KEY_DECISIONS-keep_api|DECISION_BASIS-user_asked|SIGNAL_DELTA-NONE|VALIDATION_STATE-tests_green|EXECUTION_STATE-halfway|BOUNDARY_STATE-no_db|NEXT_ACTION-finish_it|ARTIFACTS-branch_main-file_src_lib_uki_format_ts|STANCE_COLLAPSE-none|BLIND_SPOT-sso_flow|CS-work_0.8|SUMMARY-Legacy_summary`;

    const decoded = decodeUki(v53);

    assert.deepEqual(decoded, {version: `5.3`, content: {
      mode: `execute`, currentState: `halfway`, sessionCore: `legacy_core`, causalDrivers: [], divergences: [`drift_a`], maestroRefs: {},
      decisions: [`keep_api`, `user_asked`], signalDelta: [], touchedFiles: [`file_src_lib_uki_format_ts`], completedWork: [`keep_api`],
      validation: [`tests_green`], artifacts: [`branch_main`, `file_src_lib_uki_format_ts`], readMore: [`file_src_lib_uki_format_ts`],
      boundaryState: [`no_db`], risks: [`sso_flow`], blindSpot: `sso_flow`, nextAction: `finish_it`, cs: {work: 0.8}, summary: `Legacy_summary`,
    }});
    assert.match(encodeUki(decoded.content), /\|READ_MORE-file_src_lib_uki_format_ts\|/);
  });

  it(`reads a v5.2 string: completed work from the signal delta, no validation or risks`, () => {
    const v52 = `SESSION_CORE-old_core|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|KEY_DECISIONS-split_store|SIGNAL_DELTA-handoffs_1_2|ARTIFACTS-branch_main-file_src_lib_uki_format_ts|EXECUTION_STATE-done|BOUNDARY_STATE-NONE|STANCE_COLLAPSE-firm|NEXT_ACTION-ship|CS-summary_0.5|SUMMARY-Old`;

    const {version, content} = decodeUki(v52);

    assert.equal(version, `5.2`);
    assert.deepEqual(content.readMore, [`file_src_lib_uki_format_ts`]);
    assert.deepEqual(content.mode === `execute` && content.completedWork, [`handoffs_1_2`]);
    assert.deepEqual([content.decisions, content.risks, content.mode === `execute` && content.validation], [[`split_store`], [], []]);
  });

  it(`falls back to the first artifacts, then to the next action, for READ_MORE of a legacy string`, () => {
    const v52 = (artifacts: string) => `SESSION_CORE-c|CAUSAL_DRIVERS-NONE|DIVERGENCES-NONE|KEY_DECISIONS-NONE|SIGNAL_DELTA-NONE|ARTIFACTS-${artifacts}|EXECUTION_STATE-s|BOUNDARY_STATE-NONE|STANCE_COLLAPSE-x|NEXT_ACTION-go_on|CS-work_1|SUMMARY-S`;

    assert.deepEqual(decodeUki(v52(`a-b-c-d`)).content.readMore, [`a`, `b`, `c`]);
    assert.deepEqual(decodeUki(v52(`NONE`)).content.readMore, [`go_on`]);
  });

  it(`refuses a string of no known layout`, () => {
    assert.throws(() => decodeUki(`MODE-execute|CURRENT_STATE-x`), ukiError(/^uki: unsupported UKI layout/));
    assert.throws(() => decodeUki(`hello`), ukiError(/^uki: unsupported UKI layout/));
  });
});

describe(`validateUki`, () => {
  it(`accepts the fixtures and refuses a colon, a long summary or a non-canonical string`, () => {
    assert.deepEqual([validateUki(PLAN_UKI), validateUki(EXECUTE_UKI)], [[], []]);
    assert.notDeepEqual(validateUki(FRESH_UKI.replace(`SESSION_CORE-execute_auth_flow`, `SESSION_CORE-execute:auth`)), []);
    assert.notDeepEqual(validateUki(FRESH_UKI.replace(`SUMMARY-Auth_flow_ready-handoff_created-low_risk`, `SUMMARY-${`s`.repeat(141)}`)), []);
    assert.deepEqual(validateUki(FRESH_UKI.replace(`CS-work_0.9`, `CS-work_0.90`)), [`uki validation failed the deterministic round trip of a v5.4 string`]);
  });
});
