import * as assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {decodeTree, diffRawTreesInPlace, encodeTree, findRawTreeEntry, patchRawTree, type TreeEntry} from '../../lib/store/gitObjects.ts';

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
});
