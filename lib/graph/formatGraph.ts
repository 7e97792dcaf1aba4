import type {GraphContextView, GraphLinkView} from '../domain/graph.ts';

// Human output of the graph commands, as the original prints it (reference-handoff §8).

export function formatLinked(view: GraphLinkView): string {
  const {edge, nodesAdded} = view;
  return [`[ok] Project linked`, `  ${edge.from} --[${edge.relation}]--> ${edge.to}`, ...(edge.detail ? [`  Via: ${edge.detail}`] : []),
    ...(nodesAdded > 0 ? [`  (${nodesAdded} new node(s) added)`] : [])].join(`\n`);
}

export function formatContext(view: GraphContextView): string {
  const header = `Project Graph (${view.totalProjects} projects, ${view.totalEdges} links)`;
  if (!view.currentProject) return [header, ``, `Current project not in graph. Use \`maestro graph-link\` to add relationships.`].join(`\n`);
  const lines = [header, `  Current: ${view.currentProject.name} (${view.currentProject.path})`, ``];
  if (view.relationships.length === 0) lines.push(`  No relationships defined`);
  for (const {project, direction, edge} of view.relationships) {
    lines.push(`  ${direction === `outgoing` ? `-->` : `<--`} ${edge.relation}: ${project.name}`);
    if (edge.detail) lines.push(`      via: ${edge.detail}`);
  }
  return lines.join(`\n`);
}
