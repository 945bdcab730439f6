// Text from the service or a file made safe for a terminal: every C0/C1 control, DEL and bidi
// character becomes a visible \u escape; ordinary text (CJK, emoji, quotes, backslashes) is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, escapeControls } from '@src/core/text/safe-text';

const HOSTILE = 'x\u001b[2J\u001b]0;title\u0007 \u202e evil';

test('escape sequences, BEL, bidi overrides come out as visible escapes', () => {
  assert.equal(escapeControls(HOSTILE), 'x\\u001b[2J\\u001b]0;title\\u0007 \\u202e evil');
  assert.equal(escapeControls('a\u0000b\u007fc\u0085d\u009be'), 'a\\u0000b\\u007fc\\u0085d\\u009be');
});

test('every C0, DEL, C1 and bidi control is escaped; nothing else in the BMP is', () => {
  const unsafe = new Set<number>();
  for (let c = 0; c <= 0x1f; c++) unsafe.add(c);
  for (let c = 0x7f; c <= 0x9f; c++) unsafe.add(c);
  for (const c of [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) unsafe.add(c);
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates are not characters
    const ch = String.fromCharCode(c);
    const out = escapeControls(ch);
    if (unsafe.has(c)) assert.equal(out, `\\u${c.toString(16).padStart(4, '0')}`, `U+${c.toString(16)}`);
    else assert.equal(out, ch, `U+${c.toString(16)} must stay as it is`);
  }
});

test('newline and tab: escaped in a value, kept in text the CLI laid out itself', () => {
  assert.equal(escapeControls('a\nb\tc\rd'), 'a\\u000ab\\u0009c\\u000dd');
  assert.equal(escapeControls('a\nb\tc\rd', 'lines'), 'a\nb\tc\\u000dd');
});

test('awkward but valid text is left exactly as it is', () => {
  const text = '调度任务 🚀 "quoted" \\back\\slash\\ \u2028 owner 007 é';
  assert.equal(escapeControls(text), text);
  assert.equal(escapeControls(text, 'lines'), text);
});

test('table cells: escaped, then cut to the limit with an ellipsis, never half a surrogate pair', () => {
  assert.equal(cellText('short', 10), 'short');
  assert.equal(cellText('x'.repeat(100_000), 60), `${'x'.repeat(59)}…`);
  assert.equal(cellText('x'.repeat(100_000), 60).length, 60);
  assert.equal(cellText('a\nb', 10), 'a\\u000ab');
  assert.equal(cellText('\u001b[2J', 8), '\\u001b[…', 'cut after escaping: the escape cannot be cut back into a raw ESC');
  const emoji = `${'a'.repeat(8)}🚀🚀`; // the cut lands inside the first pair
  assert.equal(cellText(emoji, 10), `${'a'.repeat(8)}…`);
});
