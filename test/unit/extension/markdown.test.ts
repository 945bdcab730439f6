import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inlineCode } from '../../../src/extension/util/markdown';

test('inline code fences longer than any backtick run inside', () => {
  assert.equal(inlineCode('00 00 02 * * ?'), '`00 00 02 * * ?`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x'), '`` `x ``');
});
