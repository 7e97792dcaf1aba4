import {canonicalJson} from '../canonicalJson.ts';
import type {Assertion} from '../domain/assertion.ts';
import type {Feature} from '../domain/feature.ts';
import {newDatedId} from '../domain/ids.ts';
import type {Milestone, Mission} from '../domain/mission.ts';
import {slugAssertionId, validatePlan, type MissionPlan} from '../domain/plan.ts';
import {applyWorkflow, resolveWorkflow} from '../domain/workflow.ts';
import {InputError} from '../errors.ts';
import type {Change} from '../store/types.ts';
import type {Workspace} from '../workspace.ts';
import {assertionPath, featurePath, milestonePath, missionPath, missionsDir} from './missionPaths.ts';
import {toMissionView, type MissionCreatedView} from './missionView.ts';

export interface CreateMissionRequest {
  /** The plan file's text. */
  planText: string;
  /** Where it came from, for messages: a path or `stdin`. */
  source: string;
  /** `--workflow`: a template whose phases become the plan's milestones (reference §7). */
  workflow?: string;
}

/**
 * Creates a draft mission from a plan in one commit. The whole plan is validated first (schema,
 * duplicate ids, unknown milestones, unknown or cyclic dependencies) and every problem reported at
 * once, so a refused plan writes nothing. With a workflow, its phases are the plan's milestones.
 * @throws InputError (exit 2) for invalid JSON, an invalid plan or an unknown workflow; NotInitializedError before `maestro init`
 */
export async function createMission(workspace: Workspace, request: CreateMissionRequest): Promise<MissionCreatedView> {
  const templates = request.workflow === undefined ? {} : (await workspace.config()).workflowTemplates ?? {};
  const plan = parsePlan(request, templates);
  // Without this, the first transaction would create refs/maestro/main with no `maestro.json`.
  await workspace.requireTip();
  const now = workspace.store.deps.now();
  const outcome = await workspace.transact(`mission create`, async snapshot => {
    const existing = new Set(await snapshot.list(missionsDir));
    let id = newDatedId(now, Math.random);
    while (existing.has(id)) id = newDatedId(now, Math.random);
    const entities = buildMission(plan, id, now.toISOString(), workspace.identity.agent);
    const changes: Change[] = [
      {path: missionPath(id), content: canonicalJson(entities.mission)},
      ...entities.milestones.map(m => ({path: milestonePath(id, m.id), content: canonicalJson(m)})),
      ...entities.features.map(f => ({path: featurePath(id, f.id), content: canonicalJson(f)})),
      ...entities.assertions.map(a => ({path: assertionPath(id, a.id), content: canonicalJson(a)})),
    ];
    return {changes, result: entities};
  });
  const {mission, milestones, features, assertions} = outcome.result;
  return {mission: toMissionView({mission, milestones}), features, assertions};
}

function parsePlan(request: CreateMissionRequest, templates: Record<string, unknown>): MissionPlan {
  const workflow = request.workflow === undefined ? undefined : resolveWorkflow(request.workflow, templates);
  let data: unknown;
  try {
    data = JSON.parse(request.planText);
  } catch (error) {
    throw new InputError(`invalid JSON in plan ${request.source}: ${(error as Error).message}`, {hint: `fix the JSON syntax (check it with \`jq . ${request.source === `stdin` ? `` : request.source}\`) and run mission create again`});
  }
  if (workflow) data = applyWorkflow(data, request.workflow!, workflow);
  const {plan, problems} = validatePlan(data);
  if (plan) return plan;
  throw new InputError(`invalid mission plan ${request.source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems`}`, {
    hint: `mission plans need a title, milestones and a features array (see the README's plan example)`,
    details: problems.length === 1 ? [] : problems,
    data: {problems},
  });
}

/** The entities of a new mission. Pure. */
export function buildMission(plan: MissionPlan, id: string, now: string, agent: string): {mission: Mission; milestones: Milestone[]; features: Feature[]; assertions: Assertion[]} {
  const mission: Mission = {
    id, status: `draft`, title: plan.title, description: plan.description ?? ``,
    ...(plan.proposal === undefined ? {} : {proposal: plan.proposal}),
    features: plan.features.map(f => f.id), createdAt: now, updatedAt: now, updatedBy: agent,
  };
  const milestones: Milestone[] = plan.milestones.map(m => ({...m, featureIds: plan.features.filter(f => f.milestoneId === m.id).map(f => f.id), createdAt: now, updatedAt: now}));
  const features: Feature[] = plan.features.map(f => ({
    ...f, missionId: id, status: `pending`, dependsOn: f.dependsOn ?? [], fulfills: f.fulfills ?? [], createdAt: now, updatedAt: now, updatedBy: agent,
  }));
  const taken = new Set<string>();
  const assertions: Assertion[] = plan.features.flatMap(f => (f.fulfills ?? []).map((text, i) => {
    const base = slugAssertionId(text);
    let assertionId = base;
    for (let n = 2; taken.has(assertionId); n++) assertionId = `${base}-${n}`;
    taken.add(assertionId);
    return {id: assertionId, alias: `${f.id}-assertion-${i + 1}`, missionId: id, milestoneId: f.milestoneId, featureId: f.id, result: `pending` as const, description: text, surface: `cli`, createdAt: now, updatedAt: now};
  }));
  return {mission, milestones, features, assertions};
}
