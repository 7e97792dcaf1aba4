import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ObjectDb} from '../../lib/store/objectDb.ts';
import {PackReader} from '../../lib/store/packReader.ts';
import {gitEnv, makeGitRepo, type GitRepo} from '../helpers/gitRepo.ts';

describe(`PackReader`, () => {
  let repo: GitRepo;
  let objects: Array<{oid: string; type: string}>;
  before(() => {
    repo = makeGitRepo();
    // Many versions of a few similar files, so that `git gc --aggressive` stores most as deltas.
    const stream: string[] = [];
    for (let i = 1; i <= 60; i++) {
      const body = `${Array.from({length: 40}, (_, line) => `line ${line} of a file that changes a little: ${line === i % 40 ? i : 0}`).join(`\n`)}\n`;
      stream.push(`commit refs/heads/main`, `committer T <t@example.com> ${1700000000 + i} +0000`, `data 6`, `c ${String(i).padStart(3, `0`)}`,
        `M 100644 inline dir/file${i % 3}.txt`, `data ${Buffer.byteLength(body)}`, body);
    }
    repo.git([`fast-import`, `--quiet`], {input: `${stream.join(`\n`)}\n`});
    repo.git([`gc`, `--aggressive`, `--quiet`]);
    objects = repo.git([`cat-file`, `--batch-all-objects`, `--batch-check=%(objectname) %(objecttype)`]).trim().split(`\n`).map(line => {
      const [oid = ``, type = ``] = line.split(` `);
      return {oid, type};
    });
  });
  after(() => repo.cleanup());

  it(`reads every object of a gc'ed repository, deltas included, byte for byte as git does`, () => {
    const reader = new PackReader(fs, path.join(repo.dir, `.git`, `objects`));
    const deltas = repo.git([`verify-pack`, `-v`, ...fs.readdirSync(path.join(repo.dir, `.git/objects/pack`)).filter(f => f.endsWith(`.idx`)).map(f => `.git/objects/pack/${f}`)]);

    for (const {oid, type} of objects) {
      const object = reader.read(oid);
      assert.ok(object, `${oid} not found`);
      assert.equal(object.type, type);
      assert.ok(object.content.equals(execFileSync(`git`, [`cat-file`, type, oid], {cwd: repo.dir, env: gitEnv()})), `${oid} differs`);
    }
    assert.ok(objects.length > 150);
    assert.match(deltas, /chain length = [1-9]/);
  });

  it(`returns null for an object no pack holds`, () => {
    const reader = new PackReader(fs, path.join(repo.dir, `.git`, `objects`));

    assert.equal(reader.read(`0123456789abcdef0123456789abcdef01234567`), null);
  });
});

describe(`ObjectDb`, () => {
  it(`does not write again an object it has read from a pack, and writes one it has not`, async () => {
    const repo = makeGitRepo();
    try {
      repo.git([`commit`, `--allow-empty`, `-m`, `root`, `--quiet`]);
      const blob = repo.git([`hash-object`, `-w`, `--stdin`], {input: `packed text\n`}).trim();
      repo.git([`tag`, `keep`, blob]);
      repo.git([`gc`, `--quiet`]);
      const objects = new ObjectDb(fs, path.join(repo.dir, `.git`), {});
      const loose = () => repo.git([`count-objects`]).trim();
      const before = loose();

      const read = await objects.read(blob);
      const again = objects.writeBlob(read.content.toString(`utf8`));
      const after = loose();
      const other = objects.writeBlob(`new text\n`);

      assert.equal(again, blob);
      assert.equal(after, before, `no loose copy of the packed object`);
      assert.notEqual(loose(), before, `a new object is written`);
      assert.equal(repo.git([`cat-file`, `-p`, other]), `new text\n`);
    } finally {
      repo.cleanup();
    }
  });
});
