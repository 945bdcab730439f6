import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatch, serializeTasksParam, formatPatchFile, toRequest } from '@src/core/patch/index';

const BIG = '8604388726201130001';

test('ids keep their int64 digits through parse, serialize and format', () => {
  const text = `{"Comment":"c","Tasks":[{"Id": ${BIG}, "Name": "a"}, {"Id": 9223372036854775807}]}`;
  const p = parsePatch(text);
  assert.equal(p.tasks[0].id, BIG);
  assert.equal(p.tasks[0].value.Id, BIG);
  assert.equal(p.tasks[1].id, '9223372036854775807');
  const tasksParam = serializeTasksParam(toRequest(p).Tasks);
  assert.equal(tasksParam, `[{"Id":${BIG},"Name":"a"},{"Id":9223372036854775807}]`);
  const pretty = formatPatchFile(toRequest(p));
  assert.match(pretty, new RegExp(`"Id": ${BIG},`));
  const again = parsePatch(pretty);
  assert.equal(again.tasks[0].id, BIG);
  assert.equal(serializeTasksParam(toRequest(again).Tasks), tasksParam);
  assert.equal(again.comment, 'c');
});

test('the Tasks param differs from JSON.stringify exactly where a JS number would round the id', () => {
  const lossy = JSON.stringify([{ Id: Number(BIG) }]);
  assert.equal(lossy, '[{"Id":8604388726201130000}]');
  assert.equal(serializeTasksParam([{ Id: BIG }]), `[{"Id":${BIG}}]`);
});

test('serializing an invalid id throws naming it', () => {
  assert.throws(() => serializeTasksParam([{ Id: '12.5' }]), /12\.5/);
  assert.throws(() => serializeTasksParam([{ Id: '9223372036854775808' }]), /out-of-range/);
});

test('comments and trailing commas parse without syntax errors', () => {
  const text = '// head\n{\n  /* c */ "Tasks": [\n    {"Id": 1, "Name": "x",}, // trailing\n  ],\n}\n';
  const p = parsePatch(text);
  assert.deepEqual(p.syntaxErrors, []);
  assert.equal(p.tasks.length, 1);
  assert.deepEqual(p.tasks[0].value, { Id: '1', Name: 'x' });
});

test('field and key ranges are exact', () => {
  const text = '{"Tasks": [\n  {"Id": 42,\n   "Trigger": {"Cron": "00 00 01 * * ?"},\n   "Tags": [{"Key": "k"}]}\n]}';
  const p = parsePatch(text);
  const t = p.tasks[0];
  assert.deepEqual(t.idRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
  assert.deepEqual(t.fieldRange('Trigger.Cron'), { start: { line: 2, character: 23 }, end: { line: 2, character: 39 } });
  assert.deepEqual(t.keyRange('Trigger.Cron'), { start: { line: 2, character: 15 }, end: { line: 2, character: 21 } });
  assert.deepEqual(t.fieldRange('Tags.0.Key'), { start: { line: 3, character: 20 }, end: { line: 3, character: 23 } });
  assert.equal(t.fieldRange('Trigger.Nope'), undefined);
  assert.equal(p.offsetAt(p.positionAt(30)), 30);
});

test('syntax errors are reported, never thrown', () => {
  for (const text of ['', 'hello', '{"Tasks": [', '{"Tasks": [{"Id": 1}}', '\u0000\u0001', 'Tasks:\n  - Id: 1\n']) {
    const p = parsePatch(text);
    if (text !== '') assert.ok(p.syntaxErrors.length > 0, JSON.stringify(text));
    for (const e of p.syntaxErrors) assert.equal(e.code, 'dwtasks/syntax');
  }
});

test('ids that are not int64 integers have no id but keep their range', () => {
  const p = parsePatch('{"Tasks":[{"Id":1.5},{"Id":-3},{"Id":"7"},{"Id":99999999999999999999},{"Name":"n"}]}');
  assert.deepEqual(p.tasks.map((t) => t.id), [undefined, undefined, undefined, undefined, undefined]);
  assert.ok(p.tasks[0].idRange);
  assert.equal(p.tasks[4].idRange, undefined);
});

test('CRLF line endings map positions correctly', () => {
  const p = parsePatch('{\r\n"Tasks": [\r\n{"Id": 5}]}');
  assert.deepEqual(p.tasks[0].idRange, { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } });
});

test('the full tree is built on demand and task nodes come from it', () => {
  const text = '{"Comment": "c", "Tasks": [{"Id": 1, "Name": "a"}, {"Id": 2, "Trigger": {"Cron": "x"}}]}';
  const p = parsePatch(text);
  assert.equal(p.tasks[1].fieldRange('Trigger.Cron')?.start.character, text.indexOf('"x"'));
  const tasks = p.tasksNode!;
  assert.equal(tasks.children!.length, 2);
  assert.equal(p.tasks[0].node, tasks.children![0]);
  assert.equal(p.tasks[1].node.parent, tasks);
  assert.equal(p.root!.children!.length, 2);
});

test('a task\'s name is read with its Id (trimmed; absent when empty or not a string), without building its value', () => {
  const p = parsePatch('{"Tasks":[{"Id":1,"Name":"  daily load "},{"Id":2,"Name":"   "},{"Id":3,"Name":7},{"Id":4}]}');
  assert.deepEqual(p.tasks.map((t) => t.name), ['daily load', undefined, undefined, undefined]);
  assert.equal(p.tasks[0].readHeader().name, 'daily load');
});
