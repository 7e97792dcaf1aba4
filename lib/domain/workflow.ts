import * as z from 'zod/mini';
import {MilestoneKind, MilestoneProfile, NonEmpty} from './common.ts';
import {describeIssue} from './schema.ts';
import {InputError} from '../errors.ts';

/**
 * Workflow templates (reference-missions §7): `mission create --workflow <name>` turns each phase of
 * the template into a milestone of the plan. Built-ins below; `workflowTemplates:` in
 * `.maestro/config.yaml` adds or replaces templates. Pure.
 */

/** A template as written in config (unknown keys are dropped, as the original's). */
export const WorkflowTemplate = z.object({
  description: z.optional(NonEmpty),
  phases: z.array(z.object({
    kind: z._default(MilestoneKind, `work`),
    label: NonEmpty,
    profile: z.optional(MilestoneProfile),
    description: z.optional(z.string()),
  })).check(z.minLength(1)),
});
export type WorkflowTemplate = z.infer<typeof WorkflowTemplate>;

const planning = {kind: `work`, label: `Planning`, profile: `planning`} as const;
const planReview = {kind: `gate`, label: `Plan Review`, profile: `plan-review`} as const;
const implementation = {kind: `work`, label: `Implementation`, profile: `implementation`} as const;
const codeReview = {kind: `gate`, label: `Code Review`, profile: `code-review`} as const;

export const BUILT_IN_WORKFLOWS: Readonly<Record<string, WorkflowTemplate>> = {
  'plan-implement': {description: `Planning, then implementation`, phases: [planning, implementation]},
  'plan-review-implement': {description: `Planning, a plan review gate, then implementation`, phases: [planning, planReview, implementation]},
  'plan-implement-review': {description: `Planning, implementation, then a code review gate`, phases: [planning, implementation, codeReview]},
  'plan-review-implement-review': {description: `Planning, plan review, implementation, code review`, phases: [planning, planReview, implementation, codeReview]},
};

/** A plan milestone made from a phase (the fields `mission create --file` takes). */
export interface WorkflowMilestone {
  id: string;
  title: string;
  description: string;
  order: number;
  kind: z.infer<typeof MilestoneKind>;
  profile?: z.infer<typeof MilestoneProfile>;
}

/**
 * The template called `name`: from `userTemplates` (config) first, then the built-ins; own
 * properties only (`__proto__` is unknown).
 * @throws InputError naming every available template when unknown, or the problem of an invalid one
 */
export function resolveWorkflow(name: string, userTemplates: Readonly<Record<string, unknown>> = {}): WorkflowTemplate {
  const own = (record: object) => Object.prototype.hasOwnProperty.call(record, name);
  if (own(userTemplates)) {
    const parsed = WorkflowTemplate.safeParse(userTemplates[name]);
    if (parsed.success) return parsed.data;
    throw new InputError(`invalid workflow template "${name}": ${parsed.error.issues.map(describeIssue).join(`; `)}`, {
      hint: `fix workflowTemplates.${name} in .maestro/config.yaml: a workflow needs phases, each with a label`,
    });
  }
  if (own(BUILT_IN_WORKFLOWS)) return BUILT_IN_WORKFLOWS[name]!;
  throw new InputError(`unknown workflow "${name}"`, {hint: `use one of: ${workflowNames(userTemplates).join(`, `)}`});
}

/** Every template name: the built-ins, then those of config. */
function workflowNames(userTemplates: Readonly<Record<string, unknown>> = {}): string[] {
  return [...new Set([...Object.keys(BUILT_IN_WORKFLOWS), ...Object.keys(userTemplates)])];
}

/** The milestones of a template: id from the label (`Plan Review` → `plan-review`), order by position. */
export function workflowMilestones(template: WorkflowTemplate): WorkflowMilestone[] {
  return template.phases.map((phase, order) => ({
    id: phase.label.toLowerCase().trim().replace(/\s+/g, `-`), title: phase.label, description: phase.description ?? phase.label, order, kind: phase.kind,
    ...(phase.profile ? {profile: phase.profile} : {}),
  }));
}

/**
 * The plan data with the template's milestones. A plan that defines milestones itself is refused
 * (an empty array is replaced). Anything else about the plan is left to plan validation.
 * @throws InputError
 */
export function applyWorkflow(plan: unknown, name: string, template: WorkflowTemplate): unknown {
  if (typeof plan !== `object` || plan === null || Array.isArray(plan)) return plan;
  const milestones = (plan as {milestones?: unknown}).milestones;
  if (milestones !== undefined && !(Array.isArray(milestones) && milestones.length === 0)) {
    throw new InputError(`--workflow ${name} cannot be used with a plan that already defines milestones`, {hint: `remove the milestones array from the plan file, or remove --workflow`});
  }
  return {...plan, milestones: workflowMilestones(template)};
}
