// Table-driven tests of every core rule: exact codes, severities and the text each range covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '@src/core/validate/index';
import type { Severity } from '@src/core/types';
import { applyEdits, doc, rangeOf, textAt } from './helpers';

interface Expect {
  code: string;
  severity: Severity;
  /** The text the range covers; its first occurrence after `after` (if given) is the expected range. */
  covers: string;
  occurrence?: number;
  /** Look for `covers` from the start of this (unique) snippet on. */
  within?: string;
  message?: RegExp;
}

interface Case {
  name: string;
  text: string;
  expect: Expect[];
  schema?: boolean;
}

const T = (fields: string, id = '8604388726201130001'): string => `{"Id": ${id}, ${fields}}`;

const cases: Case[] = [
  { name: 'a valid patch has no findings', text: doc(T('"Name": "a", "Timeout": 7200, "Trigger": {"Type": "Scheduler", "Cron": "00 00 02 * * ?", "StartTime": "2028-02-29 00:00:00", "EndTime": "9999-01-01 00:00:00"}')), expect: [] },
  { name: 'int64 max is accepted', text: doc(T('"Name": "a"', '9223372036854775807')), expect: [] },
  { name: 'missing Id: the task\'s opening brace', text: doc('{"Name": "x"}'), expect: [{ code: 'dwtasks/id-missing', severity: 'error', covers: '{', within: '{"Name"', message: /^Task #1 \(no valid Id\): Id is missing/ }] },
  { name: 'Id with a fraction', text: doc('{"Id": 1.5, "Name": "x"}'), expect: [{ code: 'dwtasks/id-not-integer', severity: 'error', covers: '1.5', message: /Id 1\.5 is not an integer/ }] },
  { name: 'Id with an exponent', text: doc('{"Id": 1e3, "Name": "x"}'), expect: [{ code: 'dwtasks/id-not-integer', severity: 'error', covers: '1e3' }] },
  { name: 'Id that is an object', text: doc('{"Id": {}, "Name": "x"}'), expect: [{ code: 'dwtasks/id-not-integer', severity: 'error', covers: '{}' }] },
  { name: 'quoted Id', text: doc('{"Id": "8604388726201130001", "Name": "x"}'), expect: [{ code: 'dwtasks/id-quoted', severity: 'error', covers: '"8604388726201130001"' }] },
  { name: 'negative Id', text: doc('{"Id": -3, "Name": "x"}'), expect: [{ code: 'dwtasks/id-not-positive', severity: 'error', covers: '-3' }] },
  { name: 'zero Id', text: doc('{"Id": 0, "Name": "x"}'), expect: [{ code: 'dwtasks/id-not-positive', severity: 'error', covers: '0' }] },
  { name: 'Id above int64', text: doc('{"Id": 9223372036854775808, "Name": "x"}'), expect: [{ code: 'dwtasks/id-out-of-range', severity: 'error', covers: '9223372036854775808', message: /9223372036854775807/ }] },
  {
    name: 'the same Id twice (no EnvType): error on the second',
    text: doc(T('"Name": "a"'), T('"Name": "b"')),
    expect: [{ code: 'dwtasks/duplicate-id', severity: 'error', covers: '8604388726201130001', occurrence: 1, message: /^Task 8604388726201130001: Id 8604388726201130001 is already updated by the task on line 4/ }],
  },
  {
    name: 'the same Id and EnvType twice',
    text: doc(T('"EnvType": "Prod", "Name": "a"', '5'), T('"Name": "x"', '6'), T('"EnvType": "Prod", "Owner": "1"', '5')),
    expect: [{ code: 'dwtasks/duplicate-id', severity: 'error', covers: '5', within: '5, "EnvType": "Prod", "Owner"' }],
  },
  {
    name: 'the same Id in Prod and Dev: warning, results collide',
    text: doc(T('"EnvType": "Prod", "Name": "a"', '5'), T('"EnvType": "Dev", "Name": "a"', '5')),
    expect: [{ code: 'dwtasks/duplicate-id-env', severity: 'warning', covers: '5', within: '5, "EnvType": "Dev"', message: /EnvType Prod.*by Id only/ }],
  },
  {
    name: 'the same Id with and without EnvType: warning',
    text: doc(T('"Name": "a"', '5'), T('"EnvType": "Dev", "Name": "a"', '5')),
    expect: [{ code: 'dwtasks/duplicate-id-env', severity: 'warning', covers: '5', within: '5, "EnvType": "Dev"', message: /no EnvType/ }],
  },
  {
    name: 'duplicate tag keys: the later key',
    text: doc(T('"Tags": [{"Key": "team", "Value": "a"}, {"Key": "env"}, {"Key": "team", "Value": "b"}]')),
    expect: [{ code: 'dwtasks/duplicate-tag-key', severity: 'error', covers: '"team"', occurrence: 1, message: /Tags\.2\.Key "team" repeats Tags\.0\.Key/ }],
  },
  { name: 'a task with only Id', text: doc('{"Id": 42}'), expect: [{ code: 'dwtasks/task-no-changes', severity: 'warning', covers: '42' }] },
  { name: 'a task with only Id and EnvType', text: doc('{"Id": 42, "EnvType": "Dev"}'), expect: [{ code: 'dwtasks/task-no-changes', severity: 'warning', covers: '42' }] },
  { name: 'empty Tasks', text: '{"Tasks": [ ]}', expect: [{ code: 'dwtasks/tasks-empty', severity: 'error', covers: '[ ]' }] },
  { name: 'a top-level array', text: '[{"Id": 1}]', expect: [{ code: 'dwtasks/not-an-object', severity: 'error', covers: '[{"Id": 1}]' }] },
  { name: 'an empty file', text: '', expect: [{ code: 'dwtasks/not-an-object', severity: 'error', covers: '' }] },
  {
    name: 'a file that is not JSON: one clear error',
    text: 'Tasks:\n  - Id: 1\n    Name: x\n',
    expect: [{ code: 'dwtasks/syntax', severity: 'error', covers: 'Tasks', message: /^Not valid JSON: invalid symbol \(and \d+ more syntax errors? after it\)/ }],
  },
  {
    name: 'a missing comma: one error at the next property',
    text: doc('{"Id": 1 "Name": "x"}'),
    expect: [{ code: 'dwtasks/syntax', severity: 'error', covers: '"Name"', message: /comma expected/ }],
  },
  {
    name: 'cron: day-of-week 8, the range is the 8 inside the string',
    text: doc(T('"Trigger": {"Cron": "0 0 2 * * 8"}')),
    expect: [{ code: 'dwtasks/cron-invalid', severity: 'error', covers: '8', within: '8"}', message: /^Task 8604388726201130001: Trigger\.Cron: day-of-week: 8 is out of range 0-7 \(0 or 7 = Sunday/ }],
  },
  {
    name: 'cron: seconds not 00',
    text: doc(T('"Trigger": {"Cron": "10 00 02 ? * MON"}')),
    expect: [{ code: 'dwtasks/cron-invalid', severity: 'error', covers: '10', within: '10 00 02' }],
  },
  {
    name: 'cron: runs closer than 5 minutes',
    text: doc(T('"Trigger": {"Cron": "00 */1 * * * ?"}')),
    expect: [{ code: 'dwtasks/cron-invalid', severity: 'error', covers: '*/1', message: /at least 5 minutes/ }],
  },
  {
    name: 'cron: an escaped string maps to the whole value',
    text: doc(T('"Trigger": {"Cron": "0 0 2 * \\u002A 8"}')),
    expect: [{ code: 'dwtasks/cron-invalid', severity: 'error', covers: '"0 0 2 * \\u002A 8"' }],
  },
  { name: 'cron: a valid L schedule', text: doc(T('"Trigger": {"Cron": "00 00 02 L * ?"}')), expect: [] },
  {
    name: 'cron: both day fields ? is valid for Spring, a warning on day-of-month',
    text: doc(T('"Trigger": {"Cron": "00 00 02 ? * ?"}')),
    expect: [{ code: 'dwtasks/cron-spring-reading', severity: 'warning', covers: '?', within: '? * ?', message: /Trigger\.Cron: day-of-month: .*both \?: Spring/ }],
  },
  {
    name: 'cron: a day that never comes is an error',
    text: doc(T('"Trigger": {"Cron": "00 00 02 30 2 ?"}')),
    expect: [{ code: 'dwtasks/cron-invalid', severity: 'error', covers: '30', within: '30 2', message: /never fires: there is no day 30 in February/ }],
  },
  {
    name: 'StartTime on a day February 2026 does not have',
    text: doc(T('"Trigger": {"StartTime": "2026-02-29 00:00:00"}')),
    expect: [{ code: 'dwtasks/time-invalid', severity: 'error', covers: '"2026-02-29 00:00:00"', message: /Trigger\.StartTime "2026-02-29 00:00:00" is not a real date and time: February 2026 has 28 days/ }],
  },
  { name: 'EndTime in month 13', text: doc(T('"Trigger": {"EndTime": "2026-13-01 00:00:00"}')), expect: [{ code: 'dwtasks/time-invalid', severity: 'error', covers: '"2026-13-01 00:00:00"', message: /month 13/ }] },
  { name: 'hour 24', text: doc(T('"Trigger": {"EndTime": "2026-12-01 24:00:00"}')), expect: [{ code: 'dwtasks/time-invalid', severity: 'error', covers: '"2026-12-01 24:00:00"', message: /hour 24/ }] },
  { name: 'second 60', text: doc(T('"Trigger": {"EndTime": "2026-12-01 23:59:60"}')), expect: [{ code: 'dwtasks/time-invalid', severity: 'error', covers: '"2026-12-01 23:59:60"', message: /second 60/ }] },
  { name: 'a year 2000 leap day is real', text: doc(T('"Trigger": {"StartTime": "2000-02-29 00:00:00"}')), expect: [] },
  { name: 'a year 1900 leap day is not', text: doc(T('"Trigger": {"StartTime": "1900-02-29 00:00:00"}')), expect: [{ code: 'dwtasks/time-invalid', severity: 'error', covers: '"1900-02-29 00:00:00"' }] },
  {
    name: 'StartTime after EndTime: error on EndTime',
    text: doc(T('"Trigger": {"StartTime": "2027-01-01 00:00:00", "EndTime": "2026-01-01 00:00:00"}')),
    expect: [{ code: 'dwtasks/time-order', severity: 'error', covers: '"2026-01-01 00:00:00"' }],
  },
  {
    name: 'StartTime equal to EndTime',
    text: doc(T('"Trigger": {"StartTime": "2027-01-01 00:00:00", "EndTime": "2027-01-01 00:00:00"}')),
    expect: [{ code: 'dwtasks/time-order', severity: 'error', covers: '"2027-01-01 00:00:00"', occurrence: 1 }],
  },
  {
    name: 'Cron, Recurrence and times under a Manual trigger: a warning on each key',
    text: doc(T('"Trigger": {"Type": "Manual", "Cron": "00 00 02 * * ?", "Recurrence": "Normal", "StartTime": "2026-01-01 00:00:00", "EndTime": "2027-01-01 00:00:00"}')),
    expect: [
      { code: 'dwtasks/manual-trigger-field', severity: 'warning', covers: '"Cron"', message: /Trigger\.Cron has no effect while Trigger\.Type is Manual/ },
      { code: 'dwtasks/manual-trigger-field', severity: 'warning', covers: '"Recurrence"' },
      { code: 'dwtasks/manual-trigger-field', severity: 'warning', covers: '"StartTime"' },
      { code: 'dwtasks/manual-trigger-field', severity: 'warning', covers: '"EndTime"' },
    ],
  },
  {
    name: 'RerunTimes and RerunInterval while RerunMode is AllDenied',
    text: doc(T('"RerunMode": "AllDenied", "RerunTimes": 3, "RerunInterval": 60')),
    expect: [
      { code: 'dwtasks/rerun-disabled-field', severity: 'warning', covers: '"RerunTimes"' },
      { code: 'dwtasks/rerun-disabled-field', severity: 'warning', covers: '"RerunInterval"' },
    ],
  },
  { name: 'reruns allowed: no warning', text: doc(T('"RerunMode": "FailureAllowed", "RerunTimes": 3, "RerunInterval": 60')), expect: [] },
  {
    name: 'negative numbers',
    text: doc(T('"Timeout": -1, "RerunTimes": -2, "RerunInterval": -60')),
    expect: [
      { code: 'dwtasks/negative-number', severity: 'error', covers: '-1', message: /Timeout -1 is negative/ },
      { code: 'dwtasks/negative-number', severity: 'error', covers: '-2' },
      { code: 'dwtasks/negative-number', severity: 'error', covers: '-60' },
    ],
  },
  { name: 'Timeout 3600 quotes the doc', text: doc(T('"Timeout": 3600')), expect: [{ code: 'dwtasks/timeout-doc-minimum', severity: 'warning', covers: '3600', message: /"greater than 3600", although its own example is 3600/ }] },
  { name: 'Timeout 0 gets the doc warning', text: doc(T('"Timeout": 0')), expect: [{ code: 'dwtasks/timeout-doc-minimum', severity: 'warning', covers: '0', within: '0}' }] },
  { name: 'Timeout 3601 is fine', text: doc(T('"Timeout": 3601')), expect: [] },
  { name: 'RerunInterval 60 raises no unit doubt', text: doc(T('"RerunInterval": 60')), expect: [] },
  {
    name: 'RerunInterval 60000 reads like milliseconds',
    text: doc(T('"RerunInterval": 60000')),
    expect: [{ code: 'dwtasks/rerun-interval-unit', severity: 'info', covers: '60000', message: /as seconds this is 16 h 40 min; as milliseconds 1 min/ }],
  },
  { name: 'RerunInterval above 1,800,000', text: doc(T('"RerunInterval": 1800001')), expect: [{ code: 'dwtasks/rerun-interval-range', severity: 'warning', covers: '1800001' }] },
  { name: 'Cu as a number', text: doc(T('"RuntimeResource": {"Cu": 0.25}')), expect: [{ code: 'dwtasks/cu-invalid', severity: 'error', covers: '0.25' }] },
  { name: 'Cu zero', text: doc(T('"RuntimeResource": {"Cu": "0.00"}')), expect: [{ code: 'dwtasks/cu-invalid', severity: 'error', covers: '"0.00"' }] },
  { name: 'Cu not a decimal', text: doc(T('"RuntimeResource": {"Cu": "1/4"}')), expect: [{ code: 'dwtasks/cu-invalid', severity: 'error', covers: '"1/4"' }] },
  { name: 'Cu "0.25" is fine', text: doc(T('"RuntimeResource": {"Cu": "0.25"}')), expect: [] },
  {
    name: 'comments and trailing commas are fine',
    text: '// patch\n{\n  "Tasks": [\n    /* one */ {"Id": 1, "Name": "x",},\n  ],\n}\n',
    expect: [],
  },
  // Schema (the CLI's checks): messages as VS Code's JSON service, ranges as it marks them.
  {
    name: 'schema: unknown property, wrong type, enum, missing tag key, time pattern',
    schema: true,
    text: doc(T('"NotAField": 1, "Timeout": "an hour", "EnvType": "prod", "Tags": [{"Value": "v"}], "Trigger": {"StartTime": "2026-01-01T00:00:00"}')),
    expect: [
      { code: 'dwtasks/schema-additional-property', severity: 'error', covers: '"NotAField"', message: /^Task 8604388726201130001: Property NotAField is not allowed\.$/ },
      { code: 'dwtasks/schema-type', severity: 'error', covers: '"an hour"', message: /Timeout: Incorrect type\. Expected "integer"\./ },
      { code: 'dwtasks/schema-enum', severity: 'error', covers: '"prod"', message: /EnvType: Value is not accepted\. Valid values: "Prod", "Dev"\./ },
      { code: 'dwtasks/schema-required', severity: 'error', covers: '{', within: '{"Value": "v"}', message: /Tags\.0: Missing property "Key"\./ },
      { code: 'dwtasks/schema-pattern', severity: 'error', covers: '"2026-01-01T00:00:00"', message: /Trigger\.StartTime: StartTime must be written as yyyy-mm-dd hh:mm:ss/ },
    ],
  },
  {
    name: 'schema: core and schema at the same span keep the core message only',
    schema: true,
    text: doc('{"Id": "77", "RuntimeResource": {"Cu": "x"}}'),
    expect: [
      { code: 'dwtasks/id-quoted', severity: 'error', covers: '"77"' },
      { code: 'dwtasks/cu-invalid', severity: 'error', covers: '"x"' },
    ],
  },
  {
    name: 'a key twice in a task is an error on both keys, naming both lines (the schema\'s warnings give way)',
    schema: true,
    text: doc(T('"Name": "a",\n"Name": "b"')),
    expect: [
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Name"', message: /^Task 8604388726201130001: "Name" is written twice in this object \(lines 4 and 5\)/ },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Name"', occurrence: 1, message: /\(lines 4 and 5\)/ },
    ],
  },
  {
    name: 'a key twice: Id, Trigger.Cron, RuntimeResource, DataSource and a tag',
    text: doc(T('"Id": 2, "Trigger": {"Cron": "00 00 02 * * ?", "Cron": "00 00 03 * * ?"}, "RuntimeResource": {"Cu": "1", "Cu": "2"}, "DataSource": {"Name": "a", "Name": "b"}, "Tags": [{"Key": "a", "Key": "b"}]')),
    expect: [
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Id"' },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Id"', occurrence: 1 },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Cron"' },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Cron"', occurrence: 1 },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Cu"' },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Cu"', occurrence: 1 },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Name"', within: '"DataSource": {"Name"' },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Name"', within: '"DataSource": {"Name"', occurrence: 1 },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Key"', message: /both on line 4/ },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Key"', occurrence: 1 },
    ],
  },
  {
    name: 'a second Tasks or Comment at the top level is an error',
    schema: true,
    text: '{"Comment": "a", "Comment": "b",\n "Tasks": [{"Id": 1, "Name": "a"}],\n "Tasks": [{"Id": 2, "Name": "b"}]}',
    expect: [
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Comment"', message: /^"Comment" is written twice in this object \(both on line 1\)/ },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Comment"', occurrence: 1 },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Tasks"', message: /lines 2 and 3/ },
      { code: 'dwtasks/duplicate-key', severity: 'error', covers: '"Tasks"', occurrence: 1 },
    ],
  },
  {
    name: 'integer fields: exponents, fractions and numbers beyond int64 are errors naming task and field',
    schema: true,
    text: doc(T('"Timeout": 1e400, "RerunTimes": 1.5e1, "RerunInterval": 2.5')),
    expect: [
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '1e400', message: /^Task 8604388726201130001: Timeout 1e400 must be written as plain decimal digits \(no fraction, no exponent\), so what is sent is exactly what is written\.$/ },
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '1.5e1', message: /RerunTimes 1\.5e1 .*: write 15\.$/ },
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '2.5', message: /RerunInterval 2\.5 / },
    ],
  },
  {
    name: 'integer fields: 1e3 and 2.0 get a fix writing the digits; beyond int64 is out of range',
    text: doc(T('"Timeout": 1E3, "RerunTimes": 2.0, "RerunInterval": 9223372036854775808'), T('"Timeout": -9223372036854775809, "RerunTimes": -0', '5')),
    expect: [
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '1E3', message: /write 1000\.$/ },
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '2.0', message: /write 2\.$/ },
      { code: 'dwtasks/int-out-of-range', severity: 'error', covers: '9223372036854775808', message: /RerunInterval 9223372036854775808 is outside int64/ },
      { code: 'dwtasks/int-out-of-range', severity: 'error', covers: '-9223372036854775809', message: /^Task 5: Timeout/ },
      { code: 'dwtasks/int-not-plain', severity: 'error', covers: '-0', message: /RerunTimes -0 .*: write 0\.$/ },
    ],
  },
  { name: 'int64 max in an integer field is accepted', text: doc(T('"Timeout": 9223372036854775807, "RerunTimes": 0')), expect: [] },
  {
    name: 'U+FFFD written as itself is an error (the file was not UTF-8); the escape passes',
    text: doc(T('"Name": "caf\uFFFD\uFFFD", "Description": "\\uFFFD"')),
    expect: [{ code: 'dwtasks/replacement-char', severity: 'error', covers: '\uFFFD\uFFFD', message: /not valid UTF-8.*\\uFFFD/ }],
  },
  {
    name: 'schema: missing Tasks and a top-level unknown property',
    schema: true,
    text: '{"Coment": "typo"}',
    expect: [
      { code: 'dwtasks/schema-required', severity: 'error', covers: '{' },
      { code: 'dwtasks/schema-additional-property', severity: 'error', covers: '"Coment"', message: /^Property Coment is not allowed\.$/ },
    ],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const { findings } = validateText(c.text, { schema: c.schema });
    const actual = findings.map((f) => ({ code: f.code, severity: f.severity, range: f.range }));
    const expected = c.expect.map((e) => ({ code: e.code, severity: e.severity, range: rangeOf(c.text, e.covers, e.occurrence, e.within) }));
    const byPos = (a: { range: { start: { line: number; character: number } } }, b: typeof a) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    assert.deepEqual([...actual].sort(byPos), [...expected].sort(byPos), findings.map((f) => `${f.code} ${textAt(c.text, f.range)} ${f.message}`).join('\n'));
    for (const e of c.expect) {
      if (!e.message) continue;
      const f = findings.find((x) => x.code === e.code && x.message.match(e.message!));
      assert.ok(f, `no ${e.code} message matching ${e.message}; got ${findings.map((x) => x.message).join(' | ')}`);
    }
  });
}

