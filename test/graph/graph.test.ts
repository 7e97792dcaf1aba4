import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {after, describe, it} from 'node:test';
import {runGit} from '../helpers/gitRepo.ts';
import {runCli, type CliResult} from '../helpers/runCli.ts';

const dirs: string[] = [];
after(() => dirs.forEach(dir => fs.rmSync(dir, {recursive: true, force: true})));

/** A fresh $HOME, so each test has its own ~/.maestro/graph/projects.json. */
function aHome(): string {
  const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `maestro-home-`)));
  dirs.push(home);
  return home;
}

/** A git repository whose top directory is named `name` (its `dir`), with an identity for commits. */
function aProject(name: string): {dir: string; git: (args: string[]) => string} {
  const dir = path.join(aHome(), name);
  runGit(path.dirname(dir), [`-c`, `init.defaultBranch=main`, `init`, `--quiet`, dir]);
  runGit(dir, [`config`, `user.name`, `Maestro Test`]);
  runGit(dir, [`config`, `user.email`, `test@maestro.invalid`]);
  return {dir, git: args => runGit(dir, args)};
}

const graphPath = (home: string) => path.join(home, `.maestro`, `graph`, `projects.json`);
const run = (home: string, cwd: string, argv: string[]): Promise<CliResult> => runCli(argv, {cwd, env: {HOME: home}});

/** A command that must fail: exit code, one stderr line, and the graph file unchanged. */
async function refused(home: string, cwd: string, argv: string[], code: number, line: RegExp): Promise<void> {
  const before = fs.existsSync(graphPath(home)) ? fs.readFileSync(graphPath(home), `utf8`) : null;

  const result = await run(home, cwd, argv);

  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, ``);
  assert.equal(result.stderr.trim().split(`\n`).length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.equal(fs.existsSync(graphPath(home)) ? fs.readFileSync(graphPath(home), `utf8`) : null, before);
}

describe(`maestro graph-link`, () => {
  it(`writes the link to $HOME/.maestro/graph/projects.json, adding both projects`, async () => {
    const home = aHome();
    const project = aProject(`proj`);

    const result = await run(home, project.dir, [`graph-link`, `maestro-web`, `--consumes`, `--via`, `REST /api/missions`, `--json`]);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {edge: {from: `proj`, to: `maestro-web`, relation: `consumes`, detail: `REST /api/missions`}, nodesAdded: 2});
    assert.deepEqual(JSON.parse(fs.readFileSync(graphPath(home), `utf8`)), {
      nodes: [{name: `proj`, path: project.dir}, {name: `maestro-web`, path: `maestro-web`}],
      edges: [{from: `proj`, to: `maestro-web`, relation: `consumes`, detail: `REST /api/missions`}],
    });
  });

  it(`accumulates edges, replaces the same link's detail, and prints the original's lines`, async () => {
    const home = aHome();
    const project = aProject(`proj`);
    await run(home, project.dir, [`graph-link`, `maestro-web`, `--consumes`, `--via`, `REST`]);
    await run(home, project.dir, [`graph-link`, `shared-types`, `--shared-types`]);

    const again = await run(home, project.dir, [`graph-link`, `maestro-web`, `--consumes`]);

    assert.equal(again.stdout, `[ok] Project linked\n  proj --[consumes]--> maestro-web\n`);
    assert.deepEqual(JSON.parse(fs.readFileSync(graphPath(home), `utf8`)).edges, [
      {from: `proj`, to: `maestro-web`, relation: `consumes`}, {from: `proj`, to: `shared-types`, relation: `shared-types`},
    ]);
  });

  it(`names the project after the repository's top directory from a subdirectory and from a linked worktree`, async () => {
    const home = aHome();
    const project = aProject(`proj`);
    project.git([`commit`, `--allow-empty`, `--quiet`, `-m`, `first`]);
    const sub = path.join(project.dir, `src`, `deep`);
    fs.mkdirSync(sub, {recursive: true});
    const worktree = path.join(path.dirname(project.dir), `proj-feature`);
    project.git([`worktree`, `add`, `--quiet`, worktree]);

    const fromSub = JSON.parse((await run(home, sub, [`graph-link`, `a`, `--exposes`, `--json`])).stdout);
    const fromWorktree = JSON.parse((await run(home, worktree, [`graph-link`, `b`, `--exposes`, `--json`])).stdout);

    assert.deepEqual([fromSub.edge.from, fromWorktree.edge.from], [`proj`, `proj`]);
    assert.equal(JSON.parse(fs.readFileSync(graphPath(home), `utf8`)).nodes.filter((node: {name: string}) => node.name === `proj`).length, 1);
  });

  it(`works outside a git repository, naming the project after the directory, and keeps fields it does not know`, async () => {
    const home = aHome();
    const plain = path.join(home, `plain-dir`);
    fs.mkdirSync(plain);
    fs.mkdirSync(path.dirname(graphPath(home)), {recursive: true});
    fs.writeFileSync(graphPath(home), JSON.stringify({nodes: [{name: `old`, path: `/old`, role: `api`, owner: `team-a`}], edges: [], version: 1}));

    const result = await run(home, plain, [`graph-link`, `old`, `--consumes`, `--json`]);

    assert.equal(JSON.parse(result.stdout).edge.from, `plain-dir`);
    const graph = JSON.parse(fs.readFileSync(graphPath(home), `utf8`));
    assert.deepEqual([graph.version, graph.nodes[0]], [1, {name: `old`, path: `/old`, role: `api`, owner: `team-a`}]);
  });

  it(`refuses no relation, two relations, a bad target and the project itself with exit 2, writing nothing`, async () => {
    const home = aHome();
    const project = aProject(`proj`);

    await refused(home, project.dir, [`graph-link`, `web`], 2, /^maestro: specify a relation: --consumes, --exposes or --shared-types; hint: maestro graph-link web --consumes\|--exposes\|--shared-types\n$/);
    await refused(home, project.dir, [`graph-link`, `web`, `--consumes`, `--exposes`], 2, /^maestro: give one relation, not --consumes and --exposes; hint: /);
    await refused(home, project.dir, [`graph-link`, `../web`, `--consumes`], 2, /^maestro: "\.\.\/web" is not a project name; hint: /);
    await refused(home, project.dir, [`graph-link`, `proj`, `--consumes`], 2, /^maestro: a project cannot be linked to itself \(proj\)/);
    await refused(home, project.dir, [`graph-link`, `--consumes`], 2, /^maestro: .*\(run `maestro graph-link --help`\)\n$/);
  });

  it(`refuses to rewrite a graph file that is not a graph, with exit 1, leaving it as it was`, async () => {
    const home = aHome();
    const project = aProject(`proj`);
    fs.mkdirSync(path.dirname(graphPath(home)), {recursive: true});
    fs.writeFileSync(graphPath(home), `{"nodes": [}`);

    await refused(home, project.dir, [`graph-link`, `web`, `--consumes`], 1, /^maestro: \S+projects\.json: not valid JSON .*; hint: fix it, or move it aside/);
    assert.equal(fs.existsSync(`${graphPath(home)}.lock`), false);
  });
});

