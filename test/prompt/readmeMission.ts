import * as fs from 'node:fs';
import * as path from 'node:path';
import {makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';
import {runCli} from '../helpers/runCli.ts';

/** The plan of the README's quick start (`workerType: codex`), with feature fields overridable. */
export function readmePlan(workerType = `codex`): object {
  return {
    title: `Add authentication`,
    description: `Ship the first authentication slice`,
    milestones: [
      {id: `plan`, title: `Planning`, description: `Define the implementation approach`, order: 0, kind: `work`, profile: `planning`},
      {id: `implement`, title: `Implementation`, description: `Build and verify the feature`, order: 1, kind: `work`, profile: `implementation`},
    ],
    features: [
      {id: `auth-plan`, milestoneId: `plan`, title: `Plan the auth flow`, description: `Define the login shape, risks, and acceptance criteria`, workerType, verificationSteps: [`Review the proposed flow with the team`]},
      {id: `auth-impl`, milestoneId: `implement`, title: `Implement the auth flow`, description: `Build the first working authentication slice`, workerType,
        dependsOn: [`auth-plan`], verificationSteps: [`Run build`, `Run targeted tests`, `Verify the login flow manually`], fulfills: [`auth-login-works`]},
    ],
  };
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
