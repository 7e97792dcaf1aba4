import * as z from 'zod/mini';
import {FeatureId, NonEmpty, WorkerType} from './common.ts';
import {Milestone} from './mission.ts';
import {describeIssue} from './schema.ts';

/** The fields of a stored milestone that a plan gives (the rest maestro fills in). */
function plannedMilestoneFields() {
  const {id, title, description, order, kind, profile} = Milestone.shape;
  return {id, title, description, order, kind, profile};
}

/** The plan file of `mission create --file` (reference §5): strict at every level. */
export const MissionPlan = z.strictObject({
  title: NonEmpty,
  description: z.optional(z.string()),
  proposal: z.optional(z.string()),
  milestones: z.array(z.strictObject(plannedMilestoneFields())).check(z.minLength(1)),
  features: z.array(z.strictObject({
    id: FeatureId,
    milestoneId: NonEmpty,
    title: NonEmpty,
    description: z.string(),
    workerType: WorkerType,
    verificationSteps: z.array(NonEmpty).check(z.minLength(1)),
    dependsOn: z.optional(z.array(z.string())),
    fulfills: z.optional(z.array(NonEmpty)),
    preconditions: z.optional(z.string()),
    expectedBehavior: z.optional(z.string()),
  })),
});
export type MissionPlan = z.infer<typeof MissionPlan>;

/**
 * Every problem of a plan, each one line naming the field path, so a person fixes them all in one
 * round. Checks the schema, duplicate milestone and feature ids, unknown milestones, unknown and
 * cyclic `dependsOn`. Pure; nothing is written before this returns an empty list.
 */
export function validatePlan(data: unknown): {plan: MissionPlan | null; problems: string[]} {
  const parsed = MissionPlan.safeParse(data);
  if (!parsed.success) return {plan: null, problems: parsed.error.issues.map(issue => describeIssue(issue))};
  const plan = parsed.data;
  const problems: string[] = [];
  const milestoneIds = new Set<string>();
  plan.milestones.forEach((milestone, i) => {
    if (milestoneIds.has(milestone.id)) problems.push(`milestones.${i}.id: Milestone IDs must be unique ("${milestone.id}" appears twice)`);
    milestoneIds.add(milestone.id);
  });
  const featureIds = new Set<string>();
  plan.features.forEach((feature, i) => {
    if (featureIds.has(feature.id)) problems.push(`features.${i}.id: duplicate feature ID '${feature.id}'`);
    featureIds.add(feature.id);
    if (!milestoneIds.has(feature.milestoneId))
      problems.push(`features.${i}.milestoneId: feature '${feature.id}' references non-existent milestone '${feature.milestoneId}' (available: ${[...milestoneIds].join(`, `)})`);
  });
  plan.features.forEach((feature, i) => (feature.dependsOn ?? []).forEach((dep, j) => {
    if (!featureIds.has(dep)) problems.push(`features.${i}.dependsOn.${j}: feature '${feature.id}' depends on non-existent feature '${dep}'`);
  }));
  const cycle = findCycle(plan.features.map(feature => [feature.id, (feature.dependsOn ?? []).filter(dep => featureIds.has(dep))]));
  if (cycle) problems.push(`features: cyclic dependency detected: ${cycle.join(` -> `)}`);
  return {plan: problems.length === 0 ? plan : null, problems};
}

/**
 * The first dependency cycle found, as a path that ends where it starts; null when acyclic.
 * Iterative depth-first search, so a chain of any length cannot overflow the stack.
 */
export function findCycle(graph: Array<[string, string[]]>): string[] | null {
  const edges = new Map(graph);
  const state = new Map<string, `visiting` | `done`>();
  for (const [start] of graph) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, `visiting`);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const targets = edges.get(node) ?? [];
      const i = next[next.length - 1]!;
      if (i >= targets.length) {
        state.set(node, `done`);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = targets[i]!;
      const seen = state.get(target);
      if (seen === `visiting`) return [...path.slice(path.indexOf(target)), target];
      if (seen === undefined) {
        state.set(target, `visiting`);
        path.push(target);
        next.push(0);
      }
    }
  }
  return null;
}

/** `auth-login-works` from "auth-login-works", `users-can-log-in` from "Users can log in"; accents are dropped (`é` → `e`). */
export function slugAssertionId(text: string): string {
  const slug = text.toLowerCase().normalize(`NFKD`).replace(/\p{M}+/gu, ``).replace(/[^a-z0-9]+/g, `-`).replace(/^-+|-+$/g, ``).slice(0, 60).replace(/-+$/, ``);
  return slug || `assertion`;
}
