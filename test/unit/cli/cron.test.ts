// `dwtasks cron` in-process through the command table (the built CLI fed 10,000 lines: test/process/cli/cron.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '@src/cli/commands/index';
import { runCommand } from './apply-cli-io';
import { nextFireTimes } from '@src/core/cron';
import { jsonLine, type CronJson } from '@src/cli/commands/cron';

async function run(args: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> {
  const r = await runCommand(commands.cron, args, {}, stdinText);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const FROM = '2026-11-28T00:00:00Z';
const FROM_S = String(Date.parse(FROM) / 1000);

test('is registered in the command table', () => {
  assert.equal(commands.cron.summary.includes('cron'), true);
});

test('a valid expression: description, canonical form, next times in the zone, exit 0', async () => {
  const r = await run(['0 */30 0-23 * * ?', '--from', FROM, '--next', '3']);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], '0 */30 0-23 * * ?');
  assert.match(lines[1], /Every 30 minutes/);
  assert.ok(lines.includes('canonical form: 00 */30 00-23 * * ?'));
  // Asia/Shanghai by default: 00:00Z is 08:00 there.
  assert.deepEqual(lines.slice(-3), ['  2026-11-28 08:30:00 Sat UTC+08:00', '  2026-11-28 09:00:00 Sat UTC+08:00', '  2026-11-28 09:30:00 Sat UTC+08:00']);
});

