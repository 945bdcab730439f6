import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatch } from '@src/core/patch';
import { cronAt, cronsIn, taskAt } from '@src/extension/language/cronLocate';

const text = `{
  // comment
  "Tasks": [
    { "Id": 1, "Trigger": { "Cron": "00 00 02 * * ?" } },
    { "Id": 2, "Name": "no cron" },
    { "Id": 3, "Trigger": { "Cron": "" }, },
    { "Id": 4, "Trigger": { "Cron": 5 } }
  ]
}`;
const patch = parsePatch(text);

test('the cron value at an offset, quotes included, with its content span', () => {
  const at = text.indexOf('00 00 02') + 3;
  const c = cronAt(patch, at)!;
  assert.equal(c.expr, '00 00 02 * * ?');
  assert.equal(c.task.id, '1');
  assert.equal(text.slice(c.contentStart, c.contentEnd), '00 00 02 * * ?');
  assert.equal(cronAt(patch, c.node.offset)?.expr, c.expr, 'opening quote');
  assert.equal(cronAt(patch, text.indexOf('"Cron"') + 1), undefined, 'the key is not the value');
  assert.equal(cronAt(patch, text.indexOf('no cron')), undefined);
});

test('an empty cron string still has a place to complete into', () => {
  const at = text.indexOf('"Cron": ""') + 9;
  const c = cronAt(patch, at)!;
  assert.equal(c.expr, '');
  assert.equal(c.contentStart, at);
  assert.equal(c.contentEnd, at);
});

test('non-string Cron values are ignored; cronsIn lists strings in a span', () => {
  assert.deepEqual(cronsIn(patch).map((c) => c.task.id), ['1', '3']);
  const from = text.indexOf('"Id": 3');
  assert.deepEqual(cronsIn(patch, from).map((c) => c.task.id), ['3']);
  assert.deepEqual(cronsIn(patch, 0, text.indexOf('"Id": 2')).map((c) => c.task.id), ['1']);
});

test('taskAt finds the task object around an offset by binary search', () => {
  assert.equal(taskAt(patch, text.indexOf('no cron'))?.id, '2');
  assert.equal(taskAt(patch, text.indexOf('comment')), undefined);
  const many = parsePatch(JSON.stringify({ Tasks: Array.from({ length: 500 }, (_, i) => ({ Id: i + 1 })) }));
  for (const i of [0, 1, 250, 499]) {
    const t = many.tasks[i];
    assert.equal(taskAt(many, t.node.offset + 2)?.id, String(i + 1));
  }
});
