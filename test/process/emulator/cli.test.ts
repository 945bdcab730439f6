// `dwtasks emulator` as a process: the built CLI (dist/cli.js from node scripts/build.mjs) prints the
// --json line first, logs requests to stderr, stops cleanly on SIGTERM, and a SIGKILL in the middle of writes leaves a state file that holds every answered change.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { readStateFile } from '@src/emulator/index';
import { sdkCall } from '../../unit/emulator/support';
import { builtCli } from '../built-cli';

const dir = mkdtempSync(join(tmpdir(), 'dw-emu-cli-'));
let cli = '';

interface Started { child: ChildProcessWithoutNullStreams; firstLine: string; stderr: () => string }

const children: ChildProcessWithoutNullStreams[] = [];

function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [cli, 'emulator', ...args], { cwd: dir });
  children.push(child);
  let err = '';
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return new Promise((resolveStart, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (firstLine) => resolveStart({ child, firstLine, stderr: () => err }));
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code} before printing: ${err}`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));

describe('dwtasks emulator (process)', () => {
  before(() => {
    cli = builtCli();
  });
  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL'); // only after a failed test
    rmSync(dir, { recursive: true, force: true });
  });

  it('with --json prints exactly {endpoint, accessKeyId, accessKeySecret} first, logs requests, stops on SIGTERM', async () => {
    const { child, firstLine, stderr } = await startCli(['--port', '0', '--json', '--tasks', '50']);
    assert.match(firstLine, /^\{"endpoint":"http:\/\/127\.0\.0\.1:\d+","accessKeyId":"[^"]+","accessKeySecret":"[^"]+"\}$/);
    const info = JSON.parse(firstLine) as { endpoint: string; accessKeyId: string; accessKeySecret: string };
    const port = Number(new URL(info.endpoint).port);
    const r = await sdkCall({ port, accessKeyId: info.accessKeyId, accessKeySecret: info.accessKeySecret }, 'ListProjects', {});
    assert.equal(r.statusCode, 200);
    await sdkCall({ port, accessKeyId: info.accessKeyId, accessKeySecret: 'wrong' }, 'ListProjects', {}).catch(() => undefined);
    const done = exited(child);
    child.kill('SIGTERM');
    assert.deepEqual(await done, { code: 0, signal: null });
    assert.match(stderr(), /^ListProjects 200 OK \d+ms$/m);
    assert.match(stderr(), /^ListProjects 400 SignatureDoesNotMatch \d+ms$/m);
  });

  it('without --json prints the endpoint and the key pair for people', async () => {
    const { child, firstLine } = await startCli(['--port=0', '--tasks=20']);
    assert.match(firstLine, /listening on http:\/\/127\.0\.0\.1:\d+/);
    const done = exited(child);
    child.kill('SIGINT');
    assert.equal((await done).code, 0);
  });

  it('a SIGKILL during a burst of writes leaves a parseable state with every answered change', async () => {
    const state = join(dir, 'killed.json');
    const { child, firstLine } = await startCli(['--port', '0', '--json', '--tasks', '2000', '--state', state]);
    const info = JSON.parse(firstLine) as { endpoint: string; accessKeyId: string; accessKeySecret: string };
    const emu = { port: Number(new URL(info.endpoint).port), accessKeyId: info.accessKeyId, accessKeySecret: info.accessKeySecret };
    const ids = Object.keys(JSON.parse(readFileSync(state, 'utf8')).tasks.Prod).slice(0, 60);
    const answered: string[] = [];
    let settled = 0;
    let tenAnswered!: () => void;
    const enough = new Promise<void>((r) => (tenAnswered = r));
    const calls = ids.map((id) => sdkCall(emu, 'BatchUpdateTasks', { Tasks: `[{"Id":${id},"Description":"k-${id}"}]` })
      .then(() => { answered.push(id); }, () => undefined)
      .finally(() => { settled++; if (answered.length >= 10 || settled === ids.length) tenAnswered(); }));
    await enough;
    assert.ok(answered.length >= 10, 'the emulator answered changes before the kill');
    const done = exited(child);
    child.kill('SIGKILL');
    await done;
    await Promise.all(calls);
    JSON.parse(readFileSync(state, 'utf8')); // the state file itself is whole
    const saved = readStateFile(state); // with the change log a restart replays
    for (const id of answered) assert.equal(saved.tasks.Prod[id].Description, `k-${id}`, `answered change of ${id} is on disk`);
    // a restart with the same file cleans the dead run's temp files and keeps the state
    const again = await startCli(['--port', '0', '--json', '--state', state]);
    assert.ok(!readdirSync(dir).some((n) => n.endsWith('.tmp') || n.includes('.wal')), readdirSync(dir).join());
    const info2 = JSON.parse(again.firstLine) as typeof info;
    const got = await sdkCall({ port: Number(new URL(info2.endpoint).port), accessKeyId: info2.accessKeyId, accessKeySecret: info2.accessKeySecret },
      'GetTask', { Id: answered[0], ProjectEnv: 'Prod' });
    assert.equal((got.body.Task as { Description: string }).Description, `k-${answered[0]}`);
    const stop = exited(again.child);
    again.child.kill('SIGTERM');
    await stop;
  });
});
