import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {COMMANDS} from '../../commands/index.ts';
import {completionSpec} from '../../lib/completion/completionSpec.ts';
import {findInstructionBlock, removeInstructionBlock, renderInstructionBlock, spliceInstructionBlock} from '../../lib/install/instructionBlock.ts';

const BLOCK = renderInstructionBlock(`9.9.9`);

describe(`the instruction block`, () => {
  it(`is lean and names the version that wrote it`, () => {
    const found = findInstructionBlock(`x\n\n${BLOCK}\n`);

    assert.equal(found?.version, `9.9.9`);
    assert.ok(BLOCK.split(`\n`).length <= 16, `${BLOCK.split(`\n`).length} lines`);
    assert.ok(BLOCK.length < 1600, `${BLOCK.length} characters`);
  });

  it(`names only real commands with options they have, and the commands an agent needs with --json`, () => {
    const specs = completionSpec(COMMANDS, {});
    const uses = [...BLOCK.matchAll(/`maestro ([^`]+)`/g)].map(match => match[1]!.split(` `));

    const problems = uses.flatMap(words => {
      const spec = specs.filter(candidate => candidate.path.every((token, i) => words[i] === token)).sort((a, b) => b.path.length - a.path.length)[0];
      if (!spec) return [`no command: maestro ${words.join(` `)}`];
      const known = new Set([...spec.options.flatMap(option => option.names), `--help`]);
      return words.map(word => word.replace(/^\[|\]$/g, ``)).filter(word => /^--?[a-z]/.test(word) && !known.has(word)).map(flag => `maestro ${spec.path.join(` `)} has no ${flag}`);
    });
    const needed = [`feature next`, `feature prompt`, `handoff pickup --claim`, `feature update`, `validate update`, `sync`]
      .map(command => uses.find(words => words.join(` `).startsWith(command))?.join(` `) ?? `missing: ${command}`);

    assert.deepEqual(problems, []);
    assert.deepEqual(needed.filter(use => !use.endsWith(` --json`)), []);
  });
});

describe(`spliceInstructionBlock and removeInstructionBlock`, () => {
  it(`appends the block after a blank line and removes it back to the same bytes`, () => {
    const original = `# Rules\n\nUse tabs.\n`;

    const installed = spliceInstructionBlock(original, BLOCK);

    assert.equal(installed, `# Rules\n\nUse tabs.\n\n${BLOCK}\n`);
    assert.equal(removeInstructionBlock(installed), original);
  });

  it(`replaces a block in place and keeps the text on both sides byte for byte`, () => {
    const content = `top\r\n\n<!-- maestro:start -->\nold words\n<!-- maestro:end -->\n\n  bottom  \n`;

    const replaced = spliceInstructionBlock(content, BLOCK);

    assert.equal(replaced, `top\r\n\n${BLOCK}\n\n  bottom  \n`);
    assert.equal(findInstructionBlock(content)?.version, null);
  });

  it(`gives an empty file just the block, and takes it back to nothing`, () => {
    const installed = spliceInstructionBlock(` \n`, BLOCK);

    assert.equal(installed, `${BLOCK}\n`);
    assert.equal(removeInstructionBlock(installed), ``);
  });

  it(`closes up a block between two sections with one blank line and touches nothing else`, () => {
    const content = `a\n\n\n\nb\n\n${BLOCK}\n\nc\n`;

    assert.equal(removeInstructionBlock(content), `a\n\n\n\nb\n\nc\n`);
    assert.equal(removeInstructionBlock(`no block\n`), null);
  });
});