describe(`maestro graph-context`, () => {
  it(`shows the current project's outgoing and incoming links and skips edges to unknown nodes`, async () => {
    const home = aHome();
    const proj = aProject(`proj`);
    const web = aProject(`maestro-web`);
    await run(home, proj.dir, [`graph-link`, `maestro-web`, `--consumes`]);
    await run(home, proj.dir, [`graph-link`, `shared-types`, `--exposes`, `--via`, `types/mission.ts`]);
    await run(home, web.dir, [`graph-link`, `api-gateway`, `--consumes`]);
    const graph = JSON.parse(fs.readFileSync(graphPath(home), `utf8`));
    fs.writeFileSync(graphPath(home), JSON.stringify({...graph, edges: [...graph.edges, {from: `ghost`, to: `proj`, relation: `consumes`}]}));

    const human = await run(home, proj.dir, [`graph-context`]);
    const fromWeb = JSON.parse((await run(home, web.dir, [`graph-context`, `--json`])).stdout);

    assert.equal(human.stdout, `Project Graph (4 projects, 4 links)\n  Current: proj (${proj.dir})\n\n  --> consumes: maestro-web\n  --> exposes: shared-types\n      via: types/mission.ts\n`);
    assert.deepEqual(fromWeb.relationships.map((r: {direction: string; project: {name: string}}) => [r.direction, r.project.name]), [[`incoming`, `proj`], [`outgoing`, `api-gateway`]]);
    assert.deepEqual([fromWeb.currentProject.name, fromWeb.totalProjects, fromWeb.totalEdges], [`maestro-web`, 4, 4]);
  });

  it(`says when the current project is not in the graph, or has no links`, async () => {
    const home = aHome();
    const proj = aProject(`proj`);
    const empty = await run(home, proj.dir, [`graph-context`]);
    fs.mkdirSync(path.dirname(graphPath(home)), {recursive: true});
    fs.writeFileSync(graphPath(home), JSON.stringify({nodes: [{name: `proj`, path: proj.dir}], edges: []}));

    const lonely = await run(home, proj.dir, [`graph-context`]);

    assert.equal(empty.stdout, `Project Graph (0 projects, 0 links)\n\nCurrent project not in graph. Use \`maestro graph-link\` to add relationships.\n`);
    assert.match(lonely.stdout, /\n\n  No relationships defined\n$/);
    const fresh = aHome();
    assert.deepEqual(JSON.parse((await run(fresh, fresh, [`graph-context`, `--json`])).stdout), {relationships: [], totalProjects: 0, totalEdges: 0});
  });

  it(`refuses a graph file that is not a graph with exit 1, and an unknown flag with exit 2`, async () => {
    const home = aHome();
    const proj = aProject(`proj`);
    fs.mkdirSync(path.dirname(graphPath(home)), {recursive: true});
    fs.writeFileSync(graphPath(home), JSON.stringify({nodes: [{path: `/x`}], edges: []}));

    await refused(home, proj.dir, [`graph-context`, `--json`], 1, /^\{"error":\{"code":"E_CORRUPT","message":"\S+projects\.json: nodes\.0\.name: expected string"/);
    await refused(home, proj.dir, [`graph-context`, `--all`], 2, /^maestro: .*\(run `maestro graph-context --help`\)\n$/);
  });
});
