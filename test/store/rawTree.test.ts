import * as assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {decodeTree, diffRawTreesInPlace, encodeTree, findRawTreeEntry, patchRawTree, type TreeEntry} from '../../lib/store/gitObjects.ts';
import {seededRandom} from '../helpers/seededRandom.ts';

const oid = (n: number) => n.toString(16).padStart(40, `0`);
const entries: TreeEntry[] = [
  {name: `a.json`, mode: `100644`, oid: oid(1)},
  {name: `b`, mode: `40000`, oid: oid(2)},
  {name: `b.json`, mode: `100644`, oid: oid(3)},
  {name: `é.json`, mode: `100644`, oid: oid(4)},
];
const raw = encodeTree(entries);

describe(`raw tree operations`, () => {
  it(`finds an entry by name without decoding the others, and not a name that is only a suffix`, () => {
    const found = findRawTreeEntry(raw, `b.json`);

    assert.deepEqual(found && {mode: found.mode, oid: raw.toString(`hex`, found.oidAt, found.oidAt + 20)}, {mode: `100644`, oid: oid(3)});
    assert.equal(findRawTreeEntry(raw, `json`), null);
    assert.equal(findRawTreeEntry(raw, `é.json`)?.mode, `100644`);
  });

  it(`patches oids into the same tree that encoding the changed entries gives`, () => {
    const patched = patchRawTree(raw, new Map([[`a.json`, {oid: oid(9), tree: false}], [`b`, {oid: oid(8), tree: true}]]));

    const expected = encodeTree(entries.map(e => (e.name === `a.json` ? {...e, oid: oid(9)} : e.name === `b` ? {...e, oid: oid(8)} : e)));
    assert.deepEqual(patched, expected);
    assert.equal(patchRawTree(raw, new Map([[`new.json`, {oid: oid(9), tree: false}]])), null);
    assert.equal(patchRawTree(raw, new Map([[`b`, {oid: oid(9), tree: false}]])), null);
  });

  it(`lists the entries whose oid changed in place, and gives up when names moved`, () => {
    const after = encodeTree(entries.map(e => (e.name === `é.json` ? {...e, oid: oid(7)} : e)));
    const added = encodeTree([...entries, {name: `c.json`, mode: `100644`, oid: oid(5)}]);

    assert.deepEqual(diffRawTreesInPlace(raw, after), [{name: `é.json`, mode: `100644`, before: oid(4), after: oid(7)}]);
    assert.equal(diffRawTreesInPlace(raw, added), null);
    assert.deepEqual(decodeTree(after).map(e => e.name), decodeTree(raw).map(e => e.name));
  });

  it(`agrees with decoding both trees, over random trees of up to 3,000 entries with oids and names changed`, () => {
    const random = seededRandom(7);
    const randomOid = () => Array.from({length: 40}, () => `0123456789abcdef`[Math.floor(random() * 16)]).join(``);
    for (let round = 0; round < 60; round++) {
      const size = 1 + Math.floor(random() * 3000);
      const tree = Array.from({length: size}, (_, i): TreeEntry => ({name: `f${String(i).padStart(5, `0`)}.json`, mode: random() < 0.1 ? `40000` : `100644`, oid: randomOid()}));
      const changes = Math.floor(random() * 5);
      const next = tree.map(entry => ({...entry}));
      for (let c = 0; c < changes; c++) next[Math.floor(random() * size)]!.oid = randomOid();
      const renamed = random() < 0.2;
      if (renamed) next[Math.floor(random() * size)]!.name = `g${String(Math.floor(random() * 99999)).padStart(5, `0`)}.json`;
      const before = encodeTree(tree);
      const after = encodeTree(next);

      const diff = diffRawTreesInPlace(before, after);

      const [old, now] = [decodeTree(before), decodeTree(after)];
      const sameNames = now.every((entry, i) => entry.name === old[i]!.name && entry.mode === old[i]!.mode);
      if (!sameNames) {
        assert.equal(diff, null, `round ${round}: names changed`);
        continue;
      }
      const expected = old.flatMap((entry, i) => {
        const other = now[i]!;
        return entry.oid === other.oid ? [] : [{name: entry.name, mode: entry.mode, before: entry.oid, after: other.oid}];
      });
      assert.deepEqual(diff, expected, `round ${round}`);
    }
  });
});
