import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, refused} from '../helpers/missions.ts';

const create = async (repo: GitRepo, title: string, ...flags: string[]) => (await maestroJson(repo, [`task`, `create`, title, ...flags])).id as string;
const ready = async (repo: GitRepo, ...flags: string[]) => (await maestroJson(repo, [`task`, `ready`, ...flags])).map((task: {id: string}) => task.id);

describe(`maestro task update`, () => {
  const {initialised} = missionRepos();

  it(`changes fields, keeps label order, clears with "" and reopens a closed task keeping its reason`, async () => {
    const repo = await initialised();
    const parent = await create(repo, `Parent`);
    const id = await create(repo, `Child`, `--labels`, `a,b`, `--parent`, parent, `--assignee`, `codex`);
    await maestro(repo, [`task`, `close`, id, `--reason`, `done once`]);

    const task = await maestroJson(repo, [`task`, `update`, id, `--title`, `Child v2`, `--status`, `in-progress`, `--priority`, `0`, `--type`, `feature`,
      `--add-label`, `c,a`, `--remove-label`, `b`, `--parent`, ``, `--assignee`, ``]);

    assert.deepEqual([task.title, task.status, task.priority, task.type, task.labels, task.parentId, task.assignee, task.closeReason],
      [`Child v2`, `in_progress`, 0, `feature`, [`a`, `c`], undefined, undefined, `done once`]);
    assert.equal(task.updatedBy, `test-agent`);
  });

  it(`claims a task for this agent's session; of four agents claiming at once exactly one wins`, async () => {
    const repo = await initialised();
    const id = await create(repo, `Contended`);

    const results = await Promise.all([`a0`, `a1`, `a2`, `a3`].map(agent => maestro(repo, [`task`, `update`, id, `--claim`, `--json`], {env: {MAESTRO_AGENT: agent}})));

    const winners = results.filter(result => result.code === 0);
    assert.equal(winners.length, 1, results.map(result => result.stderr).join(``));
    const winner = JSON.parse(winners[0]!.stdout);
    assert.match(winner.assignee, /^a\d-test-session$/);
    assert.equal(winner.status, `in_progress`);
    for (const loser of results.filter(result => result.code !== 0)) assert.deepEqual(JSON.parse(loser.stderr).error.message, `task ${id} is already claimed by ${winner.assignee}`);
  });

  it(`refuses a dependency or parent cycle with exit 1, naming the cycle`, async () => {
    const repo = await initialised();
    const a = await create(repo, `A`);
    const b = await create(repo, `B`, `--depends-on`, a, `--parent`, a);
    const c = await create(repo, `C`, `--depends-on`, b, `--parent`, b);

    await refused(repo, [`task`, `update`, a, `--add-depends-on`, c], 1, new RegExp(`^maestro: task ${a} cannot depend on ${c}: it would make a dependency cycle \\(${a} -> ${c} -> ${b} -> ${a}\\); hint: `));
    await refused(repo, [`task`, `update`, a, `--add-depends-on`, a], 1, new RegExp(`dependency cycle \\(${a} -> ${a}\\)`));
    await refused(repo, [`task`, `update`, a, `--parent`, c], 1, new RegExp(`^maestro: task ${a} cannot have parent ${c}: the parent chain would loop \\(${a} -> ${c} -> ${b} -> ${a}\\)`));
  });

  it(`adds and removes dependencies after creation, and refuses to remove one the task does not have`, async () => {
    const repo = await initialised();
    const a = await create(repo, `A`);
    const b = await create(repo, `B`);

    const added = await maestroJson(repo, [`task`, `update`, b, `--add-depends-on`, a]);
    const removed = await maestroJson(repo, [`task`, `update`, b, `--remove-depends-on`, a.slice(4)]);

    assert.deepEqual([added.dependsOn, removed.dependsOn], [[a], []]);
    await refused(repo, [`task`, `update`, b, `--remove-depends-on`, a], 2, new RegExp(`^maestro: dependency of ${b}: ${a} not found`));
  });

  it(`refuses to claim a closed task with exit 1`, async () => {
    const repo = await initialised();
    const id = await create(repo, `Closed`);
    await maestro(repo, [`task`, `close`, id]);

    await refused(repo, [`task`, `update`, id, `--claim`], 1, new RegExp(`^maestro: task ${id} is closed; it cannot be claimed; hint: reopen it first`));
  });

  it(`refuses no update, --status closed, bad values and an unknown task with exit 2`, async () => {
    const repo = await initialised();
    const id = await create(repo, `T`);

    await refused(repo, [`task`, `update`, id], 2, /^maestro: no update specified; hint: give --title, /);
    await refused(repo, [`task`, `update`, id, `--status`, `closed`], 2, /a task is not closed with task update; hint: close it with `maestro task close /);
    await refused(repo, [`task`, `update`, id, `--status`, `finished`], 2, /--status "finished" is not a task status/);
    await refused(repo, [`task`, `update`, id, `--title`, ``], 2, /the task title is empty/);
    await refused(repo, [`task`, `update`, `tsk-nope`, `--priority`, `1`], 2, /task tsk-nope not found/);
    await refused(repo, [`task`, `update`, id, `--add-depends-on`, `tsk-nope`], 2, /unknown task in --depends-on: tsk-nope/);
  });
});

describe(`maestro task close`, () => {
  const {initialised} = missionRepos();

  it(`closes with a reason and says so`, async () => {
    const repo = await initialised();
    const id = await create(repo, `Fix the login redirect`);

    const result = await maestro(repo, [`task`, `close`, id, `--reason`, `kept the return url`]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `[ok] Task closed: ${id}\n  Title: Fix the login redirect\n  Reason: kept the return url\n`);
    const stored = JSON.parse(repo.git([`show`, `refs/maestro/main:tasks/${id}.json`]));
    assert.deepEqual([stored.status, stored.closeReason, typeof stored.closedAt], [`closed`, `kept the return url`, `string`]);
  });

  it(`refuses a second close with exit 1 and keeps the first reason`, async () => {
    const repo = await initialised();
    const id = await create(repo, `Once`);
    await maestro(repo, [`task`, `close`, id, `--reason`, `first`]);

    await refused(repo, [`task`, `close`, id, `--reason`, `second`], 1, new RegExp(`^maestro: task ${id} is already closed; hint: reopen it with`));

    assert.equal((await maestroJson(repo, [`task`, `show`, id])).closeReason, `first`);
  });

  it(`refuses an unknown task with exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`task`, `close`, `tsk-nope`], 2, /^maestro: task tsk-nope not found/);
  });
});

