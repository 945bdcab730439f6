// `dwtasks validate` in-process through the command table (the built dist/cli.js: test/process/cli/validate.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './apply-cli-io';
import { commands } from '@src/cli/commands/index';
import { validateText } from '@src/core/validate/index';

const dir = mkdtempSync(join(tmpdir(), 'dwtasks-validate-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runCommand(commands.validate, args, {});
  return { code: r.code, out: r.stdout, err: r.stderr };
}

test('the realistic examples pass: exit 0', async () => {
  const r = await run('examples/nightly-owner-handover.dwtasks.json', 'examples/rerun-policy.dwtasks.json');
  assert.equal(r.err, '');
  assert.equal(r.out, '0 errors, 0 warnings in 2 files\n');
  assert.equal(r.code, 0);
});

test('the broken example: exit 1, file:line:col lines naming task and field', async () => {
  const r = await run('examples/broken.dwtasks.json');
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n');
  assert.match(r.out, /^examples\/broken\.dwtasks\.json:6:13: error \[dwtasks\/id-quoted\] Task #1 \(no valid Id\): Id "8604388726201130201" is a string/m);
  assert.match(r.out, /^examples\/broken\.dwtasks\.json:40:7: error \[dwtasks\/schema-additional-property\] Task 8604388726201130202: Property Nmae is not allowed\.$/m);
  assert.match(r.out, /^examples\/broken\.dwtasks\.json:31:34: error \[dwtasks\/cu-invalid\] Task 8604388726201130204: RuntimeResource\.Cu 0\.5/m);
  assert.match(lines[lines.length - 1], /^\d+ errors, \d+ warnings in 1 file$/);
});

test('--json prints exactly the contract shape with 0-based positions', async () => {
  const r = await run('--json', 'examples/broken.dwtasks.json', 'examples/rerun-policy.dwtasks.json');
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.out) as { file: string; diagnostics: Record<string, unknown>[] }[];
  assert.deepEqual(parsed.map((x) => Object.keys(x)), [['file', 'diagnostics'], ['file', 'diagnostics']]);
  assert.deepEqual(parsed.map((x) => x.file), ['examples/broken.dwtasks.json', 'examples/rerun-policy.dwtasks.json']);
  assert.deepEqual(parsed[1].diagnostics, []);
  for (const d of parsed[0].diagnostics) {
    assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
    assert.ok(['error', 'warning', 'info'].includes(d.severity as string));
    const range = d.range as { start: object; end: object };
    assert.deepEqual(Object.keys(range), ['start', 'end']);
    assert.deepEqual(Object.keys(range.start), ['line', 'character']);
  }
  const quoted = parsed[0].diagnostics.find((d) => d.code === 'dwtasks/id-quoted');
  assert.deepEqual(quoted?.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 33 } });
});

test('no FILE and unknown options are usage errors: exit 2', async () => {
  const none = await run();
  assert.equal(none.code, 2);
  assert.match(none.err, /no FILE given/);
  const bad = await run('--jsonn', 'x.dwtasks.json');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown option '--jsonn'/);
  assert.equal((await run('--help')).code, 0);
});

test('--weekdays: how cron day-of-week numbers are read (info note naming the days; 0 invalid in Quartz\'s numbering)', async () => {
  const weekly = file('weekly.dwtasks.json', '{"Tasks": [{"Id": 1, "Trigger": {"Cron": "00 00 08 ? * 2-6"}}, {"Id": 2, "Trigger": {"Cron": "00 00 08 ? * 0"}}]}');
  const dw = await run(weekly);
  assert.equal(dw.code, 0);
  assert.match(dw.out, /weekly\.dwtasks\.json:1:\d+: info \[dwtasks\/cron-weekday-numbers\] Task 1: Trigger\.Cron: day-of-week: "2-6" means TUE-SAT in the DataWorks numbering/);
  assert.match(dw.out, /Task 2: Trigger\.Cron: day-of-week: "0" means SUN in the DataWorks numbering/);
  assert.equal((await run('--weekdays', 'dataworks', weekly)).out, dw.out);
  const q = await run('--weekdays=quartz', weekly);
  assert.equal(q.code, 1);
  assert.match(q.out, /Task 1: Trigger\.Cron: day-of-week: "2-6" means MON-FRI in the Quartz numbering/);
  assert.match(q.out, /error \[dwtasks\/cron-invalid\] Task 2: Trigger\.Cron: day-of-week: 0 is out of range 1-7 \(1 = Sunday/);
  const bad = await run('--weekdays', 'iso', weekly);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--weekdays must be dataworks or quartz, got 'iso'/);
});

