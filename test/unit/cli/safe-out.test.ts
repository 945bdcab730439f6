// The CLI's output layer: whatever a command writes reaches the stream with controls and bidi
// characters escaped (its own newlines and tabs kept), the environment's secrets as ***, and only the
// progress line's own terminal controls raw. Tables escape and cut every cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { safeIO } from '@src/cli/io';
import { formatTable, MAX_CELL, MAX_LAST_CELL } from '@src/cli/table';
import { progressWriter } from '@src/cli/read-progress';
import { ProgressLine } from '@src/core/listing/progress';

function captured(env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io = safeIO({ stdin: new PassThrough(), stdout: out, stderr: err, env });
  return { io, text: () => ({ stdout, stderr }) };
}

test('a command\'s text: controls and bidi escaped, its own newlines and tabs kept', () => {
  const { io, text } = captured();
  io.stdout.write('name\tx\u001b[2J\u001b]0;title\u0007 \u202e evil\n');
  io.stderr.write('\u009b31m\u2066\n');
  assert.deepEqual(text(), { stdout: 'name\tx\\u001b[2J\\u001b]0;title\\u0007 \\u202e evil\n', stderr: '\\u009b31m\\u2066\n' });
});

test('the environment\'s AccessKey secret and STS token never print; the emulator\'s streams keep them (its local key is printed on purpose)', () => {
  const env = { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'envSecretValue123', ALIBABA_CLOUD_SECURITY_TOKEN: 'STS.envTokenValue456' };
  const { io, text } = captured(env);
  io.stderr.write('echoed: envSecretValue123 STS.envTokenValue456\n');
  assert.equal(text().stderr, 'echoed: *** ***\n');
  const out = new PassThrough();
  let raw = '';
  out.on('data', (d: Buffer) => (raw += d.toString()));
  safeIO({ stdin: new PassThrough(), stdout: out, stderr: new PassThrough(), env }, false).stdout.write('envSecretValue123\n');
  assert.equal(raw, 'envSecretValue123\n');
});

test('progress on a terminal: its \\r and erase-line are written raw, the text between escaped', () => {
  const { io, text } = captured();
  let t = 0;
  const line = new ProgressLine({ write: progressWriter(io), isTTY: true, rps: 1, now: () => t });
  t = 5_000;
  line.update({ callsDone: 1, callsTotal: 2, items: 10, totalItems: 20 });
  line.finish('done \u202e');
  const err = text().stderr;
  assert.ok(err.startsWith('\r'), JSON.stringify(err));
  assert.ok(err.includes('\x1b[K'), 'the erase-line control stays raw');
  assert.ok(err.includes('page 1 of 2, 10 of 20 tasks'), 'the progress text between the controls');
  assert.ok(err.endsWith('\rdone \\u202e\x1b[K\n'), JSON.stringify(err));
  assert.equal(err.replace(/\r|\x1b\[K/g, '').match(/[\u0000-\u0009\u000b-\u001f\u202e]/), null, 'nothing else raw');
});

test('tables: every cell escaped and cut; a 100,000-character name widens nothing', () => {
  const long = 'n'.repeat(100_000);
  const out = formatTable(['ID', 'NAME', 'MESSAGE'], [
    ['1', long, 'm'.repeat(100_000)],
    ['2', 'x\u001b[2J\u202e', 'line1\nline2\tend'],
  ]);
  const lines = out.split('\n');
  assert.equal(lines.length, 4, 'a newline in a value cannot add a row');
  assert.equal(lines[1], `1   ${'n'.repeat(MAX_CELL - 1)}…  ${'m'.repeat(MAX_LAST_CELL - 1)}…`);
  assert.equal(lines[2], `2   ${'x\\u001b[2J\\u202e'.padEnd(MAX_CELL)}  line1\\u000aline2\\u0009end`);
  assert.ok(out.length < 1000, `${out.length} characters`);
});
