import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {COMMANDS} from '../../commands/index.ts';
import {COMMAND_TABLE} from '../../commands/table.ts';

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

  it(`lists every command in the lazy table under the paths its class declares, in the same order`, async () => {
    const loaded = await Promise.all(COMMAND_TABLE.map(entry => entry.load()));

    assert.deepEqual(loaded.map(command => command.name), COMMANDS.map(command => command.name));
    assert.deepEqual(COMMAND_TABLE.map(entry => entry.paths), COMMANDS.map(command => command.paths));
  });
});
