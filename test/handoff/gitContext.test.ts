import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parsePorcelainZ, readBranch} from '../../lib/handoff/gitContext.ts';
import {findRepository} from '../../lib/store/findRepository.ts';
import {makeMemRepo} from '../helpers/memStore.ts';

const OID = `a`.repeat(40);

describe(`parsePorcelainZ`, () => {
  it(`keeps every path whole, the first one included, and skips the source of a rename`, () => {
    const output = ` M src/auth.ts\0?? .gitignore\0R  new name.ts\0old name.ts\0A  src/features/\0`;

    assert.deepEqual(parsePorcelainZ(output), [`src/auth.ts`, `.gitignore`, `new name.ts`, `src/features/`]);
  });

  it(`gives nothing for a clean tree`, () => {
    assert.deepEqual(parsePorcelainZ(``), []);
  });
});

describe(`readBranch`, () => {
  it(`reads the branch of this worktree's HEAD once it has a commit`, () => {
    const {fs, dir} = makeMemRepo();
    const repo = findRepository(fs, dir);
    const unborn = readBranch(fs, repo);
    fs.mkdirSync(`${dir}/.git/refs/heads/feat`, {recursive: true});
    fs.writeFileSync(`${dir}/.git/refs/heads/feat/handoff-clean`, `${OID}\n`);
    fs.writeFileSync(`${dir}/.git/HEAD`, `ref: refs/heads/feat/handoff-clean\n`);

    const branch = readBranch(fs, repo);

    assert.equal(unborn, null);
    assert.equal(branch, `feat/handoff-clean`);
  });

  it(`gives no branch for a detached HEAD`, () => {
    const {fs, dir} = makeMemRepo();
    fs.writeFileSync(`${dir}/.git/HEAD`, `${OID}\n`);

    assert.equal(readBranch(fs, findRepository(fs, dir)), null);
  });
});
