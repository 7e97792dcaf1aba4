import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileAnchor, normalizeAnchor, normalizeListToken, normalizePlanPath, normalizeSingle, normalizeUkiToken, prefixedToken, tokenWords} from '../../../lib/domain/ukiTokens.ts';

describe(`normalizeUkiToken`, () => {
  it(`turns paths, branches and ids into tokens as the original does`, () => {
    const table: Array<[string, string]> = [
      [`src/auth.ts`, `src_auth_ts`], [`.gitignore`, `gitignore`], [`.maestro/`, `maestro`], [`feat/handoff-clean`, `feat_handoff_clean`],
      [`PLAN.md`, `plan_md`], [`2026-04-09-001`, `2026_04_09_001`], [`  `, `unknown`],
    ];

    assert.deepEqual(table.map(([input]) => normalizeUkiToken(input)), table.map(([, output]) => output));
  });
});

describe(`anchors that always fit six words`, () => {
  it(`keeps the last five words of a deep path after file_`, () => {
    const anchor = fileAnchor(`src/features/handoff/adapters/handoff-store.adapter.ts`);

    assert.equal(anchor, `file_adapters_handoff_store_adapter_ts`);
    assert.equal(tokenWords(anchor), 6);
  });

  it(`runs the words of a long id together after the fourth, so a ref token keeps them all`, () => {
    assert.equal(prefixedToken(`feature`, `auth-impl`), `feature_auth_impl`);
    assert.equal(prefixedToken(`feature`, `add-login-form-and-session-store`), `feature_add_login_form_and_sessionstore`);
    assert.equal(prefixedToken(`mission`, `2026-11-25-0x3ka9f`), `mission_2026_11_25_0x3ka9f`);
  });
});

describe(`normalizeListToken`, () => {
  it(`joins the words of free text with _ and keeps a token as it is`, () => {
    assert.deepEqual(normalizeListToken(`keep pickup clear`), {ok: true, value: `keep_pickup_clear`});
    assert.deepEqual(normalizeListToken(`auth-plan: done!`), {ok: true, value: `auth_plan_done`});
    assert.deepEqual(normalizeListToken(`Preserve_JWT_v2.1`), {ok: true, value: `Preserve_JWT_v2.1`});
  });

  it(`refuses more than six words, suggesting the split into tokens`, () => {
    assert.deepEqual(normalizeListToken(`use the new token store for all sessions now`), {
      ok: false, problem: `has 9 words; a token holds at most 6`, suggestion: `use_the_new_token_store_for all_sessions_now`,
    });
  });

  it(`refuses text with no letters or digits`, () => {
    assert.deepEqual(normalizeListToken(`:*|`), {ok: false, problem: `has no letters or digits`});
  });
});

describe(`normalizeSingle`, () => {
  it(`keeps - as the sub-token separator and splits a long part into parts of six words`, () => {
    assert.deepEqual(normalizeSingle(`Auth_flow_ready-handoff_created-low_risk`), {ok: true, value: `Auth_flow_ready-handoff_created-low_risk`});
    assert.deepEqual(normalizeSingle(`Auth flow ready - low risk`), {ok: true, value: `Auth_flow_ready-low_risk`});
    assert.deepEqual(normalizeSingle(`the login works end to end with tokens and refresh`), {ok: true, value: `the_login_works_end_to_end-with_tokens_and_refresh`});
  });

  it(`refuses a value over the length limit, suggesting it cut at a word`, () => {
    const result = normalizeSingle(`word `.repeat(40), {maxLength: 140});

    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.suggestion!.length < 140 && /^word(_word)*(-word(_word)*)*$/.test(result.suggestion!));
  });
});

describe(`normalizeAnchor and normalizePlanPath`, () => {
  it(`makes a file_ anchor of a path and shortens a deep one, never refusing it`, () => {
    assert.deepEqual(normalizeAnchor(`src/auth.ts`), {ok: true, value: `file_src_auth_ts`});
    assert.deepEqual(normalizeAnchor(`README.md`), {ok: true, value: `file_readme_md`});
    assert.deepEqual(normalizeAnchor(`file_src_features_handoff_adapters_store_ts`), {ok: true, value: `file_features_handoff_adapters_store_ts`});
    assert.deepEqual(normalizeAnchor(`commit_6fa0a8cc`), {ok: true, value: `commit_6fa0a8cc`});
  });

  it(`normalises a plan path as the original does PLAN.md`, () => {
    assert.deepEqual(normalizePlanPath(`PLAN.md`), {ok: true, value: `plan_md`});
    assert.deepEqual(normalizePlanPath(`plan_md`), {ok: true, value: `plan_md`});
  });
});
