import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {GitRepo} from '../helpers/gitRepo.ts';
import {makeGitRepo} from '../helpers/gitRepo.ts';
import {maestro, maestroJson, missionRepos, refused} from '../helpers/missions.ts';

const create = async (repo: GitRepo, title: string, ...flags: string[]) => (await maestroJson(repo, [`task`, `create`, title, ...flags])).id as string;

describe(`maestro task create and task q`, () => {
  const {initialised} = missionRepos();

  it(`creates an open task as tasks/<id>.json with the reference's defaults and fields`, async () => {
    const repo = await initialised();
    const parent = await create(repo, `Auth epic`, `--type`, `epic`);

    const task = await maestroJson(repo, [`task`, `create`, `Fix the login redirect`, `--type`, `bug`, `--priority`, `1`, `--labels`, `auth, web,auth`,
      `--parent`, parent, `--assignee`, `codex`, `--description`, `keeps the return url`]);

    assert.match(task.id, /^tsk-\d{4}-\d{2}-\d{2}-[0-9a-z]{8}$/);
    assert.deepEqual([task.status, task.type, task.priority, task.labels, task.parentId, task.assignee, task.dependsOn], [`open`, `bug`, 1, [`auth`, `web`], parent, `codex`, []]);
    assert.equal(JSON.parse(repo.git([`show`, `refs/maestro/main:tasks/${task.id}.json`])).title, `Fix the login redirect`);
    assert.equal((await maestroJson(repo, [`task`, `create`, `Defaults`])).priority, 2);
  });

  it(`prints only the id with --silent, and q prints only the id ({id} with --json)`, async () => {
    const repo = await initialised();

    const silent = await maestro(repo, [`task`, `create`, `Quiet`, `--silent`]);
    const quick = await maestro(repo, [`task`, `q`, `Capture this`, `--type`, `chore`]);
    const quickJson = await maestroJson(repo, [`task`, `q`, `And this`]);

    assert.match(silent.stdout, /^tsk-\S+\n$/);
    assert.match(quick.stdout, /^tsk-\S+\n$/);
    assert.deepEqual(Object.keys(quickJson), [`id`]);
    assert.equal((await maestroJson(repo, [`task`, `show`, quick.stdout.trim()])).type, `chore`);
  });

  it(`refuses a bad title, type or priority, and an unknown dependency or parent, with exit 2`, async () => {
    const repo = await initialised();

    await refused(repo, [`task`, `create`, `  `], 2, /^maestro: the task title is empty; hint: /);
    await refused(repo, [`task`, `create`, `T`, `--type`, `story`], 2, /--type "story" is not a task type; hint: use one of: task, bug, feature, epic, chore/);
    await refused(repo, [`task`, `create`, `T`, `--priority`, `9`], 2, /--priority "9" is not a priority; hint: use 0, 1, 2, 3 or 4/);
    await refused(repo, [`task`, `create`, `T`, `--depends-on`, `tsk-nope,tsk-gone`], 2, /unknown tasks in --depends-on: tsk-nope, tsk-gone/);
    await refused(repo, [`task`, `q`, `T`, `--parent`, `tsk-nope`], 2, /parent task tsk-nope not found/);
  });

  it(`refuses every task command before maestro init with exit 1`, async () => {
    const repo = makeGitRepo();
    const commands = [[`create`, `T`], [`q`, `T`], [`show`, `tsk-x`], [`list`], [`update`, `tsk-x`, `--claim`], [`close`, `tsk-x`], [`ready`]];

    const results = await Promise.all(commands.map(argv => maestro(repo, [`task`, ...argv])));

    for (const result of results) assert.match(`${result.code} ${result.stderr}`, /^1 maestro: maestro is not initialised in .*; hint: run `maestro init`\n$/);
    repo.cleanup();
  });
});

describe(`maestro task show and task list`, () => {
  const {initialised} = missionRepos();

  it(`shows a task by a unique prefix, with or without tsk-`, async () => {
    const repo = await initialised();
    const id = await create(repo, `Show me`, `--labels`, `ui`);

    const byPrefix = await maestroJson(repo, [`task`, `show`, id.slice(0, -3)]);
    const human = await maestro(repo, [`task`, `show`, id.slice(4)]);

    assert.equal(byPrefix.id, id);
    assert.match(human.stdout, new RegExp(`^Task: ${id}\n  Title: Show me\n  Status: open\n  Priority: P2\n  Type: task\n`));
    assert.match(human.stdout, /  Labels: ui\n/);
  });

  it(`lists oldest first and filters by status, type, label, priority, parent, assignee and limit`, async () => {
    const repo = await initialised();
    const epic = await create(repo, `Epic`, `--type`, `epic`);
    const bug = await create(repo, `A bug`, `--type`, `bug`, `--labels`, `web`, `--priority`, `0`, `--parent`, epic);
    const chore = await create(repo, `A chore`, `--type`, `chore`, `--assignee`, `gemini`);
    await maestro(repo, [`task`, `close`, chore]);

    const ids = async (...flags: string[]) => (await maestroJson(repo, [`task`, `list`, ...flags])).map((task: {id: string}) => task.id);

    assert.deepEqual(await ids(), [epic, bug, chore]);
    assert.deepEqual(await ids(`--status`, `open`), [epic, bug]);
    assert.deepEqual(await ids(`--type`, `bug`), [bug]);
    assert.deepEqual(await ids(`--label`, `web`), [bug]);
    assert.deepEqual(await ids(`--priority`, `P0`), [bug]);
    assert.deepEqual(await ids(`--parent`, epic), [bug]);
    assert.deepEqual(await ids(`--assignee`, `gemini`), [chore]);
    assert.deepEqual(await ids(`--limit`, `1`), [epic]);
    assert.ok((await maestro(repo, [`task`, `list`])).stdout.startsWith(`3 task(s)\n\n${epic}  P2  open          Epic\n${bug}  P0  open          A bug\n`));
  });

  it(`refuses an unknown task, an ambiguous prefix and a bad filter with exit 2`, async () => {
    const repo = await initialised();
    await create(repo, `One`);
    await create(repo, `Two`);

    await refused(repo, [`task`, `show`, `tsk-nope`], 2, /^maestro: task tsk-nope not found; hint: list tasks with `maestro task list`/);
    await refused(repo, [`task`, `show`, `tsk-`], 2, /task "tsk-" is ambiguous/);
    await refused(repo, [`task`, `show`, `../x`], 2, /"\.\.\/x" is not a task id/);
    await refused(repo, [`task`, `list`, `--status`, `done`], 2, /--status "done" is not a task status/);
    await refused(repo, [`task`, `list`, `--limit`, `ten`], 2, /--limit "ten" is not a non-negative integer/);
  });
});
