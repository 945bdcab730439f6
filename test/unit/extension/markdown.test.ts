import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeMarkdown, escapeMarkdownLine, inlineCode } from '@src/extension/util/markdown';

test('inline code fences longer than any backtick run inside', () => {
  assert.equal(inlineCode('00 00 02 * * ?'), '`00 00 02 * * ?`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x'), '`` `x ``');
});

test('escaped text keeps its spaces and neutralises markdown and theme icons', () => {
  assert.equal(escapeMarkdown('day-of-week: 8 is out of range 1-7 (1 = Sunday)'), 'day\\-of\\-week: 8 is out of range 1\\-7 \\(1 = Sunday\\)');
  assert.equal(escapeMarkdown('*a* $(x) `c`'), '\\*a\\* \\$\\(x\\) \\`c\\`');
});

test('a value cannot leave its code span: blank lines, backtick runs and controls stay inside', () => {
  const cron = '00 00 02 * * ?\n\n[x](command:workbench.action.terminal.sendSequence)\n``` `';
  const md = inlineCode(cron);
  assert.ok(!md.includes('\n'), 'one line: a blank line would end the span and the paragraph');
  const fence = /^`+/.exec(md)![0];
  assert.ok(fence.length > 3, 'longer than the longest backtick run inside');
  assert.ok(md.endsWith(fence) && !md.slice(fence.length, -fence.length).includes(fence), 'the fence appears only at both ends');
  assert.equal(inlineCode('x\u001b[2J\u202e'), '`x\\u001b[2J\\u202e`');
});

test('escaped text: no blank line ever (a new block), controls visible, = at a line start literal', () => {
  assert.equal(escapeMarkdown('a\n\n\n# b'), 'a  \n\\# b');
  assert.equal(escapeMarkdown('title\n==='), 'title  \n\\===');
  assert.equal(escapeMarkdown('x\u001b]8;;http://e\u0007 &amp;'), 'x\\\\u001b\\]8;;http://e\\\\u0007 \\&amp;');
});

test('one-line values (table cells): line breaks and pipes cannot add a row', () => {
  assert.equal(escapeMarkdownLine('a|b\nc $(zap)'), 'a\\|b\\\\u000ac \\$\\(zap\\)');
});