test('a missing file or a directory: exit 2 naming it, the other files still checked', async () => {
  const ok = file('ok.dwtasks.json', '{"Tasks": [{"Id": 1, "Name": "n"}]}');
  const r = await run(join(dir, 'nope.dwtasks.json'), ok, dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read '.*nope\.dwtasks\.json': no such file/);
  assert.match(r.err, /it is a directory/);
  assert.equal(r.out, '0 errors, 0 warnings in 1 file\n');
});

test('a file that is not JSON: one error, exit 1', async () => {
  const r = await run('--json', file('yaml.dwtasks.json', 'Tasks:\n  - Id: 1\n'));
  assert.equal(r.code, 1);
  const [{ diagnostics }] = JSON.parse(r.out);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'dwtasks/syntax');
});

test('warnings alone exit 0', async () => {
  const r = await run(file('warn.dwtasks.json', '{"Tasks": [{"Id": 1, "Timeout": 60}]}'));
  assert.equal(r.code, 0);
  assert.match(r.out, /warning \[dwtasks\/timeout-doc-minimum\]/);
});

test('a byte order mark does not shift positions', async () => {
  const text = '{"Tasks": [{"Id": -1, "Name": "n"}]}';
  const r = await run('--json', file('bom.dwtasks.json', '\ufeff' + text));
  const [{ diagnostics }] = JSON.parse(r.out);
  assert.deepEqual(diagnostics[0].range, validateText(text).findings[0].range);
  assert.equal(diagnostics[0].range.start.character, 18);
});

test('a deeply nested file: one clear error naming the file, no stack overflow', async () => {
  for (const [name, text] of [
    ['deep-arrays.dwtasks.json', `{"Tasks": [{"Id": 1, "Name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`],
    ['deep-objects.dwtasks.json', `{"Tasks": [{"Id": 1, "Name": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]}`],
    ['deep-unclosed.dwtasks.json', `{"Tasks": [{"Id": 1, "Name": ${'['.repeat(100_000)}`],
  ]) {
    const f = file(name, text);
    const r = await run(f);
    assert.equal(r.err, '', name);
    assert.equal(r.code, 1, name);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2, r.out.slice(0, 500));
    // The bracket that opens level 65: root, Tasks and the task are levels 1-3, so the 62nd of the run.
    assert.match(lines[0], new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:${text.indexOf('Name') + 7 + 61 * (name.includes('objects') ? 5 : 1) + 1}: error \\[dwtasks/too-deep\\] Nested more than 64 levels deep here`));
    assert.equal(lines[1], '1 error, 0 warnings in 1 file');
  }
});

test('a 50 MB file: refused unread with one error naming the file; a 17 MB text is refused by the core the same way', async () => {
  const f = join(dir, 'huge.dwtasks.json');
  writeFileSync(f, '');
  truncateSync(f, 50 * 1024 * 1024); // sparse: stat says 50 MB, and nothing may read it
  const r = await run(f);
  assert.equal(r.code, 1);
  assert.equal(r.out, `${f}:1:1: error [dwtasks/too-large] The file is 50.0 MB; dwtasks reads patches of at most 16.0 MB. Split it into several patches.\n1 error, 0 warnings in 1 file\n`);
  const text = `{"Tasks": [${'{"Id": 1, "Name": "x"},'.repeat(800_000)}{"Id": 2}]}`;
  const { findings } = validateText(text, { schema: true });
  assert.deepEqual(findings.map((x) => [x.code, x.message]), [['dwtasks/too-large', `The file is ${(text.length / 1048576).toFixed(1)} MB; dwtasks reads patches of at most 16.0 MB. Split it into several patches.`]]);
});

test('the CLI reports what the core reports, plus the schema', async () => {
  const text = '{"Tasks": [{"Id": 5, "Timeout": -1, "Extra": 1}]}';
  const r = await run('--json', file('mix.dwtasks.json', text));
  const [{ diagnostics }] = JSON.parse(r.out);
  const core = validateText(text).findings.map((f) => f.code);
  assert.deepEqual(diagnostics.map((d: { code: string }) => d.code).filter((c: string) => !c.startsWith('dwtasks/schema-')), core);
  assert.ok(diagnostics.some((d: { code: string }) => d.code === 'dwtasks/schema-additional-property'));
});
