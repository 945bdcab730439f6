// The built `dwtasks pull` as a process against an emulator in this process: exit codes, the --json
// line on stdout, progress on stderr as plain lines (stderr is a pipe here, not a terminal).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePatch } from '@src/core/patch/index';
import { startEmulator, type RunningEmulator } from '@src/emulator/index';
import { builtCli } from './built-cli';

let emu: RunningEmulator;
let dir: string;
let cli: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwpullp-'));
  cli = builtCli(); // a private copy of dist/: cli.js loads its commands/ and client.js from beside it
  emu = await startEmulator({ tasks: 6000, seed: 3 });
});
after(async () => { await emu.close(); });

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, 'pull', ...args], {
    cwd: dir,
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('dwtasks pull: exit 0, one JSON line, every task in the file, progress as plain lines on stderr', async () => {
  const project = '312601';
  const expected = Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === project);
  const pages = Math.ceil(expected.length / 100);
  assert.ok(pages >= 20, `${pages} pages: at 10/s the pull takes over a second, so progress shows`);
  const r = await run(['--project', project, '--fields', 'Owner,Trigger.Cron', '--endpoint', emu.endpoint, '--rps', '10', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { file: string; count: number; total: number };
  assert.deepEqual(out, { file: join(dir, `${project}-Prod.dwtasks.json`), count: expected.length, total: expected.length });
  assert.equal(r.stdout.trim().split('\n').length, 1, 'stdout is the JSON line only');
  const lines = r.stderr.split('\n').filter((l) => /^page \d+ of \d+/.test(l));
  assert.ok(lines.length >= 2, `a progress line and the summary: ${r.stderr}`);
  assert.match(lines[0]!, new RegExp(`^page \\d+ of ${pages}, [\\d,]+ of ${expected.length.toLocaleString('en-US')} tasks, (about .* left|less than 1 s left)$`));
  assert.match(lines.at(-1)!, new RegExp(`^page ${pages} of ${pages}, .* tasks, done in \\d+\\.\\d s$`));
  assert.ok(!r.stderr.includes('\r'), 'no terminal control on a pipe');
  const tasks = parsePatch(readFileSync(out.file, 'utf8')).tasks;
  assert.deepEqual(tasks.map((t) => t.id).sort(), expected.map((t) => t.Id).sort());
});

test('dwtasks pull: a typo in --fields exits 2, an unreachable endpoint 3; neither writes a file', async () => {
  let r = await run(['--project', '312601', '--fields', 'Owner,Trigger.Corn', '--endpoint', emu.endpoint, '--out', 'typo.dwtasks.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown field 'Trigger\.Corn'; the fields a patch can change are: .*Trigger\.Cron/);
  r = await run(['--project', '312601', '--endpoint', 'http://127.0.0.1:9', '--out', 'down.dwtasks.json']);
  assert.equal(r.code, 3, r.stderr);
  assert.equal(existsSync(join(dir, 'typo.dwtasks.json')) || existsSync(join(dir, 'down.dwtasks.json')), false);
});
