// What commands/ use of principles.
export {addPrinciple, type AddPrincipleRequest} from './addPrinciple.ts';
export {listPrinciples, PrincipleListView} from './listPrinciples.ts';
export {PrincipleRemovedView, removePrinciple} from './removePrinciple.ts';
export {EffectivenessView, principleStats} from './principleStats.ts';
export {Principle} from '../domain/principle.ts';
