import {Command, Option} from 'clipanion';
import type {formatContext, GraphContextView, projectContext} from '../lib/graph/index.ts';
import {MaestroCommand} from './base.ts';

export class GraphContextCommand extends MaestroCommand {
  static paths = [[`graph-context`]];
  static usage = Command.Usage({
    category: `Project graph`,
    description: `show this project's links in the cross-project graph`,
    details: `Reads \`~/.maestro/graph/projects.json\` (written by \`maestro graph-link\`) and shows the current project, what it consumes, exposes or shares types with (-->), what links to it (<--), and the size of the graph. It changes nothing.`,
    examples: [[`This project's links`, `$0 graph-context`], [`As JSON`, `$0 graph-context --json`]],
  });

  json = Option.Boolean(`--json`, false, {description: `Print {currentProject, relationships, totalProjects, totalEdges} as one JSON document`});

  async run() {
    const {formatContext, GraphContextView, projectContext} = await import('../lib/graph/index.ts');
    this.print(GraphContextView, projectContext({cwd: this.context.cwd, env: this.context.env}), formatContext);
  }
}