describe(`maestro task ready`, () => {
  const {initialised} = missionRepos();

  it(`runs the daily loop: only the unblocked task is ready until its blocker closes, then the dependent is, with a hint`, async () => {
    const repo = await initialised();
    const blocker = await create(repo, `Fix the login redirect`);
    const dependent = await create(repo, `Ship the login page`, `--depends-on`, blocker);
    assert.deepEqual(await ready(repo), [blocker]);

    await maestro(repo, [`task`, `close`, blocker, `--reason`, `redirect keeps the login url`]);

    const briefings = await maestroJson(repo, [`task`, `ready`]);
    assert.deepEqual(briefings.map((task: {id: string}) => task.id), [dependent]);
    assert.deepEqual(briefings[0].hints.map((hint: {sourceTaskId: string; matchedKeywords: string[]}) => [hint.sourceTaskId, hint.matchedKeywords]), [[blocker, [`login`]]]);
    assert.match((await maestro(repo, [`task`, `ready`])).stdout, new RegExp(`^1 task\\(s\\)\n\n${dependent}  P2  open          Ship the login page\n  >> just now closed ${blocker}: redirect keeps the login url\n`));
    assert.deepEqual((await maestroJson(repo, [`task`, `ready`, `--no-hints`]))[0].hints, []);
  });

  it(`puts P0 and P1 first, hides deferred and blocked tasks, and applies the filters and the limit`, async () => {
    const repo = await initialised();
    const low = await create(repo, `Low`, `--priority`, `3`, `--labels`, `x`);
    const urgent = await create(repo, `Urgent`, `--priority`, `1`, `--type`, `bug`);
    const deferred = await create(repo, `Later`);
    await maestro(repo, [`task`, `update`, deferred, `--status`, `deferred`]);
    const held = await create(repo, `Held`, `--assignee`, `codex`);
    const stuck = await create(repo, `Stuck`);
    await maestro(repo, [`task`, `update`, stuck, `--status`, `blocked`]);

    assert.deepEqual(await ready(repo), [urgent, low, held]);
    assert.deepEqual(await ready(repo, `--include-deferred`), [urgent, low, deferred, held]);
    assert.deepEqual(await ready(repo, `--unassigned`), [urgent, low]);
    assert.deepEqual(await ready(repo, `--assignee`, `codex`), [held]);
    assert.deepEqual(await ready(repo, `--label`, `x`), [low]);
    assert.deepEqual(await ready(repo, `--type`, `bug`), [urgent]);
    assert.deepEqual(await ready(repo, `--priority`, `3`), [low]);
    assert.deepEqual(await ready(repo, `--limit`, `2`), [urgent, low]);
  });

  it(`refuses bad filter values with exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`task`, `ready`, `--limit`, `many`], 2, /--limit "many" is not a non-negative integer/);
    await refused(repo, [`task`, `ready`, `--priority`, `high`], 2, /--priority "high" is not a priority/);
    await refused(repo, [`task`, `ready`, `--type`, `story`], 2, /--type "story" is not a task type/);
  });
});
