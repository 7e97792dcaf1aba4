import {effectivePrinciples, principleProblems, type Principle, type StoredPrinciple} from '../domain/principle.ts';
import {GateError, InputError} from '../errors.ts';
import type {Workspace} from '../workspace.ts';
import {principleChange, readStoredPrinciples} from './principleStore.ts';

export interface AddPrincipleRequest {
  id?: string;
  name?: string;
  rule?: string;
  /** Each value may hold several profiles separated by commas or spaces. */
  profiles?: string[];
  mode?: string;
  gateField?: string;
  gateCheck?: string;
  source?: string;
}

/**
 * Adds a principle as `principles/<id>.json` in one commit (reference-missions §1.9). Every problem
 * of the input is reported at once; an id already in force is refused (a removed one may be reused).
 * @throws InputError (the input), GateError (the id is taken), NotInitializedError
 */
export async function addPrinciple(workspace: Workspace, request: AddPrincipleRequest): Promise<Principle> {
  const principle = parsePrinciple(request);
  await workspace.requireTip();
  const now = workspace.store.deps.now().toISOString();
  const outcome = await workspace.transact(`principle add`, async snapshot => {
    const storedPrinciples = await readStoredPrinciples(snapshot);
    if (effectivePrinciples(storedPrinciples.values()).some(p => p.id === principle.id)) {
      throw new GateError(`principle ${principle.id} already exists`, {hint: `use a different --id, or remove it first with \`maestro principle remove ${principle.id}\``});
    }
    const previous = storedPrinciples.get(principle.id);
    const stored: StoredPrinciple = {...principle, createdAt: previous?.createdAt ?? now, updatedAt: now, updatedBy: workspace.identity.agent};
    return {changes: [principleChange(stored)], result: principle};
  });
  return outcome.result;
}

function parsePrinciple(request: AddPrincipleRequest): Principle {
  const required = ([`id`, `name`, `rule`, `mode`] as const).filter(flag => request[flag] === undefined).map(flag => `--${flag} is required`);
  if (request.profiles === undefined || request.profiles.length === 0) required.push(`--profiles is required`);
  const fields = {
    id: request.id ?? ``, name: request.name?.trim() ?? ``, rule: request.rule?.trim() ?? ``, mode: request.mode ?? ``, source: request.source ?? `custom`,
    profiles: [...new Set((request.profiles ?? []).flatMap(value => value.split(/[\s,]+/)).filter(Boolean))],
    ...(request.gateField !== undefined ? {gateField: request.gateField} : {}), ...(request.gateCheck !== undefined ? {gateCheck: request.gateCheck} : {}),
  };
  const problems = required.length > 0 ? required : principleProblems(fields);
  if (problems.length > 0) {
    throw new InputError(problems.length === 1 ? `invalid principle: ${problems[0]}` : `${problems.length} problems in the principle`, {
      hint: `see \`maestro principle add --help\``, details: problems.length === 1 ? [] : problems,
    });
  }
  return fields as Principle;
}
