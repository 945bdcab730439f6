// `dwtasks emulator` option parsing (the process itself: test/process/emulator/cli.test.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseEmulatorArgs } from '@src/cli/commands/emulator';

it('refuses bad options with a message naming the option', () => {
  assert.throws(() => parseEmulatorArgs(['--error-rate', '2']), /--error-rate/);
  assert.throws(() => parseEmulatorArgs(['--qps']), /--qps needs a number/);
  assert.throws(() => parseEmulatorArgs(['--bogus']), /unknown option '--bogus'/);
  assert.throws(() => parseEmulatorArgs(['--error-rate', '0.7', '--drop-rate', '0.7']), /sum/);
  assert.deepEqual(parseEmulatorArgs(['--qps', '20', '--drop-after-apply-rate=0.1', '--fault-seed', '3', '--port', '0']).faults,
    { qps: 20, dropAfterApplyRate: 0.1, seed: 3 });
});
