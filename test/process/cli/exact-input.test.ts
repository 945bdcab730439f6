// What `dwtasks validate` and `dwtasks apply` (the built dist/cli.js) do with input that is not
// exactly what it seems: bytes that are not UTF-8, integers no service holds exactly, keys written
// twice, and paths that are not regular files (a FIFO would block, /dev/zero would never end). Each is
// refused: validate exits non-zero, apply exits 2 and the emulator's request log shows nothing was
// sent. Awkward but valid text is stored exactly as written, and int64 max is sent digit for digit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'lossless-json';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import { builtCli } from '../built-cli';
import { runCli } from './spawn-cli';

let fx: Fixture;
let dir: string;
let cli: string;
let id: string;

before(async () => {
  cli = builtCli();
  fx = await startFixture({ tasks: 30 });
  dir = mkdtempSync(join(tmpdir(), 'dwexact-'));
  id = tasksOf(fx.emu, 'Dev')[0]!.Id;
});
after(async () => { await fx?.emu.close(); });

/** Runs the CLI without blocking this process (the emulator answers from it). */
function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli(cli, args, { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret });
}

const apply = (file: string) => run('apply', file, '--endpoint', fx.emu.endpoint, '--yes', '--no-revert', '--journal', join(dir, `${Math.random()}.jsonl`));

function patchFile(name: string, body: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

const task = (fields: string): string => `{"Tasks": [{"Id": ${id}, "EnvType": "Dev", ${fields}}]}\n`;

test('refused by validate (non-zero) and apply (exit 2, nothing sent), each with a message that says why', async () => {
  const latin1 = Buffer.concat([Buffer.from(task('"Name": "caf').slice(0, -4)), Buffer.from([0xe9]), Buffer.from('"}]}\n')]);
  const cases: { name: string; file: string; says: RegExp }[] = [
    { name: 'Latin-1 é', file: patchFile('latin1.json', latin1), says: /not valid UTF-8: 0xE9 at line 1, column \d+/ },
    { name: 'raw surrogate bytes', file: patchFile('surrogate.json', Buffer.concat([Buffer.from('{"Tasks": [{"Id": 1,\n"Name": "a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}]}')])), says: /0xED 0xA0 0x80 at line 2, column 11/ },
    { name: 'overlong /', file: patchFile('overlong.json', Buffer.concat([Buffer.from('\ufeff{"Tasks": [{"Id": 1, "Name": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}]}')])), says: /0xC0 0xAF at line 1, column 31/ },
    { name: 'beyond int64', file: patchFile('overflow.json', task('"Timeout": 9223372036854775808')), says: /Timeout 9223372036854775808 is outside int64/ },
    { name: 'an exponent that overflows', file: patchFile('exp.json', task('"RerunTimes": 1e400')), says: /RerunTimes 1e400 must be written as plain decimal digits/ },
    { name: 'an exponent', file: patchFile('exp2.json', task('"Timeout": 1e4')), says: /Timeout 1e4 .*: write 10000/ },
    { name: 'a fraction', file: patchFile('fraction.json', task('"RerunInterval": 60.5')), says: /RerunInterval 60\.5 must be written as plain decimal digits/ },
    { name: 'Id twice', file: patchFile('dup-id.json', `{"Tasks": [{"Id": ${id},\n "Id": 1, "EnvType": "Dev", "Name": "x"}]}`), says: /"Id" is written twice in this object \(lines 1 and 2\)/ },
    { name: 'Tasks twice', file: patchFile('dup-tasks.json', `{"Tasks": [{"Id": ${id}, "Name": "x"}],\n"Tasks": [{"Id": 1, "Name": "y"}]}`), says: /"Tasks" is written twice/ },
    { name: 'Cron twice', file: patchFile('dup-cron.json', task('"Trigger": {"Cron": "00 00 02 * * ?", "Cron": "00 00 03 * * ?"}')), says: /"Cron" is written twice/ },
  ];
  for (const c of cases) {
    const v = await run('validate', c.file);
    assert.notEqual(v.code, 0, `${c.name}: validate exit ${v.code}\n${v.stdout}${v.stderr}`);
    assert.match(v.stdout + v.stderr, c.says, c.name);
    const sent = fx.requests.length;
    const a = await apply(c.file);
    assert.equal(a.code, 2, `${c.name}: apply exit ${a.code}\n${a.stdout}${a.stderr}`);
    assert.match(a.stderr, c.says, c.name);
    assert.deepEqual(fx.requests.slice(sent), [], `${c.name}: the emulator saw requests`);
  }
});

test('a FIFO and a link to a device are refused at once by validate and apply (exit 2), nothing read or sent', async () => {
  const fifo = join(dir, 'pipe.dwtasks.json');
  execFileSync('mkfifo', [fifo]);
  const zero = join(dir, 'zero.dwtasks.json');
  symlinkSync('/dev/zero', zero);
  for (const [file, says] of [[fifo, /it is a FIFO \(named pipe\); a patch must be a regular file/], [zero, /it is a character device; a patch must be a regular file/]] as const) {
    const sent = fx.requests.length;
    // Nobody opens the FIFO's other end: a blocking open would never return and the test would hang.
    for (const r of [await run('validate', file), await apply(file), await run('schedule', file)]) {
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, says);
    }
    assert.deepEqual(fx.requests.slice(sent), []);
  }
});

test('awkward but valid text is stored exactly as written; int64 max goes on the wire as its digits', async () => {
  const [a, b] = tasksOf(fx.emu, 'Dev').slice(1, 3);
  const name = '数据同步 😀👍🏽 line\u2028sep "quoted" back\\slash';
  const file = patchFile('awkward.json', `{"Tasks": [
  {"Id": ${a.Id}, "EnvType": "Dev", "Name": ${JSON.stringify(name)}, "Owner": "007", "Description": "\\u2028\\"\\\\ é"},
  {"Id": ${b.Id}, "EnvType": "Dev", "Timeout": 9223372036854775807}
]}\n`);
  const v = await run('validate', file);
  assert.equal(v.code, 0, v.stdout);
  const sent = fx.sentTasks.length;
  const r = await apply(file);
  // The emulator holds integers as JS numbers, so it refuses int64 max for Timeout: exit 1, yet the request carried the digits.
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const wire = fx.sentTasks.slice(sent).join('\n');
  assert.match(wire, /"Timeout":9223372036854775807[,}]/);
  const received = fx.sentTasks.slice(sent).flatMap((p) => parse(p) as Record<string, unknown>[]);
  assert.equal(received.find((t) => String(t.Id) === a.Id)?.Name, name);
  const stored = fx.emu.snapshot().tasks.Dev[a.Id]!;
  assert.equal(stored.Name, name);
  assert.equal(stored.Owner, '007');
  assert.equal(stored.Description, '\u2028"\\ é');
});
