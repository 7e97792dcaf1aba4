import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, parseJson} from '../helpers/missions.ts';
import type {CliResult} from '../helpers/runCli.ts';

/** Creates an execute handoff with every required flag plus `extra`, and returns the command's result. */
export function createHandoff(repo: GitRepo, extra: string[] = [], env?: Record<string, string>): Promise<CliResult> {
  return maestro(repo, [
    `handoff`, `create`, `--mode`, `execute`, `--session-core`, `execute_auth_flow`, `--summary`, `Auth_flow_ready`, `--next-action`, `pick_up_auth_impl`,
    `--artifact`, `file_src_auth_ts`, `--read-more`, `file_src_auth_ts`, `--confidence-work`, `0.9`, ...extra,
  ], env ? {env} : {});
}

/** Creates a handoff and returns its record. */
export async function aHandoff(repo: GitRepo, extra: string[] = [], env?: Record<string, string>): Promise<any> {
  const result = await createHandoff(repo, [...extra, `--json`], env);
  if (result.code !== 0) throw new Error(`handoff create failed: ${result.stderr}`);
  return parseJson(result);
}

/** The state ref's commit id. */
export function tipOf(repo: GitRepo): string {
  return repo.git([`rev-parse`, `refs/maestro/main`]).trim();
}
