import {GRAPH_RELATIONS, linkProjects, type GraphLinkView, type GraphRelation} from '../domain/graph.ts';
import {InputError} from '../errors.ts';
import {currentProject, updateGraph, type GraphPlace} from './graphFile.ts';

/** What `graph-link` takes: the target project and one relation flag. */
export interface LinkProjectRequest {
  target: string;
  consumes?: boolean;
  exposes?: boolean;
  sharedTypes?: boolean;
  via?: string;
}

/**
 * Records that the current project consumes, exposes or shares types with `target`, in the global
 * graph, atomically under its lock (reference-handoff §8). The same link again replaces its detail.
 * @throws InputError (no relation, several, a bad or self target), CorruptStateError, StoreBusyError
 */
export async function linkProject(place: GraphPlace, request: LinkProjectRequest): Promise<GraphLinkView> {
  const chosen = GRAPH_RELATIONS.filter(relation => (relation === `shared-types` ? request.sharedTypes : request[relation]));
  const usage = `maestro graph-link ${request.target.trim() || `<target>`} --consumes|--exposes|--shared-types`;
  if (chosen.length === 0) throw new InputError(`specify a relation: --consumes, --exposes or --shared-types`, {hint: usage});
  if (chosen.length > 1) throw new InputError(`give one relation, not ${chosen.map(relation => `--${relation}`).join(` and `)}`, {hint: `link twice for two relations: ${usage}`});
  const target = request.target.trim();
  if (target === `` || /[\u0000-\u001f\u007f/\\]/.test(target)) throw new InputError(`"${request.target}" is not a project name`, {hint: `give the other project's name, e.g. maestro graph-link maestro-web --consumes`});
  const current = currentProject(place);
  if (target === current.name) throw new InputError(`a project cannot be linked to itself (${target})`, {hint: `run graph-link in one project, naming the other`});
  const detail = request.via?.trim() || undefined;
  return updateGraph(place, graph => {
    const linked = linkProjects(graph, current, target, chosen[0] as GraphRelation, detail);
    return {graph: linked.graph, result: linked.view};
  });
}