test('--tz changes the zone of the schedule', async () => {
  const r = await run(['00 30 02 * * ?', '--from', '2026-03-07T12:00:00Z', '--tz', 'America/New_York', '--next', '2', '--json']);
  const j = JSON.parse(r.out) as { next: number[] };
  // 02:30 does not exist on 2026-03-08 in New York: Quartz skips that day.
  assert.deepEqual(j.next.map((s) => new Date(s * 1000).toISOString()), ['2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
});

test('an invalid expression: caret under the offending token, the problem, the fix, exit 1', async () => {
  const r = await run(['00 00 00 * * *']);
  assert.equal(r.code, 1);
  const lines = r.out.split('\n');
  assert.equal(lines[0], '00 00 00 * * *');
  assert.equal(lines[1], `${' '.repeat(13)}^`);
  assert.match(lines[2], /^error: day-of-week: must be \?/);
  assert.equal(lines[3], 'fix: Replace * with ? in day-of-week: 00 00 00 * * ?');
  const wide = await run(['00 00 00 ? * MON-FRI/2', '--weekdays', 'quartz']); // Spring reads the step (a warning); Quartz drops it
  const caret = wide.out.split('\n')[1];
  assert.equal(caret.indexOf('^'), '00 00 00 ? * MON-FRI'.length);
  assert.equal(caret.trim(), '^^');
});

test('--json: the contract shape with epoch seconds equal to nextFireTimes', async () => {
  const expr = '00 15 10 ? * 5L'; // last Friday (DataWorks numbering: 5 = Friday)
  const r = await run([expr, '--json', '--from', FROM_S, '--tz', 'Europe/Berlin']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), ['expr', 'valid', 'problems', 'warnings', 'description', 'next']);
  assert.deepEqual(j.warnings, []);
  assert.equal(j.expr, expr);
  assert.equal(j.valid, true);
  assert.deepEqual(j.problems, []);
  assert.match(j.description, /last Friday of the month/);
  const want = nextFireTimes(expr, new Date(FROM), 'Europe/Berlin', 5).map((d) => d.getTime() / 1000);
  assert.deepEqual(j.next, want);
  const bad = JSON.parse((await run(['0 0 0 ? * 8', '--json'])).out);
  assert.deepEqual(bad, { expr: '0 0 0 ? * 8', valid: false, problems: [{ field: 'day-of-week', message: 'day-of-week: 8 is out of range 0-7 (0 or 7 = Sunday, 1 = Monday, or SUN-SAT)' }], warnings: [], description: '', next: [] });
  const quartz = JSON.parse((await run(['0 0 0 ? * 8', '--json', '--weekdays', 'quartz'])).out);
  assert.deepEqual(quartz.problems, [{ field: 'day-of-week', message: 'day-of-week: 8 is out of range 1-7 (1 = Sunday, or SUN-SAT)' }]);
});

test('--json: a warning is apart from the problems, valid and fires as Spring reads it (exit 0); the human form prints it with its fix', async () => {
  const expr = '0 0 22 ? * ?';
  const r = await run([expr, '--json', '--from', FROM_S, '--tz', 'UTC', '--next', '2']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out);
  assert.equal(j.valid, true);
  assert.deepEqual(j.problems, []);
  assert.equal(j.warnings.length, 1);
  assert.equal(j.warnings[0].field, 'day-of-month');
  assert.match(j.warnings[0].message, /both \?: Spring.*runs every day; Quartz rejects it/);
  assert.deepEqual(j.warnings[0].fix, { title: 'Run every day (* in day-of-month)', replacement: '0 0 22 * * ?' });
  assert.deepEqual(j.next, nextFireTimes(expr, new Date(FROM), 'UTC', 2).map((d) => d.getTime() / 1000));
  assert.equal(j.next[1] - j.next[0], 86_400, 'every day');
  const human = await run([expr]);
  assert.equal(human.code, 0);
  assert.match(human.out, /^warning: day-of-month: .*\nfix: Run every day \(\* in day-of-month\): 0 0 22 \* \* \?$/m);
  const quartz = JSON.parse((await run([expr, '--json', '--weekdays', 'quartz'])).out);
  assert.equal(quartz.valid, false, 'Quartz rejects both day fields ?');
});

test('--weekdays: 2-6 is Tuesday through Saturday in the DataWorks numbering (default), Monday through Friday in Quartz\'s', async () => {
  const expr = '00 00 08 ? * 2-6';
  const days = (out: string): string[] => out.split('\n').filter((l) => /^ {2}\d{4}-/.test(l)).map((l) => l.split(' ')[4]);
  const dw = await run([expr, '--from', FROM, '--next', '5']);
  assert.equal(dw.code, 0);
  assert.equal(dw.out.split('\n')[1], 'At 08:00, Tuesday through Saturday');
  assert.match(dw.out, /note: day-of-week: "2-6" means TUE-SAT in the DataWorks numbering \(0 or 7 = Sunday/);
  // From Saturday 2026-11-28 08:00 in Shanghai: Tue Dec 1 ... Sat Dec 5.
  assert.deepEqual(days(dw.out), ['Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
  const explicit = await run([expr, '--from', FROM, '--next', '5', '--weekdays', 'dataworks']);
  assert.equal(explicit.out, dw.out);
  const q = await run([expr, '--from', FROM, '--next', '5', '--weekdays', 'quartz']);
  assert.equal(q.out.split('\n')[1], 'At 08:00, Monday through Friday');
  assert.deepEqual(days(q.out), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
  const stream = await run(['-', '--from', FROM_S, '--weekdays', 'quartz'], '00 00 08 ? * 0\n00 00 08 ? * 7\n');
  assert.deepEqual(stream.out.trim().split('\n').map((l) => (JSON.parse(l) as { valid: boolean }).valid), [false, true]);
  const bad = await run([expr, '--weekdays', 'spring']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--weekdays must be dataworks or quartz, got 'spring'/);
});

test('--from as ISO and as epoch seconds give the same times', async () => {
  const a = JSON.parse((await run(['00 00 12 ? * 2-6', '--json', '--from', FROM])).out);
  const b = JSON.parse((await run(['00 00 12 ? * 2-6', '--json', '--from', FROM_S])).out);
  assert.deepEqual(a.next, b.next);
  assert.equal(a.next.length, 5);
  assert.ok(a.next[0] > Number(FROM_S));
});

test('- reads stdin: one JSON line per input line, in order, echoing each line exactly', async () => {
  const input = ['00 00 00 * * ?', '  0 0 1 ? * MON  ', '', 'nonsense', '00 */5 * * * ?', '0 0 0 L 2 ?\r', '00 00 00 30 2 ?'];
  const r = await run(['-', '--from', FROM_S, '--next', '2'], input.join('\n'));
  const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, input.length);
  out.forEach((o, i) => assert.equal(o.expr, input[i].replace(/\r$/, ''), `line ${i + 1}`));
  assert.deepEqual(out.map((o) => o.valid), [true, true, false, false, true, true, false]);
  assert.deepEqual(out[6].problems, [{ field: 'day-of-month', message: 'day-of-month: never fires: there is no day 30 in February (at most 29 days)' }]);
  assert.equal(out[0].next.length, 2);
  assert.equal(r.code, 1); // some line is invalid
  const ok = await run(['-', '--from', FROM_S], '00 00 00 * * ?\n00 30 12 ? * SUN\n');
  assert.equal(ok.code, 0);
  assert.equal(ok.out.trim().split('\n').length, 2);
});

test('usage errors exit 2 with a message', async () => {
  for (const args of [[], ['a', 'b'], ['00 00 00 * * ?', '--next', 'x'], ['00 00 00 * * ?', '--next', '-1'], ['00 00 00 * * ?', '--tz', 'Mars/Olympus'],
    ['00 00 00 * * ?', '--from', 'yesterday'], ['00 00 00 * * ?', '--bogus']]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^dwtasks cron: /, args.join(' '));
    assert.equal(r.out, '');
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: dwtasks cron/);
});

test('jsonLine is JSON.stringify of the result, byte for byte (valid lines are written by hand)', () => {
  const results: CronJson[] = [
    { expr: '00 00 00 * * ?', valid: true, problems: [], warnings: [], description: 'At 00:00', next: [1764288000, 1764374400] },
    { expr: '  0 0 1 ? * MON "\\\u2028\u00e9\ud800', valid: true, problems: [], warnings: [], description: 'Quote " backslash \\ tab \t', next: [] },
    { expr: 'nonsense', valid: false, problems: [{ field: 'expression', message: 'expected "6" fields' }], warnings: [], description: '', next: [] },
    {
      expr: '0 0 22 ? * ?', valid: true, problems: [], description: 'At 22:00, every day', next: [],
      warnings: [{ field: 'day-of-month', message: 'both ?', fix: { title: 'Run every day', replacement: '0 0 22 * * ?' } }],
    },
  ];
  for (const r of results) assert.equal(jsonLine(r), `${JSON.stringify(r)}\n`);
});
