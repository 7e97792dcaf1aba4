import * as fs from 'node:fs';
import * as path from 'node:path';
import {readmePlan as readmeFixturePlan} from '../../scripts/fixtures/readmePlan.mjs';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

/** The plan of the README's quick start, with another worker type when asked. */
export function readmePlan(workerType = `codex`): object {
  const plan = readmeFixturePlan();
  for (const feature of plan.features) feature.workerType = workerType;
  return plan;
}

/** Creates and approves a mission from `plan` as the README does; returns its id. */
export async function createMission(repo: GitRepo, plan: object = readmePlan()): Promise<string> {
  fs.writeFileSync(path.join(repo.dir, `plan.json`), JSON.stringify(plan));
  const created = await runCli([`mission`, `create`, `--file`, `plan.json`, `--json`], {cwd: repo.dir});
  if (created.code !== 0) throw new Error(created.stderr);
  const id = (JSON.parse(created.stdout) as {mission: {id: string}}).mission.id;
  await runCli([`mission`, `approve`, id], {cwd: repo.dir});
  return id;
}

/** A fresh repository after `maestro init` and the README's mission. */
export async function readmeRepo(plan?: object): Promise<{repo: GitRepo; missionId: string}> {
  const repo = makeGitRepo();
  await runCli([`init`], {cwd: repo.dir});
  return {repo, missionId: await createMission(repo, plan)};
}
