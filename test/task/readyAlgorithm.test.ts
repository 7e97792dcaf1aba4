import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {checkDependencies, checkParentChain, extractKeywords, newTaskId, type Task} from '../../lib/domain/task.ts';
import {GateError} from '../../lib/errors.ts';
import {selectReady, type ReadyFilters} from '../../lib/task/readyTasks.ts';

const NOW = `2026-11-25T12:00:00.000Z`;
let clock = 0;

/** A valid task; each one a minute younger than the one before, so creation order is build order. */
function aTask(id: string, with_: Partial<Task> = {}): Task {
  const at = new Date(Date.parse(`2026-11-25T00:00:00.000Z`) + 60_000 * clock++).toISOString();
  return {id: `tsk-${id}`, title: `Task ${id}`, type: `task`, priority: 2, status: `open`, labels: [], dependsOn: [], createdAt: at, updatedAt: at, ...with_};
}

const graph = (...tasks: Task[]) => new Map(tasks.map(task => [task.id, task]));
const readyIds = (tasks: Map<string, Task>, filters: Partial<ReadyFilters> = {}) => selectReady(tasks, NOW, {limit: 0, ...filters}).map(task => task.id);

describe(`selectReady`, () => {
  it(`blocks a task on an open dependency followed transitively, even through a closed one`, () => {
    const tasks = graph(aTask(`a`), aTask(`b`, {status: `closed`, dependsOn: [`tsk-a`]}), aTask(`c`, {dependsOn: [`tsk-b`]}));

    assert.deepEqual(readyIds(tasks), [`tsk-a`]);
  });

  it(`readies a task once its whole dependency chain is closed`, () => {
    const tasks = graph(aTask(`a`, {status: `closed`}), aTask(`b`, {status: `closed`, dependsOn: [`tsk-a`]}), aTask(`c`, {dependsOn: [`tsk-b`]}));

    assert.deepEqual(readyIds(tasks), [`tsk-c`]);
  });

  it(`blocks the tasks on a dependency cycle and those waiting on it, ignores unknown dependencies, and never blocks on a parent`, () => {
    const tasks = graph(
      aTask(`x`, {status: `closed`, dependsOn: [`tsk-y`]}), aTask(`y`, {status: `closed`, dependsOn: [`tsk-x`]}), aTask(`w`, {dependsOn: [`tsk-x`]}),
      aTask(`orphan`, {dependsOn: [`tsk-gone`]}), aTask(`parent`), aTask(`child`, {parentId: `tsk-parent`}));

    assert.deepEqual(readyIds(tasks), [`tsk-orphan`, `tsk-parent`, `tsk-child`]);
  });

  it(`keeps in_progress tasks, hides deferred ones and those deferred until later unless asked`, () => {
    const tasks = graph(aTask(`doing`, {status: `in_progress`}), aTask(`deferred`, {status: `deferred`}),
      aTask(`later`, {deferUntil: `2026-11-26T00:00:00.000Z`}), aTask(`past`, {deferUntil: `2026-11-24T00:00:00.000Z`}));

    assert.deepEqual(readyIds(tasks), [`tsk-doing`, `tsk-past`]);
    assert.deepEqual(readyIds(tasks, {includeDeferred: true}), [`tsk-doing`, `tsk-deferred`, `tsk-later`, `tsk-past`]);
  });

  it(`sorts P0 and P1 first, each group oldest first, then applies the limit`, () => {
    const tasks = graph(aTask(`p3`, {priority: 3}), aTask(`p1`, {priority: 1}), aTask(`p2`), aTask(`p0`, {priority: 0}));

    assert.deepEqual(readyIds(tasks), [`tsk-p1`, `tsk-p0`, `tsk-p3`, `tsk-p2`]);
    assert.deepEqual(readyIds(tasks, {limit: 3}), [`tsk-p1`, `tsk-p0`, `tsk-p3`]);
  });

  it(`gives at most three hints, most shared words first, then the latest, never the task itself`, () => {
    const closed = (id: string, reason: string, at: string, title = `Closed ${id}`) => aTask(id, {status: `closed`, title, closeReason: reason, closedAt: at});
    const tasks = graph(
      closed(`one`, `login cache fixed`, `2026-11-25T01:00:00.000Z`), closed(`two`, `login redirect and cache`, `2026-11-25T02:00:00.000Z`),
      closed(`three`, `login`, `2026-11-25T03:00:00.000Z`), closed(`four`, `login again`, `2026-11-25T04:00:00.000Z`),
      closed(`none`, `unrelated`, `2026-11-25T05:00:00.000Z`), aTask(`ready`, {title: `Login cache redirect`, labels: [`auth`]}));

    const [briefing] = selectReady(tasks, NOW, {limit: 0});

    assert.deepEqual(briefing!.hints.map(hint => [hint.sourceTaskId, hint.matchedKeywords]), [
      [`tsk-two`, [`login`, `redirect`, `cache`]], [`tsk-one`, [`login`, `cache`]], [`tsk-four`, [`login`]],
    ]);
  });
});

describe(`task graph checks`, () => {
  it(`refuses a dependency that closes a cycle through the task and names it`, () => {
    const tasks = graph(aTask(`a`), aTask(`b`, {dependsOn: [`tsk-a`]}), aTask(`c`, {dependsOn: [`tsk-b`]}));

    assert.throws(() => checkDependencies(tasks, `tsk-a`, [`tsk-c`]), (error: Error) => error instanceof GateError && error.message.includes(`(tsk-a -> tsk-c -> tsk-b -> tsk-a)`));
    assert.doesNotThrow(() => checkDependencies(tasks, `tsk-c`, [`tsk-b`, `tsk-a`]));
  });

  it(`does not let a cycle elsewhere block an unrelated task`, () => {
    const tasks = graph(aTask(`x`, {dependsOn: [`tsk-y`]}), aTask(`y`, {dependsOn: [`tsk-x`]}), aTask(`z`));

    assert.doesNotThrow(() => checkDependencies(tasks, `tsk-z`, [`tsk-x`]));
  });

  it(`refuses a parent chain that loops or runs deeper than 32`, () => {
    const chain = Array.from({length: 40}, (_, i) => aTask(`n${i}`, i === 0 ? {} : {parentId: `tsk-n${i - 1}`}));
    const tasks = graph(...chain);

    assert.throws(() => checkParentChain(tasks, `tsk-n0`, `tsk-n3`), /parent chain would loop \(tsk-n0 -> tsk-n3 -> tsk-n2 -> tsk-n1 -> tsk-n0\)/);
    assert.throws(() => checkParentChain(graph(aTask(`new`)), `tsk-new`, `tsk-new`), /loop \(tsk-new -> tsk-new\)/);
    assert.throws(() => checkParentChain(tasks, `tsk-new`, `tsk-n39`), /deeper than 32/);
    assert.doesNotThrow(() => checkParentChain(tasks, `tsk-new`, `tsk-n20`));
  });

  it(`extracts keywords as the reference: lower-case, 3+ letters, no stop words or numbers, once each`, () => {
    assert.deepEqual(extractKeywords(`Fix the LOGIN_redirect: login 404 in v2 of it`), [`fix`, `login`, `redirect`]);
  });

  it(`makes task ids with the tsk- prefix and a dated, random body`, () => {
    assert.equal(newTaskId(new Date(2026, 10, 25, 0, 0, 1), () => 0.5), `tsk-2026-11-25-0001iiii`);
  });
});
