// The command table keeps each command's summary so --help loads no command: every entry must be
// lazy and its summary must be the command's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands, type LazyCommand } from '@src/cli/commands/index';

test('every command is a lazy entry whose summary is the one in its own file', async () => {
  assert.ok(Object.keys(commands).length >= 6);
  for (const [name, entry] of Object.entries(commands)) {
    assert.ok('load' in entry, `${name}: add it to the table with lazy(summary, () => import(...)), not as an eager import`);
    const command = await (entry as LazyCommand).load();
    assert.equal(entry.summary, command.summary, `${name}: the table's summary differs from the command's`);
    assert.equal(typeof command.run, 'function');
  }
});
