import {buildSnapshot} from '../../lib/missionControl/buildSnapshot.ts';
import type {MissionControlSnapshot} from '../../lib/missionControl/missionControlSnapshot.ts';
import {Workspace} from '../../lib/workspace.ts';
import {bigPlan} from '../../scripts/fixtures/bigPlan.mjs';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {createMission, maestro, missionRepos, parseJson} from '../helpers/missions.ts';

export const ENV = {MAESTRO_AGENT: `test-agent`, MAESTRO_SESSION: `test-session`, MAESTRO_NO_GC: `1`};

/** Runs a maestro command that must succeed, as `agent`. */
export async function ok(repo: GitRepo, argv: string[], agent = `test-agent`): Promise<string> {
  const result = await maestro(repo, argv, {env: {MAESTRO_AGENT: agent}});
  if (result.code !== 0) throw new Error(`maestro ${argv.join(` `)} failed (exit ${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** The snapshot of a repository, read in-process (what `mission-control --json` prints). */
export function snapshotOf(repo: GitRepo, missionId?: string): Promise<MissionControlSnapshot> {
  return buildSnapshot(new Workspace({cwd: repo.dir, env: ENV}), missionId === undefined ? {} : {missionId});
}

/**
 * The README mission at work: approved, auth-impl started by codex, a handoff linked to auth-impl
 * claimed by codex, a checkpoint, and one open and one resolved conflict written as sync would.
 */
export async function busyReadmeRepo(repos: ReturnType<typeof missionRepos>): Promise<{repo: GitRepo; missionId: string; handoffId: string}> {
  const {repo, missionId} = await repos.withMission();
  await ok(repo, [`mission`, `approve`, missionId], `human`);
  await ok(repo, [`feature`, `update`, `auth-impl`, `--mission`, missionId, `--status`, `in-progress`], `codex`);
  const handoff = parseJson(await maestro(repo, [
    `handoff`, `create`, `--mode`, `execute`, `--session-core`, `auth_flow`, `--summary`, `Auth_flow_half_done`, `--next-action`, `finish_login`,
    `--confidence-work`, `0.8`, `--read-more`, `file_src_auth_ts`, `--mission-id`, missionId, `--feature-id`, `auth-impl`, `--assumption`, `tokens expire`,
    `--scope-declaration`, `{"src/auth.ts":"login"}`, `--verification-result`, `npm test:passed`, `--to`, `codex`, `--json`,
  ], {env: {MAESTRO_AGENT: `claude-code`}}));
  await ok(repo, [`handoff`, `pickup`, `--claim`, `--agent`, `codex`, `--id`, handoff.id], `codex`);
  await ok(repo, [`checkpoint`, `save`, `--mission`, missionId, `--name`, `half way`]);
  await ok(repo, [`state`, `put`, `conflicts/c-resolved.json`, JSON.stringify(aConflict(`c-resolved`, missionId, {status: `resolved`, resolvedAt: `2026-11-25T10:05:00.000Z`, resolvedBy: `human`, resolution: `other`}))]);
  await ok(repo, [`state`, `put`, `conflicts/c-open.json`, JSON.stringify(aConflict(`c-open`, missionId))]);
  return {repo, missionId, handoffId: handoff.id};
}

/** A conflict record as lib/domain/conflict.ts defines it. */
export function aConflict(id: string, missionId: string, with_: Record<string, unknown> = {}): Record<string, unknown> {
  const side = (value: string, agent: string) => ({value, commit: `a`.repeat(40), agent, updatedAt: `2026-11-25T10:00:00.000Z`});
  return {
    id, kind: `field`, path: `missions/${missionId}/features/auth-plan.json`, field: `title`, base: `Plan the auth flow`,
    kept: side(`Plan the login flow`, `gemini`), other: side(`Plan auth`, `codex`), rule: `later updatedAt`, status: `open`,
    createdAt: `2026-11-25T10:00:00.000Z`, ...with_,
  };
}

/** A repository with the 2,000-feature mission of scripts/fixtures/bigPlan.mjs, approved. */
export async function bigRepo(repos: ReturnType<typeof missionRepos>): Promise<{repo: GitRepo; missionId: string}> {
  const repo = await repos.initialised();
  const missionId = await createMission(repo, `${JSON.stringify(bigPlan())}\n`);
  await ok(repo, [`mission`, `approve`, missionId]);
  return {repo, missionId};
}
