import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeMarkdown, inlineCode } from '../../../src/extension/util/markdown';

test('inline code fences longer than any backtick run inside', () => {
  assert.equal(inlineCode('00 00 02 * * ?'), '`00 00 02 * * ?`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x'), '`` `x ``');
});

test('escaped text keeps its spaces and neutralises markdown and theme icons', () => {
  assert.equal(escapeMarkdown('day-of-week: 8 is out of range 1-7 (1 = Sunday)'), 'day\\-of\\-week: 8 is out of range 1\\-7 \\(1 = Sunday\\)');
  assert.equal(escapeMarkdown('*a* $(x) `c`'), '\\*a\\* \\$\\(x\\) \\`c\\`');
});
