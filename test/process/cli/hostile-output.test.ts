// Nothing the service or a file holds reaches the terminal raw: the built CLI against an emulator
// seeded with a task named "x ESC[2J ESC]0;title BEL RLO evil", an owner and a resource group with
// controls, and a fault whose service message carries them. For each command (list, schedule, diff,
// apply, validate, pull) the captured stdout and stderr bytes hold no control or bidi character but
// the newlines and tabs the CLI writes, and the hostile text is there, escaped. Also: a closed pipe
// ends a command quietly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorState, type RunningEmulator } from '@src/emulator/index';
import { builtCli } from '../built-cli';

const NAME = 'x\u001b[2J\u001b]0;title\u0007 \u202e evil';
const OWNER = 'own\u001b[31mer\u009b\u2067';
const GROUP = 'Serverless_res_group_\u001b]8;;http://evil\u0007link\u202d';
const MESSAGE = 'Denied\u001b[2J\u001b]0;pwned\u0007 \u202e\u0085 see admin';
/** Raw bytes a terminal would act on: every C0 control but tab and newline, DEL, C1, bidi controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

let emu: RunningEmulator;
let dir: string;
let cli: string;
let project: string;
let ids: string[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwhostile-'));
  cli = builtCli();
  const statePath = join(dir, 'state.json');
  await (await startEmulator({ statePath, tasks: 30, seed: 11 })).close();
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as EmulatorState;
  const tasks = Object.values(state.tasks.Prod).filter((t) => t.Trigger.Type === 'Scheduler');
  project = tasks[0]!.ProjectId;
  const mine = tasks.filter((t) => t.ProjectId === project).slice(0, 3);
  assert.equal(mine.length, 3, 'three scheduled tasks in one project');
  for (const t of mine) {
    t.Name = NAME;
    t.Owner = OWNER;
    t.RuntimeResource.ResourceGroupId = GROUP;
    t.Trigger.Cron = '00 05 03 * * ?'; // the same minute: a peak on the hostile group
  }
  ids = mine.map((t) => t.Id);
  writeFileSync(statePath, JSON.stringify(state));
  emu = await startEmulator({ statePath });
});
after(async () => { await emu.close(); });

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: Buffer }

function run(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) })));
}

/** No raw control or bidi character in either stream, and each of `escaped` shows (in stdout or stderr). */
function assertSafe(r: Run, escaped: string[]): string {
  const text = `${r.stdout.toString('utf8')}${r.stderr.toString('utf8')}`;
  const raw = RAW.exec(text);
  assert.equal(raw, null, `raw U+${raw?.[0].codePointAt(0)?.toString(16)} at ${raw?.index}: ${JSON.stringify(text.slice(Math.max(0, (raw?.index ?? 0) - 40), (raw?.index ?? 0) + 40))}`);
  for (const e of escaped) assert.ok(text.includes(e), `expected ${e} in:\n${text}`);
  return text;
}

const patchWith = (name: string, tasks: unknown[]): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ Tasks: tasks }));
  return file;
};

test('list: the table escapes name and owner; --json keeps them exactly (escapes are JSON escapes)', async () => {
  const endpoint = ['--endpoint', emu.endpoint];
  const r = await run(['list', '--project', project, ...endpoint]);
  assert.equal(r.code, 0, r.stderr.toString());
  assertSafe(r, ['x\\u001b[2J\\u001b]0;title\\u0007 \\u202e evil', 'own\\u001b[31mer\\u009b\\u2067']);
  const json = await run(['list', '--project', project, '--json', ...endpoint]);
  assertSafe(json, ['\\u202e']);
  const tasks = JSON.parse(json.stdout.toString('utf8')) as { Id: string; Name: string; Owner: string }[];
  assert.deepEqual(tasks.filter((t) => ids.includes(t.Id)).map((t) => [t.Name, t.Owner]), ids.map(() => [NAME, OWNER]));
});

test('schedule: the peak and by-group lines escape the resource group', async () => {
  const r = await run(['schedule', '--project', project, '--endpoint', emu.endpoint, '--tz', 'UTC', '--days', '1']);
  assert.equal(r.code, 0, r.stderr.toString());
  const text = assertSafe(r, ['Serverless_res_group_\\u001b]8;;http://evil\\u0007link\\u202d']);
  assert.match(text, /all on group Serverless_res_group_\\u001b/);
  assert.match(text, /^ {2}Serverless_res_group_\\u001b.*: \d+ fires? of 3 tasks$/m);
});

