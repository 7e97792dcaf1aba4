import type {MilestoneProfile} from '../domain/common.ts';
import {isGate, passesGateCheck, principlesForProfile, type Principle} from '../domain/principle.ts';
import {GateError} from '../errors.ts';

/**
 * Checks the gate principles of a milestone profile against a handoff's fields (reference-handoff
 * §2.4). Runs only for a handoff linked to a feature with `--feature-id` (SPEC.md): ad-hoc handoffs
 * are never gated. `principles` are those in force (`principle list`).
 * @returns the ids of the gates that passed
 * @throws GateError listing every gate that failed and the flags that satisfy it
 */
export function checkGates(principles: readonly Principle[], profile: MilestoneProfile | undefined, fields: Record<string, unknown>, featureId: string): string[] {
  if (!profile) return [];
  const gates = principlesForProfile(principles, profile).filter(isGate);
  const failed = gates.filter(gate => !passesGateCheck(gate.gateCheck, fields[gate.gateField]));
  if (failed.length > 0) {
    throw new GateError(`handoff rejected by ${failed.length} gate principle(s) of feature ${featureId} (${profile}): ${failed.map(gate => gate.id).join(`, `)}`, {
      hint: `add the required fields via --assumption <text>, --scope-declaration '{"<path>":"<why>"}', --verification-result "<step>:passed"; see the gates with \`maestro principle list --profile ${profile}\``,
      details: failed.map(gate => `[x] ${gate.id}: field '${gate.gateField}' failed check '${gate.gateCheck}'`),
    });
  }
  return gates.map(gate => gate.id);
}
