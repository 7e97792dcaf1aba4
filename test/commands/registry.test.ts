import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {COMMANDS} from '../../commands/index.ts';

describe(`the command registry`, () => {
  for (const command of COMMANDS) {
    const name = command.paths?.[0]?.join(` `) ?? `?`;

    it(`gives \`maestro ${name}\` a description and at least one $0 example`, () => {
      assert.ok(command.usage?.description, `no description`);
      assert.ok((command.usage?.examples ?? []).some(([, line]) => line.startsWith(`$0 `)), `no $0 example`);
    });

    it(`gives \`maestro ${name}\` a --json option and a --json example`, () => {
      const instance = new (command as unknown as new () => Record<string, unknown>)();
      assert.ok(`json` in instance, `no json option`);
      assert.ok((command.usage?.examples ?? []).some(([, line]) => line.includes(`--json`)) || name === `state put`, `no --json example`);
    });
  }
});
