import {canonicalJson} from '../canonicalJson.ts';
import {effectivePrinciples, PrincipleOutcome, StoredPrinciple, type Principle} from '../domain/principle.ts';
import type {StateSnapshot} from '../store/stateSnapshot.ts';
import type {Change} from '../store/types.ts';

/** One file per principle and one per gate outcome (DESIGN.md: no file that every write appends to). */
export const PRINCIPLES_DIR = `principles`;
export const OUTCOMES_DIR = `${PRINCIPLES_DIR}/outcomes`;

export const principlePath = (id: string) => `${PRINCIPLES_DIR}/${id}.json`;
export const principleChange = (p: StoredPrinciple): Change => ({path: principlePath(p.id), content: canonicalJson(p)});
export const outcomeChange = (o: PrincipleOutcome): Change => ({path: `${OUTCOMES_DIR}/${o.handoffId}.${o.principleId}.json`, content: canonicalJson(o)});

/** The stored principle files, by id (removed ones included). @throws CorruptStateError */
export async function readStoredPrinciples(snapshot: StateSnapshot): Promise<Map<string, StoredPrinciple>> {
  return snapshot.readAll(PRINCIPLES_DIR, StoredPrinciple);
}

/** The principles in force: the defaults as stored files change them, then the added ones. @throws CorruptStateError */
export async function readPrinciples(snapshot: StateSnapshot): Promise<Principle[]> {
  return effectivePrinciples((await readStoredPrinciples(snapshot)).values());
}

/** Every recorded gate outcome. @throws CorruptStateError */
export async function readOutcomes(snapshot: StateSnapshot): Promise<PrincipleOutcome[]> {
  return [...(await snapshot.readAll(OUTCOMES_DIR, PrincipleOutcome)).values()];
}