test('diff: current values with controls and bidi are escaped in the plan', async () => {
  const file = patchWith('owner.dwtasks.json', ids.map((id) => ({ Id: Number(id), EnvType: 'Prod', Owner: '1234567' })));
  const r = await run(['diff', file, '--endpoint', emu.endpoint, '--project', project]);
  assert.equal(r.code, 1, r.stderr.toString());
  assertSafe(r, ['\\u001b[31mer\\u009b\\u2067', '-> "1234567"']);
});

test('apply: the service\'s message is escaped in the table, the Stopped line and the not-sent line', async () => {
  const file = patchWith('apply.dwtasks.json', ids.map((id) => ({ Id: Number(id), EnvType: 'Prod', Timeout: 3600 })));
  emu.setFaults({ errorRate: 1, errorMessage: MESSAGE });
  try {
    // Sent at once: the failed call's message in every row of the results table.
    const sent = await run(['apply', file, '--endpoint', emu.endpoint, '--yes', '--no-revert']);
    assert.equal(sent.code, 1, sent.stderr.toString());
    assertSafe(sent, ['Denied\\u001b[2J\\u001b]0;pwned\\u0007 \\u202e\\u0085 see admin']);
    assert.match(sent.stdout.toString(), /^ID +ENV +STATUS.*\n(\d+ +Prod +unknown .*Denied\\u001b\[2J.*\n){3}$/s, 'the results table');
    // Reading the current values first: the read fails, nothing is sent, and the run says why.
    const unread = await run(['apply', file, '--endpoint', emu.endpoint, '--yes']);
    assert.equal(unread.code, 3, unread.stderr.toString());
    assert.match(assertSafe(unread, []), /^dwtasks apply: Listing .*Denied\\u001b\[2J\\u001b\]0;pwned\\u0007 \\u202e\\u0085 see admin/m);
    // Refused for permissions (an error every later call would hit): the Stopped line quotes the service.
    emu.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'Forbidden.RAM', errorMessage: MESSAGE });
    const stopped = await run(['apply', file, '--endpoint', emu.endpoint, '--yes', '--no-revert']);
    assert.equal(stopped.code, 3, stopped.stderr.toString());
    assert.match(assertSafe(stopped, []), /^Stopped: .*Denied\\u001b\[2J\\u001b\]0;pwned\\u0007 \\u202e\\u0085 see admin/m);
  } finally {
    emu.setFaults({});
  }
});

test('validate: keys quoted in the findings are escaped (raw RLO in the file, ESC as a JSON escape)', async () => {
  const file = join(dir, 'keys.dwtasks.json');
  writeFileSync(file, `{"Tasks": [{"Id": 1, "EnvType": "Prod", "Own\\u001b[2Jer": "x", "Time\u202eout": 5}]}`);
  const r = await run(['validate', file]);
  assert.equal(r.code, 1, r.stderr.toString());
  assertSafe(r, ['Own\\u001b[2Jer', 'Time\\u202eout']);
});

test('pull: a service message with controls is escaped; nothing is written', async () => {
  emu.setFaults({ errorRate: 1, errorMessage: MESSAGE });
  try {
    const r = await run(['pull', '--project', project, '--endpoint', emu.endpoint, '--out', 'pulled.dwtasks.json']);
    assert.equal(r.code, 3, r.stderr.toString());
    assertSafe(r, ['Denied\\u001b[2J\\u001b]0;pwned\\u0007 \\u202e\\u0085 see admin']);
  } finally {
    emu.setFaults({});
  }
});

test('a reader that closes the pipe early (| head -c 700) ends the command quietly: no EPIPE trace', async () => {
  const tasks = Array.from({ length: 3000 }, (_, i) => ({ Id: i + 1, EnvType: 'Prod', Timeout: -1, Trigger: { Cron: 'not a cron' } }));
  const file = patchWith('many.dwtasks.json', tasks);
  const child = spawn(process.execPath, [cli, 'validate', '--json', file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let read = 0;
  child.stdout.on('data', (d: Buffer) => {
    read += d.length;
    if (read >= 700) child.stdout.destroy(); // what head -c 700 does once it has its bytes
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  assert.ok(read >= 700, 'the output is larger than what the reader takes');
  assert.equal(stderr, '', 'nothing on stderr');
  assert.deepEqual([code, signal], [141, null], 'exits as a tool stopped by SIGPIPE would');
});
