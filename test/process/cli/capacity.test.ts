// The built `dwtasks capacity` as a user runs it (its own bundle, its own process) against the
// emulator: the history is read once and kept in the workspace, the second picture makes no call,
// and the zone is the region's (cn-hangzhou by default) whatever the machine's TZ.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '@src/emulator/index';
import { builtCli } from '../built-cli';

const run = promisify(execFile);
let emu: RunningEmulator;
const actions: string[] = [];

before(async () => { emu = await startEmulator({ tasks: 200, seed: 11, log: (line) => actions.push(line.split(/\s+/)[0]) }); });
after(async () => { await emu.close(); });

test('built CLI: the history is read once into .dwtasks/history/, the second picture makes no call', async () => {
  const cli = builtCli();
  const workspace = mkdtempSync(join(tmpdir(), 'dwcapacity-ws-'));
  const project = emu.snapshot().projects[0].Id;
  const env = { ...process.env, TZ: 'UTC', ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret };
  const args = [cli, 'capacity', '--project', project, '--endpoint', emu.endpoint, '--days', '1', '--history', '1', '--max-calls', '500', '--rps', '100', '--json'];
  const first = await run(process.execPath, args, { cwd: workspace, env });
  const calls = actions.filter((a) => a === 'ListTaskInstances').length;
  assert.ok(calls >= 1);
  assert.match(first.stderr, new RegExp(`Read 1 day of run history in ${calls} calls?\\.`));
  const j = JSON.parse(first.stdout) as { zone: string; groups: unknown[] };
  assert.equal(j.zone, 'Asia/Shanghai', 'the region\'s zone, not the machine\'s UTC');
  assert.ok(j.groups.length > 0);
  actions.length = 0;
  const second = await run(process.execPath, args, { cwd: workspace, env });
  assert.deepEqual(actions.filter((a) => a === 'ListTaskInstances'), []);
  assert.match(second.stderr, /Run history: 1 day, 1 cached in .*\.dwtasks\/history\/.*; no call needed\./);
  assert.equal(second.stdout, first.stdout);
});
