// A separate process that links its project to `count` targets, one graph-link after another:
// test/graph/graphRace.test.ts runs several at once against one $HOME.
import {linkProject} from '../../lib/graph/linkProject.ts';

const [home, cwd, prefix, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) await linkProject({cwd: cwd!, env: {HOME: home}}, {target: `${prefix}-${i}`, consumes: true});
process.stdout.write(`done\n`);
