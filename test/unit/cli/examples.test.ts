// The examples a newcomer opens after `npm start` are real: their ids are tasks of the emulator's
// default sample data, so they apply cleanly there (and the broken one is refused, nothing sent).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@src/cli/commands/apply';
import { startEmulator, type RunningEmulator } from '@src/emulator/index';
import { runCommand } from './apply-cli-io';

const root = join(__dirname, '../../..');
let emu: RunningEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;

before(async () => {
  emu = await startEmulator(); // the defaults `npm start` and `dwtasks emulator` use
  dir = mkdtempSync(join(tmpdir(), 'dwtasks-examples-'));
  cpSync(join(root, 'examples'), dir, { recursive: true });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret };
});
after(async () => { await emu?.close(); });

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.dwtasks.json') && !f.startsWith('broken'));

test('there are runnable examples', () => {
  assert.ok(examples.length >= 2, examples.join(', '));
});

for (const name of examples) {
  test(`${name} applies cleanly to the default sample data, with a revert patch`, async () => {
    const r = await runCommand(applyCommand, [join(dir, name), '--endpoint', emu.endpoint, '--yes', '--json', '--rps', '50'], env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const out = JSON.parse(r.stdout) as { results: { id: string; envType: 'Dev' | 'Prod'; status: string }[]; revert: string | null };
    assert.ok(out.results.length >= 3);
    for (const x of out.results) {
      assert.equal(x.status, 'succeeded', `${x.id}`);
      assert.ok(emu.snapshot().tasks[x.envType][x.id], `${x.id} exists in ${x.envType}`);
    }
    assert.ok(out.revert, 'a revert patch was written');
  });
}

test('broken.dwtasks.json is refused before anything is sent', async () => {
  const before = JSON.stringify(emu.snapshot().tasks);
  const r = await runCommand(applyCommand, [join(dir, 'broken.dwtasks.json'), '--endpoint', emu.endpoint, '--yes'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nothing was sent/);
  assert.equal(JSON.stringify(emu.snapshot().tasks), before);
});
