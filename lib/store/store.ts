import * as path from 'node:path';
import {resolveIdentity} from './identity.ts';
import {encodeCommit, timezoneOffset, type CommitObject} from './gitObjects.ts';
import {ObjectDb} from './objectDb.ts';
import {readRef} from './refs.ts';
import {withRefLock} from './refLock.ts';
import {StateCache, type TipInfo} from './stateCache.ts';
import {describeCommit, StateReader} from './stateReader.ts';
import {StateSnapshot} from './stateSnapshot.ts';
import {writeChangedTrees} from './treeWriter.ts';
import {STATE_REF, type Change, type CommitMeta, type Identity, type StateTip, type StoreDeps} from './types.ts';

export interface TransactionResult<T> {
  result: T;
  /** The tip after the transaction (the old one when nothing changed). */
  tip: TipInfo | null;
  committed: boolean;
}

export type TransactionBody<T> = (snapshot: StateSnapshot) => Promise<{changes: Change[]; result: T}>;

/**
 * The git-native state store on `refs/maestro/main` (DESIGN.md, "The store"). Reads go through the
 * tip's tree; a mutation is one transaction: under the ref lock it reads the tip, applies the body,
 * writes the changed blobs and trees and a commit, then moves the ref.
 */
export class Store {
  readonly objects: ObjectDb;
  readonly reader: StateReader;
  readonly identity: Identity & {configured: boolean};

  constructor(readonly deps: StoreDeps) {
    this.objects = new ObjectDb(deps.fs, deps.repo.commondir, deps.cache);
    this.reader = new StateReader(this.objects, new StateCache(deps.fs, deps.repo.commondir));
    this.identity = resolveIdentity(deps.fs, deps.repo, deps.env);
  }

  /** The current tip of the state ref, or null before `maestro init`. */
  async tip(): Promise<TipInfo | null> {
    const commit = readRef(this.deps.fs, this.deps.repo.commondir, STATE_REF);
    return commit ? this.reader.tipOf(commit) : null;
  }

  async snapshot(tip?: StateTip | null): Promise<StateSnapshot> {
    return new StateSnapshot(this.reader, tip === undefined ? await this.tip() : tip);
  }

  /** A snapshot of any commit id (for log, diff, checkpoints). */
  async snapshotAt(commit: string): Promise<StateSnapshot> {
    return new StateSnapshot(this.reader, await this.reader.tipOf(commit));
  }

  /**
   * Runs `body` on the current tip under the ref lock and commits what it changes. A body that
   * throws writes nothing; one whose changes leave the tree as it was makes no commit.
   * @throws StoreBusyError when the ref stays locked; whatever the body throws
   */
  async transact<T>(meta: CommitMeta, body: TransactionBody<T>): Promise<TransactionResult<T>> {
    const {fs, repo, now} = this.deps;
    const outcome = await withRefLock({fs, commondir: repo.commondir, ref: STATE_REF, who: this.identity, now}, async current => {
      const base = current ? await this.reader.tipOf(current) : null;
      const {changes, result} = await body(new StateSnapshot(this.reader, base));
      const tree = changes.length === 0 && base ? base.tree : await writeChangedTrees(this.reader, this.objects, base?.tree ?? null, changes);
      if (base && tree === base.tree) return {result: {result, tip: base, committed: false}, ref: null};
      const object = this.commitObject(tree, base, meta);
      const commit = this.objects.write(`commit`, encodeCommit(object));
      const tip = describeCommit(commit, object);
      return {result: {result, tip, committed: true}, ref: {next: commit, message: `maestro: ${meta.message}`}};
    });
    if (outcome.committed && outcome.tip) this.reader.cache.writeTip(outcome.tip);
    return outcome;
  }

  /**
   * Moves the state ref under the same lock to something other than a plain child of the tip: a
   * fast-forward to a fetched commit (`{commit}`) or a merge commit (`{tree, parents}`). `decide` runs
   * on the current tip inside the lock and returns null to leave the ref alone.
   */
  async advance<T>(meta: CommitMeta, decide: (current: TipInfo | null) => Promise<{result: T; next: {commit: string} | {tree: string; parents: string[]} | null}>): Promise<{result: T; tip: TipInfo | null; moved: boolean}> {
    const {fs, repo, now} = this.deps;
    const outcome = await withRefLock({fs, commondir: repo.commondir, ref: STATE_REF, who: this.identity, now}, async current => {
      const base = current ? await this.reader.tipOf(current) : null;
      const {result, next} = await decide(base);
      if (!next) return {result: {result, tip: base, moved: false}, ref: null};
      let commit: string;
      if (`commit` in next) {
        commit = next.commit;
      } else {
        const object = {...this.commitObject(next.tree, null, meta), parents: next.parents};
        commit = this.objects.write(`commit`, encodeCommit(object));
      }
      const tip = await this.reader.tipOf(commit);
      return {result: {result, tip, moved: commit !== current}, ref: {next: commit, message: `maestro: ${meta.message}`}};
    });
    if (outcome.moved && outcome.tip) this.reader.cache.writeTip(outcome.tip);
    return outcome;
  }

  private commitObject(tree: string, base: StateTip | null, meta: CommitMeta): CommitObject {
    const at = this.deps.now();
    const signature = {name: this.identity.name, email: this.identity.email, timestamp: Math.floor(at.getTime() / 1000), timezoneOffset: timezoneOffset(at)};
    const extra = typeof meta.trailers === `function` ? meta.trailers() : meta.trailers ?? [];
    const trailers: Array<[string, string]> = [[`Maestro-Agent`, meta.agent], [`Maestro-Session`, meta.session], ...extra];
    const subject = meta.message.replace(/\s*\n\s*/g, ` `).trim();
    const message = `${subject}\n\n${trailers.map(([key, value]) => `${key}: ${value.replace(/\n/g, ` `)}`).join(`\n`)}\n`;
    return {tree, parents: base ? [base.commit] : [], author: signature, committer: signature, message};
  }

  /** Where maestro keeps its own files in the common directory (cache, gc marker). */
  get privateDir(): string {
    return path.join(this.deps.repo.commondir, `maestro`);
  }
}
