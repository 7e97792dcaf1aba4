import type {MilestoneProfile} from '../domain/common.ts';
import {GateError} from '../errors.ts';

/** A behavioural principle; a gate names the handoff field it requires and the check it must pass. */
export interface Principle {
  id: string;
  name: string;
  rule: string;
  profiles: readonly MilestoneProfile[];
  mode: `gate` | `advisory`;
  gateField?: string;
  gateCheck?: string;
}

/**
 * The original's default principles (reference-missions §2.7, written by its `init`). maestro has no
 * principle store yet, so these are the principles every feature-linked handoff is checked against.
 */
export const DEFAULT_PRINCIPLES: readonly Principle[] = [
  {id: `think-before-coding`, name: `Think before coding`, rule: `State your assumptions before you change code.`, profiles: [`planning`, `implementation`], mode: `gate`, gateField: `assumptions`, gateCheck: `array_min_length:1`},
  {id: `simplicity-first`, name: `Simplicity first`, rule: `Prefer the simplest change that meets the goal.`, profiles: [`implementation`, `simplify`, `code-review`], mode: `advisory`},
  {id: `surgical-changes`, name: `Surgical changes`, rule: `Declare the scope you touch and stay inside it.`, profiles: [`implementation`, `code-review`, `simplify`], mode: `gate`, gateField: `scopeDeclaration`, gateCheck: `object_non_empty`},
  {id: `goal-driven-execution`, name: `Goal-driven execution`, rule: `Verify the goal is met before you hand off.`, profiles: [`implementation`, `validation`], mode: `gate`, gateField: `verificationResults`, gateCheck: `array_all_passed`},
];

/**
 * Whether a field's value passes a gate check (reference-handoff §2.4): `object_non_empty`,
 * `array_all_passed`, `array_min_length:N`; any other check fails. Pure.
 */
export function passesGateCheck(check: string, value: unknown): boolean {
  if (check === `object_non_empty`) return typeof value === `object` && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
  if (check === `array_all_passed`) return Array.isArray(value) && value.length > 0 && value.every(item => (item as {passed?: unknown})?.passed === true);
  const min = /^array_min_length:(\d+)$/.exec(check);
  return min !== null && Array.isArray(value) && value.length >= Number(min[1]);
}

/**
 * Checks the gate principles of a milestone profile against a handoff's fields. Runs only for a
 * handoff linked to a feature with `--feature-id` (SPEC.md): ad-hoc handoffs are never gated.
 * @returns the ids of the gates that passed
 * @throws GateError listing every gate that failed and the flags that satisfy it
 */
export function checkGates(profile: MilestoneProfile | undefined, fields: Record<string, unknown>, featureId: string): string[] {
  if (!profile) return [];
  const gates = DEFAULT_PRINCIPLES.filter(p => p.mode === `gate` && p.gateField && p.gateCheck && p.profiles.includes(profile));
  const failed = gates.filter(gate => !passesGateCheck(gate.gateCheck!, fields[gate.gateField!]));
  if (failed.length > 0) {
    throw new GateError(`handoff rejected by ${failed.length} gate principle(s) of feature ${featureId} (${profile}): ${failed.map(gate => gate.id).join(`, `)}`, {
      hint: `add the required fields via --assumption <text>, --scope-declaration '{"<path>":"<why>"}', --verification-result "<step>:passed"`,
      details: failed.map(gate => `[x] ${gate.id}: field '${gate.gateField}' failed check '${gate.gateCheck}'`),
    });
  }
  return gates.map(gate => gate.id);
}
