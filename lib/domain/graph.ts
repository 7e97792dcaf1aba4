import * as z from 'zod/mini';
import {NonEmpty} from './common.ts';

// The cross-project graph (reference-handoff §8): which project exposes or consumes what of which.
// It is global (`~/.maestro/graph/projects.json`), not state of one repository.

export const GRAPH_RELATIONS = [`consumes`, `exposes`, `shared-types`] as const;
export const GraphRelation = z.enum(GRAPH_RELATIONS);
export type GraphRelation = z.infer<typeof GraphRelation>;

// Loose objects: the file may be shared with other tools (the original writes the same one), so
// fields we do not know are kept when we rewrite it.
export const ProjectNode = z.looseObject({path: z.string(), name: NonEmpty, role: z.optional(z.string())});
export type ProjectNode = z.infer<typeof ProjectNode>;
export const ProjectEdge = z.looseObject({from: NonEmpty, to: NonEmpty, relation: GraphRelation, detail: z.optional(z.string())});
export type ProjectEdge = z.infer<typeof ProjectEdge>;
export const ProjectGraph = z.looseObject({nodes: z.array(ProjectNode), edges: z.array(ProjectEdge)});
export type ProjectGraph = z.infer<typeof ProjectGraph>;

export const EMPTY_GRAPH: ProjectGraph = {nodes: [], edges: []};

export const GraphRelationship = z.object({project: ProjectNode, direction: z.enum([`outgoing`, `incoming`]), edge: ProjectEdge});
/** What `graph-context --json` prints. */
export const GraphContextView = z.object({
  currentProject: z.optional(ProjectNode),
  relationships: z.array(GraphRelationship),
  totalProjects: z.number(),
  totalEdges: z.number(),
});
export type GraphContextView = z.infer<typeof GraphContextView>;
/** What `graph-link --json` prints. */
export const GraphLinkView = z.object({edge: ProjectEdge, nodesAdded: z.number()});
export type GraphLinkView = z.infer<typeof GraphLinkView>;

/**
 * Links `current` to `target` (nodes are keyed by name; a missing one is added, a new target with its
 * name as path). An edge with the same from, to and relation is replaced, so its detail is the new
 * one (or none). Pure: returns the new graph.
 */
export function linkProjects(graph: ProjectGraph, current: {name: string; path: string}, target: string, relation: GraphRelation, detail?: string): {graph: ProjectGraph; view: GraphLinkView} {
  const nodes = [...graph.nodes];
  let nodesAdded = 0;
  const here = nodes.findIndex(node => node.name === current.name);
  if (here === -1) {
    nodes.push({path: current.path, name: current.name});
    nodesAdded++;
  } else if (nodes[here]!.path === current.name) {
    // Added earlier as somebody's target, where only its name was known.
    nodes[here] = {...nodes[here]!, path: current.path};
  }
  if (!nodes.some(node => node.name === target)) {
    nodes.push({path: target, name: target});
    nodesAdded++;
  }
  const edge: ProjectEdge = {from: current.name, to: target, relation, ...(detail ? {detail} : {})};
  const same = (other: ProjectEdge) => other.from === edge.from && other.to === edge.to && other.relation === edge.relation;
  const edges = graph.edges.some(same) ? graph.edges.map(other => (same(other) ? edge : other)) : [...graph.edges, edge];
  return {graph: {...graph, nodes, edges}, view: {edge, nodesAdded}};
}

/** The current project's node and its edges both ways; edges to a node not in the graph are skipped. Pure. */
export function graphContext(graph: ProjectGraph, currentName: string): GraphContextView {
  const byName = new Map(graph.nodes.map(node => [node.name, node]));
  const currentProject = byName.get(currentName);
  const relationships: GraphContextView[`relationships`] = [];
  if (currentProject) {
    for (const edge of graph.edges) {
      const outgoing = edge.from === currentName;
      if (!outgoing && edge.to !== currentName) continue;
      const other = byName.get(outgoing ? edge.to : edge.from);
      if (other) relationships.push({project: other, direction: outgoing ? `outgoing` : `incoming`, edge});
    }
  }
  return {...(currentProject ? {currentProject} : {}), relationships, totalProjects: graph.nodes.length, totalEdges: graph.edges.length};
}
