// What commands/ use of the cross-project graph.
export {GraphContextView, GraphLinkView} from '../domain/graph.ts';
export {linkProject} from './linkProject.ts';
export {projectContext} from './projectContext.ts';
export {formatContext, formatLinked} from './formatGraph.ts';
