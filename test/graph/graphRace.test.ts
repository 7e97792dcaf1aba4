import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {runNode} from '../helpers/bundle.ts';

// Agents linking projects at once, as real processes sharing one ~/.maestro/graph/projects.json.
const root = fileURLToPath(new URL(`../..`, import.meta.url));
const tsx = import.meta.resolve(`tsx`);
const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-graph-home-`)));
after(() => fs.rmSync(home, {recursive: true, force: true}));

const run = (args: string[], cwd: string) => runNode([`--import`, tsx, ...args], cwd, {PATH: process.env.PATH, HOME: home, MAESTRO_AGENT: `race`});

const readGraph = () => JSON.parse(fs.readFileSync(path.join(home, `.maestro`, `graph`, `projects.json`), `utf8`));

describe(`graph-link from several processes at once`, () => {
  it(`loses no link: 4 processes linking 25 targets each leave 100 edges and no lock behind`, async () => {
    const project = fs.mkdtempSync(path.join(home, `proj-`));

    const results = await Promise.all([`a`, `b`, `c`, `d`].map(prefix => run([path.join(root, `test`, `graph`, `graphWorker.ts`), home, project, prefix, `25`], root)));

    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const graph = readGraph();
    assert.equal(graph.edges.length, 100);
    assert.equal(graph.nodes.length, 101);
    assert.deepEqual(fs.readdirSync(path.join(home, `.maestro`, `graph`)), [`projects.json`]);
  });

  it(`lands every maestro graph-link of 4 commands started together`, async () => {
    const project = fs.mkdtempSync(path.join(home, `cli-`));
    const before = readGraph().edges.length;

    const results = await Promise.all(Array.from({length: 4}, (_, i) => run([path.join(root, `commands`, `bin.ts`), `graph-link`, `svc-${i}`, `--exposes`, `--json`], project)));

    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const edges = readGraph().edges.filter((edge: {from: string}) => edge.from === path.basename(project));
    assert.deepEqual(edges.map((edge: {to: string}) => edge.to).sort(), [`svc-0`, `svc-1`, `svc-2`, `svc-3`]);
    assert.equal(readGraph().edges.length, before + 4);
  });
});
