import type {Store} from '../../lib/store/store.ts';
import type {StateSnapshot} from '../../lib/store/stateSnapshot.ts';

/** Every file of a snapshot by path, read through the store. */
export async function readFiles(snapshot: StateSnapshot): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const name of await snapshot.list(dir)) {
      const path = dir === `` ? name : `${dir}/${name}`;
      const text = await snapshot.readText(path);
      if (text === null) await walk(path);
      else files[path] = text;
    }
  };
  await walk(``);
  return files;
}

export interface StateDump {
  tip: string | null;
  files: Record<string, string>;
  /** The first-parent history from the tip: commit id, tree id and message of each. */
  history: Array<{commit: string; tree: string; message: string}>;
}

/** Everything the store reads: the tip, its files, the whole history. */
export async function dumpState(store: Store): Promise<StateDump> {
  const tip = await store.tip();
  const history: StateDump['history'] = [];
  for (let commit = tip?.commit; commit; ) {
    const object = await store.reader.commit(commit);
    history.push({commit, tree: object.tree, message: object.message});
    commit = object.parents[0];
  }
  return {tip: tip?.commit ?? null, files: await readFiles(await store.snapshot(tip)), history};
}
