import {Command, Option} from 'clipanion';
import type {formatLinked, GraphLinkView, linkProject} from '../lib/graph/index.ts';
import {MaestroCommand} from './base.ts';

export class GraphLinkCommand extends MaestroCommand {
  static paths = [[`graph-link`]];
  static usage = Command.Usage({
    category: `Project graph`,
    description: `link this project to another in the cross-project graph`,
    details: `Records that this project (its repository's top directory, or the current directory outside one) consumes, exposes or shares types with another project, by name, in the graph every project of this user shares: \`~/.maestro/graph/projects.json\` (\`$HOME\` decides where). Give exactly one relation. Linking the same pair with the same relation again replaces its \`--via\` detail. Writers take a lock and replace the file whole, so agents linking at once lose nothing.`,
    examples: [[`This project consumes the web app`, `$0 graph-link maestro-web --consumes --via "REST /api/missions"`], [`As JSON`, `$0 graph-link shared-types --exposes --via types/mission.ts --json`]],
  });

  target = Option.String({name: `target`});
  consumes = Option.Boolean(`--consumes`, false, {description: `This project uses what the target provides`});
  exposes = Option.Boolean(`--exposes`, false, {description: `This project provides something the target uses`});
  sharedTypes = Option.Boolean(`--shared-types`, false, {description: `The two share type definitions`});
  via = Option.String(`--via`, {description: `Through what (an API, a file, a package)`});
  json = Option.Boolean(`--json`, false, {description: `Print {edge, nodesAdded} as one JSON document`});

  async run() {
    const {formatLinked, GraphLinkView, linkProject} = await import('../lib/graph/index.ts');
    const view = await linkProject({cwd: this.context.cwd, env: this.context.env}, {
      target: this.target, consumes: this.consumes, exposes: this.exposes, sharedTypes: this.sharedTypes, via: this.via,
    });
    this.print(GraphLinkView, view, formatLinked);
  }
}
