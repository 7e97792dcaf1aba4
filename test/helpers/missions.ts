import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after} from 'node:test';
import type {Assertion} from '../../lib/domain/assertion.ts';
import type {Feature} from '../../lib/domain/feature.ts';
import type {Milestone, Mission} from '../../lib/domain/mission.ts';
import type {MissionPlan} from '../../lib/domain/plan.ts';
import {README_PLAN_TEXT} from '../../scripts/fixtures/readmePlan.mjs';
import {makeGitRepo, type GitRepo} from './gitRepo.ts';
import {runCli, type CliResult} from './runCli.ts';


export {README_PLAN_TEXT};

/** A fresh copy of the README's plan, to change before writing it. */
export function readmePlan(): MissionPlan {
  return JSON.parse(README_PLAN_TEXT) as MissionPlan;
}

/** The README's plan as JSON text, after `change` edits a copy of it (any shape: invalid plans too). */
export function planJson(change: (plan: MissionPlan & Record<string, unknown>) => unknown = () => undefined): string {
  const plan = readmePlan() as MissionPlan & Record<string, unknown>;
  const replaced = change(plan);
  return `${JSON.stringify(replaced === undefined ? plan : replaced, null, 2)}\n`;
}

/** Runs maestro in-process in the repository. */
export function maestro(repo: GitRepo, argv: string[], options: {stdin?: string; env?: Record<string, string>} = {}): Promise<CliResult> {
  return runCli(argv, {cwd: repo.dir, ...options});
}

/** Parses a `--json` output, failing the test with the output when it is not one JSON document. */
export function parseJson<T = any>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}): ${result.stdout}${result.stderr}`);
  }
}

/** What a refused or invalid command must leave alone: the state ref and every file of `.maestro/`. */
export interface Written {
  tip: string;
  mirror: Record<string, string>;
}

export function whatIsWritten(repo: GitRepo): Written {
  const mirror: Record<string, string> = {};
  const root = path.join(repo.dir, `.maestro`);
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else mirror[path.relative(root, file)] = fs.readFileSync(file, `utf8`);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return {tip: repo.git([`rev-parse`, `refs/maestro/main`]).trim(), mirror};
}

/** The last state commit's message body (trailers included). */
export function lastCommitBody(repo: GitRepo): string {
  return repo.git([`log`, `-1`, `--format=%b`, `refs/maestro/main`]);
}

/**
 * Repositories for one test file, removed after it: `initialised()` has run `maestro init`;
 * `withMission(planText)` has also created a mission from the plan (the README's by default).
 */
export function missionRepos() {
  const repos: GitRepo[] = [];
  after(() => repos.forEach(repo => repo.cleanup()));
  const initialised = async (): Promise<GitRepo> => {
    const repo = makeGitRepo();
    repos.push(repo);
    const init = await maestro(repo, [`init`]);
    if (init.code !== 0) throw new Error(`maestro init failed: ${init.stderr}`);
    return repo;
  };
  const withMission = async (planText = README_PLAN_TEXT): Promise<{repo: GitRepo; missionId: string}> => {
    const repo = await initialised();
    const missionId = await createMission(repo, planText);
    return {repo, missionId};
  };
  return {initialised, withMission};
}

/** Creates a mission from plan text given on stdin and returns its id. */
export async function createMission(repo: GitRepo, planText = README_PLAN_TEXT): Promise<string> {
  const result = await maestro(repo, [`mission`, `create`, `--file`, `-`, `--json`], {stdin: planText});
  if (result.code !== 0) throw new Error(`mission create failed: ${result.stderr}`);
  return parseJson<{mission: {id: string}}>(result).mission.id;
}

/** Runs a command that must succeed, and returns its parsed `--json` output. */
export async function maestroJson<T = any>(repo: GitRepo, argv: string[]): Promise<T> {
  const result = await maestro(repo, [...argv, `--json`]);
  if (result.code !== 0) throw new Error(`maestro ${argv.join(` `)} failed (exit ${result.code}): ${result.stderr}`);
  return parseJson<T>(result);
}

// Domain builders for the pure tests: valid entities with every required field, changed by `with`.

const AT = `2026-11-25T10:00:00.000Z`;

export function aMission(with_: Partial<Mission> = {}): Mission {
  return {id: `2026-11-25-0001abc`, status: `draft`, title: `Add authentication`, description: ``, features: [], createdAt: AT, updatedAt: AT, ...with_};
}

export function aMilestone(id: string, order: number, with_: Partial<Milestone> = {}): Milestone {
  return {id, title: `Milestone ${id}`, description: ``, order, featureIds: [], createdAt: AT, updatedAt: AT, ...with_};
}

export function aFeature(id: string, milestoneId: string, with_: Partial<Feature> = {}): Feature {
  return {
    id, missionId: `2026-11-25-0001abc`, milestoneId, status: `pending`, title: `Feature ${id}`, description: ``, workerType: `codex`,
    verificationSteps: [`Run the tests`], dependsOn: [], fulfills: [], createdAt: AT, updatedAt: AT, ...with_,
  };
}

export function anAssertion(id: string, milestoneId: string, with_: Partial<Assertion> = {}): Assertion {
  return {id, missionId: `2026-11-25-0001abc`, milestoneId, featureId: `f`, result: `pending`, description: id, surface: `cli`, createdAt: AT, updatedAt: AT, ...with_};
}

/** Runs a command that must fail: its exit code, its single stderr line, and nothing written (ref and `.maestro/`). */
export async function refused(repo: GitRepo, argv: string[], code: number, line: RegExp): Promise<void> {
  const before = whatIsWritten(repo);

  const result = await maestro(repo, argv);

  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, ``);
  assert.equal(result.stderr.trimEnd().split(`\n`).length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.deepEqual(whatIsWritten(repo), before);
}
