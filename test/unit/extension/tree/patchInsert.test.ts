// Add to Patch's text edits: entries appended without disturbing comments or formatting, ids as
// bare int64 digits, duplicates (same Id and EnvType) skipped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatch } from '@src/core/patch';
import type { TaskPatch } from '@src/core/patch/model';
import { insertTaskEntries } from '@src/extension/tree/patchInsert';

const fmt = { insertSpaces: true, tabSize: 2, eol: '\n' };
const BIG = '8604388726201130001';
const entry: TaskPatch = { Id: BIG, EnvType: 'Prod', Name: 'ads_log', Trigger: { Type: 'Scheduler', Cron: '00 00 02 * * ?' } };

function ids(text: string): string[] {
  const p = parsePatch(text);
  assert.deepEqual(p.syntaxErrors, []);
  return p.tasks.map((t) => t.id ?? '?');
}

test('an empty document becomes a whole patch file', () => {
  const r = insertTaskEntries('', [entry], fmt);
  assert.ok(r.text.includes(`"Id": ${BIG},`));
  assert.deepEqual(ids(r.text), [BIG]);
});

test('appends after the last task, keeping its comma and line comment where they were', () => {
  const text = '{\n  // keep me\n  "Comment": "c",\n  "Tasks": [\n    { "Id": 1, "EnvType": "Dev" }, // first\n  ]\n}\n';
  const r = insertTaskEntries(text, [entry], fmt);
  assert.ok(r.text.includes('// keep me') && r.text.includes('{ "Id": 1, "EnvType": "Dev" }, // first\n'));
  assert.deepEqual(ids(r.text), ['1', BIG]);
  assert.ok(r.text.includes(`\n    {\n      "Id": ${BIG},\n      "EnvType": "Prod",`), r.text);
});

test('an empty Tasks array and a missing Tasks property both get the entry', () => {
  assert.deepEqual(ids(insertTaskEntries('{ "Tasks": [] }', [entry], fmt).text), [BIG]);
  const noTasks = insertTaskEntries('{\n  "Comment": "x"\n}\n', [entry], fmt).text;
  assert.deepEqual(ids(noTasks), [BIG]);
  assert.ok(noTasks.includes(`"Id": ${BIG}`));
});

test('same Id and EnvType is skipped; same Id in the other environment is added; missing EnvType counts as Prod', () => {
  const text = `{ "Tasks": [ { "Id": ${BIG} } ] }`;
  const dev: TaskPatch = { ...entry, EnvType: 'Dev' };
  const r = insertTaskEntries(text, [entry, dev], fmt);
  assert.deepEqual(r.skipped.map((e) => e.EnvType), ['Prod']);
  assert.deepEqual(r.added.map((e) => e.EnvType), ['Dev']);
  assert.deepEqual(ids(r.text), [BIG, BIG]);
});

test('CRLF documents stay CRLF', () => {
  const r = insertTaskEntries('{\r\n  "Tasks": [\r\n    { "Id": 1 }\r\n  ]\r\n}\r\n', [entry], { ...fmt, eol: '\r\n' });
  assert.ok(!/[^\r]\n/.test(r.text), JSON.stringify(r.text));
});

test('a document that is not a patch object is refused with a reason', () => {
  assert.throws(() => insertTaskEntries('[1, 2]', [entry], fmt), /not a JSON object/);
  assert.throws(() => insertTaskEntries('{ "Tasks": 3 }', [entry], fmt), /"Tasks" is not an array/);
});

test('each entry may carry a // comment line above it (the task name), in every placement', () => {
  const commentOf = (e: TaskPatch) => (e.Id === BIG ? 'ads_log' : undefined);
  const fresh = insertTaskEntries('', [entry, { Id: '12', EnvType: 'Dev' }], fmt, commentOf).text;
  assert.ok(fresh.includes(`    // ads_log\n    {\n      "Id": ${BIG},`), fresh);
  assert.deepEqual(ids(fresh), [BIG, '12']);
  const appended = insertTaskEntries('{\n  "Tasks": [\n    { "Id": 1 }\n  ]\n}\n', [entry], fmt, commentOf).text;
  assert.ok(appended.includes(`{ "Id": 1 },\n    // ads_log\n    {\n      "Id": ${BIG},`), appended);
  const noTasks = insertTaskEntries('{\n  "Comment": "x"\n}\n', [entry], fmt, commentOf).text;
  assert.ok(noTasks.includes('// ads_log'), noTasks);
  for (const t of [fresh, appended, noTasks]) assert.deepEqual(parsePatch(t).syntaxErrors, []);
  const tabs = insertTaskEntries('', [entry], { insertSpaces: false, tabSize: 4, eol: '\r\n' }, commentOf).text;
  assert.ok(tabs.includes(`\t\t// ads_log\r\n\t\t{\r\n\t\t\t"Id": ${BIG},`), JSON.stringify(tabs));
});
