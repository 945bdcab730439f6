import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plural } from '@src/core/text/plural';

test('plural: the singular for exactly one, the plural for every other count', () => {
  assert.equal(plural(1, 'task'), '1 task');
  assert.equal(plural(0, 'task'), '0 tasks');
  assert.equal(plural(2, 'field'), '2 fields');
  assert.equal(plural(1, 'entry', 'entries'), '1 entry');
  assert.equal(plural(3, 'entry', 'entries'), '3 entries');
});
