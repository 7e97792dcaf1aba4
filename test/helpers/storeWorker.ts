/**
 * A separate process that writes to the store through the lib, for the concurrency and crash tests.
 *   node --import tsx test/helpers/storeWorker.ts <repo dir> <mode> <id> [count]
 * append:     `count` transactions, each writing writes/<id>-<n>.json and incrementing counter.json
 * transition: one transaction moving entity.json from pending to in-progress, by <id>; refused
 *             (TransitionError, exit 1, message on stderr) when it is no longer pending
 * loop:       writes forever (loop/<id>-<n>.json plus counter.json); prints `committed <id>` after the first commit
 * pause:      one transaction like append's, frozen just before its <count>th file-system mutation
 *             (prints `paused <call> <path>` and blocks, to be SIGKILLed there); prints `done <calls>`
 *             when the transaction makes fewer
 */
import nodeFs from 'node:fs';
import type {GitFs} from '../../lib/store/types.ts';
import {MaestroError, TransitionError} from '../../lib/errors.ts';
import {findRepository} from '../../lib/store/findRepository.ts';
import {Store} from '../../lib/store/store.ts';

const [dir, mode, id, countArg] = process.argv.slice(2);
if (!dir || !mode || !id) {
  process.stderr.write(`usage: storeWorker.ts <repo dir> <append|transition|loop> <id> [count]\n`);
  process.exit(2);
}

const MUTATIONS = [`openSync`, `writeSync`, `ftruncateSync`, `closeSync`, `renameSync`, `unlinkSync`, `linkSync`, `writeFileSync`, `appendFileSync`, `mkdirSync`, `rmdirSync`, `rmSync`, `fsyncSync`, `chmodSync`, `symlinkSync`] as const;
let mutations = 0;
let pauseAt = Infinity;

/** node:fs, with every mutating call counted, and the `pauseAt`th one frozen before it runs. */
function countingFs(): GitFs {
  const wrapped: Record<string, unknown> = {...nodeFs};
  for (const name of MUTATIONS) {
    const original = nodeFs[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (++mutations === pauseAt) {
        const target = typeof args[0] === `number` ? `fd ${args[0]}` : String(args[0]);
        process.stdout.write(`paused ${name} ${target}\n`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
      return original.apply(nodeFs, args);
    };
  }
  return wrapped as unknown as GitFs;
}

const fs = countingFs();
const store = new Store({fs, repo: findRepository(fs, dir), cache: {}, now: () => new Date(), env: {MAESTRO_NO_GC: `1`}});
const meta = (message: string) => ({message, agent: `worker-${id}`, session: `session-${id}`});
const json = (value: unknown) => `${JSON.stringify(value)}\n`;

async function increment(path: string, n: number) {
  return store.transact(meta(`${mode} ${id} ${n}`), async snapshot => {
    const counter = JSON.parse(await snapshot.readText(`counter.json`) ?? `{"n": 0}`) as {n: number};
    return {changes: [{path, content: json({id, n})}, {path: `counter.json`, content: json({n: counter.n + 1})}], result: counter.n + 1};
  });
}

async function transition() {
  return store.transact(meta(`entity start by ${id}`), async snapshot => {
    const entity = JSON.parse(await snapshot.readText(`entity.json`) ?? `null`) as {status: string; by?: string} | null;
    if (entity?.status !== `pending`) throw new TransitionError(`entity.json is ${entity?.status ?? `missing`}${entity?.by ? ` (by ${entity.by})` : ``}, not pending`);
    return {changes: [{path: `entity.json`, content: json({status: `in-progress`, by: id})}], result: null};
  });
}

try {
  if (mode === `append`) {
    for (let n = 0; n < Number(countArg ?? 25); n++) await increment(`writes/${id}-${n}.json`, n);
  } else if (mode === `transition`) {
    await transition();
  } else if (mode === `pause`) {
    pauseAt = Number(countArg);
    mutations = 0;
    await increment(`pause/${id}.json`, 0);
    process.stdout.write(`done ${mutations}\n`);
  } else if (mode === `loop`) {
    for (let n = 0; ; n++) {
      const outcome = await increment(`loop/${id}-${n}.json`, n);
      if (n === 0) process.stdout.write(`committed ${outcome.tip!.commit}\n`);
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} catch (error) {
  if (error instanceof MaestroError) {
    process.stderr.write(`maestro: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  throw error;
}
