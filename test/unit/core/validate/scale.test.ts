// Big files: 10,000 tasks validate without crashing, and the per-task cache gives the same
// findings as a fresh run after edits anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatch, serializeTasksParam, toRequest } from '@src/core/patch/index';
import { ValidationCache, validatePatch, validateText } from '@src/core/validate/index';
import { generatePatch } from '../../../../bench/generate-patch';

const text = generatePatch(10_000);

test('a 10,000-task file validates with schema and every rule', () => {
  assert.ok(text.length > 2_500_000, `${text.length} bytes`);
  const { patch, findings } = validateText(text, { schema: true });
  assert.equal(patch.tasks.length, 10_000);
  // Each 100th task: a bad day-of-week and a Timeout of 600.
  assert.equal(findings.filter((f) => f.code === 'dwtasks/cron-invalid').length, 100);
  assert.equal(findings.filter((f) => f.code === 'dwtasks/timeout-doc-minimum').length, 100);
  // Crons with weekday numbers (`? * 2`, `? * 2-6`) get an information note saying how they are read.
  const notes = findings.filter((f) => f.code === 'dwtasks/cron-weekday-numbers');
  assert.ok(notes.length > 3000 && notes.every((f) => f.severity === 'info'), `${notes.length} weekday notes`);
  assert.equal(findings.length - notes.length, 200);
  assert.equal(patch.tasks[9_999].id, '8604388726201140000');
  const param = serializeTasksParam(toRequest(patch).Tasks);
  assert.ok(param.includes('{"Id":8604388726201140000,'));
});

test('the cache reruns only the edited task and matches a fresh run', () => {
  const cache = new ValidationCache();
  const first = validatePatch(parsePatch(text), { cache });
  assert.deepEqual(first, validatePatch(parsePatch(text)));
  assert.equal(cache.misses, 10_000);
  // One character inside task 5000: its Timeout 7200 becomes 720 (a warning now).
  const at = text.indexOf('"Timeout": 7200', text.indexOf('"ods_sync_5000"'));
  const edited = text.slice(0, at + 14) + text.slice(at + 15);
  const before = { hits: cache.hits, misses: cache.misses };
  const second = validatePatch(parsePatch(edited), { cache });
  assert.equal(cache.misses - before.misses, 1);
  assert.equal(cache.hits - before.hits, 9_999);
  assert.deepEqual(second, validatePatch(parsePatch(edited)));
  assert.equal(second.length, first.length + 1);
  // A line inserted at the top moves every task: cached findings move with them.
  const shifted = text.replace('{\n', '{\n  // moved\n');
  assert.deepEqual(validatePatch(parsePatch(shifted), { cache }), validatePatch(parsePatch(shifted)));
});

test('a duplicate Id far away is found across the cache', () => {
  const cache = new ValidationCache();
  validatePatch(parsePatch(text), { cache });
  const dup = text.replace('"Id": 8604388726201130002,', '"Id": 8604388726201139999,');
  const findings = validatePatch(parsePatch(dup), { cache });
  const d = findings.filter((f) => f.code === 'dwtasks/duplicate-id-env' || f.code === 'dwtasks/duplicate-id');
  assert.equal(d.length, 1);
  assert.equal(d[0].taskId, '8604388726201139999');
});
