import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatch } from '@src/core/patch/index';
import { carryHeaders } from '@src/core/patch/header-carry';

const doc = (names: string[]): string => `{"Tasks":[\n${names.map((n, i) => `  {"Id": ${8604388726201130001n + BigInt(i)}, "EnvType": "${i % 2 ? 'Prod' : 'Dev'}", "Name": "${n}"}`).join(',\n')}\n]}`;
const headers = (text: string) => parsePatch(text).tasks.map((t) => ({ ...t.readHeader() }));

test('unchanged tasks keep their headers across an edit, moved to their new offsets; edited ones are read again', () => {
  const v1 = parsePatch(doc(['a', 'b', 'c', 'd']));
  const first = carryHeaders(v1);
  assert.equal(first.reused, 0);
  // The first task's name grows by 10 characters: every later task moves, only the first is new.
  const text2 = doc(['a-longer-name', 'b', 'c', 'd']);
  const v2 = parsePatch(text2);
  const second = carryHeaders(v2, first.memo);
  assert.equal(second.reused, 3);
  assert.deepEqual(v2.tasks.map((t) => ({ ...t.readHeader() })), headers(text2));
  assert.deepEqual(v2.tasks.map((t) => t.name), ['a-longer-name', 'b', 'c', 'd']);
  assert.deepEqual(v2.tasks.map((t) => t.envType), ['Dev', 'Prod', 'Dev', 'Prod']);
  assert.equal(v2.text.slice(v2.tasks[3].idSpan!.offset, v2.tasks[3].idSpan!.offset + v2.tasks[3].idSpan!.length), '8604388726201130004');
});

test('two tasks with the same text share one memo entry; a memo never outlives the version after it', () => {
  const same = '{"Tasks":[{"Id": 1, "Name": "x"}, {"Id": 1, "Name": "x"}]}';
  const r = carryHeaders(parsePatch(same));
  assert.equal(r.reused, 1);
  assert.equal(r.memo.size, 1);
  const next = carryHeaders(parsePatch('{"Tasks":[{"Id": 2}]}'), r.memo);
  assert.equal(next.reused, 0);
  assert.equal(next.memo.size, 1);
});
