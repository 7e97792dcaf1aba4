import {graphContext, type GraphContextView} from '../domain/graph.ts';
import {currentProject, readGraph, type GraphPlace} from './graphFile.ts';

/**
 * The current project's place in the global graph: its node, the links from and to it, and the
 * graph's size. Read-only; no lock (the file is only ever replaced whole). @throws CorruptStateError
 */
export function projectContext(place: GraphPlace): GraphContextView {
  return graphContext(readGraph(place), currentProject(place).name);
}