test('every task finding names the task Id and the field', () => {
  const text = doc(T('"Timeout": -5, "Trigger": {"Type": "Manual", "Cron": "00 00 02 * * ?"}', '123'));
  const { findings } = validateText(text);
  assert.ok(findings.length >= 2);
  for (const f of findings) {
    assert.equal(f.taskId, '123');
    assert.match(f.message, /^Task 123: /);
    assert.ok(f.field && f.message.includes(f.field), f.message);
  }
});

test('quick fixes produce a patch without the finding', () => {
  const cases: [string, string][] = [
    [doc('{"Id": "8604388726201130001", "Name": "x"}'), 'dwtasks/id-quoted'],
    [doc(T('"RuntimeResource": {"Cu": 0.5}')), 'dwtasks/cu-invalid'],
    [doc(T('"RerunMode": "AllDenied", "RerunTimes": 3, "Name": "n"')), 'dwtasks/rerun-disabled-field'],
    [doc(T('"Trigger": {"Cron": "00 00 02 * * ?", "Type": "Manual"}')), 'dwtasks/manual-trigger-field'],
    [doc(T('"Trigger": {"Type": "Manual", "StartTime": "2026-01-01 00:00:00"}')), 'dwtasks/manual-trigger-field'],
    [doc(T('"Trigger": {"Cron": "00 00 02 * * *"}')), 'dwtasks/cron-invalid'],
    [doc(T('"Trigger": {"Cron": "00 */2 * * * ?"}')), 'dwtasks/cron-invalid'],
  ];
  for (const [text, code] of cases) {
    const f = validateText(text).findings.find((x) => x.code === code);
    assert.ok(f?.fixes?.length, `${code} has a fix`);
    const fixed = applyEdits(text, f!.fixes![0].edits);
    const after = validateText(fixed, { schema: true }).findings;
    assert.deepEqual(after.filter((x) => x.severity === 'error' || x.code === code).map((x) => x.code), [], fixed);
  }
  const fixedId = applyEdits(doc('{"Id": "8604388726201130001", "Name": "x"}'), validateText(doc('{"Id": "8604388726201130001", "Name": "x"}')).findings[0].fixes![0].edits);
  assert.match(fixedId, /"Id": 8604388726201130001,/);
});

test('messages exist in Simplified Chinese', () => {
  const text = doc(T('"Timeout": 3600, "RerunMode": "AllDenied", "RerunTimes": 1', '9'), '{"Name": "x"}');
  const en = validateText(text).findings;
  const zh = validateText(text, { locale: 'zh-cn' }).findings;
  assert.deepEqual(zh.map((f) => f.code), en.map((f) => f.code));
  for (const f of zh) assert.match(f.message, /[\u4e00-\u9fff]/, f.message);
  assert.match(zh[0].message, /^任务 9：Timeout 3600 秒/);
});
