import * as assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, parseJson, whatIsWritten} from '../helpers/missions.ts';

const NOTES = `refs/notes/maestro`;

function commitCode(repo: GitRepo, message: string): string {
  repo.git([`commit`, `--allow-empty`, `-q`, `-m`, message]);
  return repo.git([`rev-parse`, `HEAD`]).trim();
}

function notesTip(repo: GitRepo): string | null {
  const result = repo.tryGit([`rev-parse`, `--verify`, `--quiet`, NOTES]);
  return result.status === 0 ? result.stdout.trim() : null;
}

describe(`maestro feature update --commit and validate update --commit`, () => {
  const repos = missionRepos();

  it(`notes HEAD by default with one greppable line, and prints {commit, ref}`, async () => {
    const {repo, missionId} = await repos.withMission();
    const head = commitCode(repo, `plan the auth flow`);

    const view = await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);

    assert.deepEqual(view.note, {commit: head, ref: NOTES});
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]), `maestro: mission=${missionId} feature=auth-plan status=in-progress agent=test-agent at=${view.feature.updatedAt}\n`);
    assert.match(repo.git([`log`, `--notes=maestro`, `-1`]), /Notes \(maestro\):\n {4}maestro: mission=\S+ feature=auth-plan status=in-progress/);
  });

  it(`notes the commit --commit names, and none with --commit none`, async () => {
    const {repo, missionId} = await repos.withMission();
    const first = commitCode(repo, `one`);
    commitCode(repo, `two`);

    const named = await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--commit`, `HEAD~1`]);
    const tip = notesTip(repo);
    const skipped = await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `review`, `--commit`, `none`]);

    assert.deepEqual([named.note.commit, skipped.note], [first, null]);
    assert.equal(notesTip(repo), tip);
    assert.equal(repo.tryGit([`notes`, `--ref=maestro`, `show`, `HEAD`]).status, 1);
  });

  it(`refuses a --commit that names no commit with exit 2, writing neither state nor note`, async () => {
    const {repo, missionId} = await repos.withMission();
    commitCode(repo, `one`);
    const before = whatIsWritten(repo);

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`, `--commit`, `nope`]);

    assert.deepEqual([result.code, result.stderr], [2, `maestro: no commit "nope" in this repository; hint: check it with \`git rev-parse --verify nope\`\n`]);
    assert.deepEqual(whatIsWritten(repo), before);
    assert.equal(notesTip(repo), null);
  });

  it(`writes no note when the update is refused (exit 1)`, async () => {
    const {repo, missionId} = await repos.withMission();
    commitCode(repo, `one`);

    const result = await maestro(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `done`]);

    assert.equal(result.code, 1);
    assert.equal(notesTip(repo), null);
  });

  it(`updates a feature in a repository without any commit, with note null`, async () => {
    const {repo, missionId} = await repos.withMission();

    const view = await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    const trace = await maestro(repo, [`trace`]);

    assert.deepEqual([view.feature.status, view.note], [`in-progress`, null]);
    assert.equal(notesTip(repo), null);
    assert.deepEqual([trace.code, trace.stderr], [2, `maestro: HEAD has no commit yet; hint: commit first, then trace it\n`]);
  });

  it(`notes an assertion's result with its evidence and its feature`, async () => {
    const {repo, missionId} = await repos.withMission();
    commitCode(repo, `auth`);

    const view = await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test: 12 passed, 100%`]);

    assert.deepEqual(view.note, {commit: repo.git([`rev-parse`, `HEAD`]).trim(), ref: NOTES});
    assert.equal(repo.git([`notes`, `--ref=maestro`, `show`, `HEAD`]),
      `maestro: mission=${missionId} assertion=auth-login-works feature=auth-impl result=passed evidence=npm%20test:%2012%20passed,%20100%25 agent=test-agent at=${view.assertion.updatedAt}\n`);
  });
});

describe(`maestro trace and maestro feature show`, () => {
  const repos = missionRepos();

  it(`shows the links both ways: a commit's missions, features and assertions, and a feature's commits`, async () => {
    const {repo, missionId} = await repos.withMission();
    const planned = commitCode(repo, `plan`);
    await maestroJson(repo, [`feature`, `update`, `auth-plan`, `--mission`, missionId, `--status`, `in-progress`]);
    const built = commitCode(repo, `build`);
    await maestroJson(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`]);
    await maestroJson(repo, [`validate`, `update`, `auth-login-works`, `--mission`, missionId, `--result`, `passed`, `--evidence`, `npm test`]);
    repo.git([`notes`, `--ref=maestro`, `append`, `-m`, `reviewed by Ann`, built]);

    const trace = await maestroJson(repo, [`trace`, built.slice(0, 9)]);
    const human = await maestro(repo, [`trace`]);
    const impl = await maestroJson(repo, [`feature`, `show`, `auth-impl`, `--mission`, missionId]);
    const plan = await maestroJson(repo, [`feature`, `show`, `auth-plan`, `--mission`, missionId]);

    assert.equal(trace.commit, built);
    assert.deepEqual(trace.missions, [missionId]);
    assert.deepEqual(trace.links.map((link: {kind: string; feature: string; assertion?: string; status?: string; result?: string; evidence?: string}) => [link.kind, link.feature, link.assertion ?? link.status, link.result ?? null, link.evidence ?? null]),
      [[`feature`, `auth-impl`, `in-progress`, null, null], [`assertion`, `auth-impl`, `auth-login-works`, `passed`, `npm test`]]);
    assert.deepEqual(trace.otherLines, [`reviewed by Ann`]);
    assert.match(human.stdout, new RegExp(`^${built}  \\(refs/notes/maestro\\)\n  mission ${missionId}\n    feature auth-impl in-progress  by test-agent at \\S+\n    assertion auth-login-works passed \\(evidence: npm test\\)  by test-agent at \\S+\n  other lines:\n    reviewed by Ann\n$`));
    assert.deepEqual(impl.commits.map((c: {commit: string; links: unknown[]}) => [c.commit, c.links.length]), [[built, 2]]);
    assert.deepEqual(plan.commits.map((c: {commit: string; links: Array<{status: string}>}) => [c.commit, c.links.map(link => link.status)]), [[planned, [`in-progress`]]]);
  });

  it(`reads links git wrote in maestro's format, and prints a commit without a note as such`, async () => {
    const {repo, missionId} = await repos.withMission();
    const head = commitCode(repo, `by hand`);
    repo.git([`notes`, `--ref=maestro`, `add`, `-m`, `maestro: mission=${missionId} feature=auth-plan status=done agent=ann at=2026-01-01T00:00:00.000Z`, `HEAD`]);
    const bare = commitCode(repo, `unnoted`);

    const shown = await maestro(repo, [`feature`, `show`, `auth-plan`, `--mission`, missionId]);
    const trace = await maestro(repo, [`trace`, `HEAD`]);

    assert.match(shown.stdout, new RegExp(`\nCommits:\n  ${head.slice(0, 12)}  feature auth-plan done  by ann at 2026-01-01T00:00:00.000Z\n`));
    assert.deepEqual([trace.code, trace.stdout], [0, `${bare}  no note in refs/notes/maestro\n`]);
  });
});
