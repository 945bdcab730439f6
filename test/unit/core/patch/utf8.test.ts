// Strict UTF-8 for patch files: valid text (a BOM, CJK, emoji, U+2028) decodes as written; the first
// sequence that is not UTF-8 is named by its bytes, line and column, as an editor counts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, hexBytes } from '@src/core/patch/utf8';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('valid UTF-8 decodes exactly, the BOM kept for stripBom', () => {
  const text = '\ufeff{"Name": "数据 😀 \u2028 \\" é"}';
  assert.deepEqual(decodeUtf8(bytes(text)), { text });
});

test('the first bad sequence: its bytes, 0-based line and UTF-16 column (CRLF, a lone CR, a BOM and emoji counted as an editor does)', () => {
  const cases: { name: string; input: Uint8Array; line: number; character: number; hex: string }[] = [
    { name: 'Latin-1 é', input: bytes('{"Name": "caf', [0xe9], '"}'), line: 0, character: 13, hex: '0xE9' },
    { name: 'surrogate bytes', input: bytes('{\r\n"a": "', [0xed, 0xa0, 0x80], '"}'), line: 1, character: 6, hex: '0xED 0xA0 0x80' },
    { name: 'overlong /', input: bytes('\ufeff{\r"😀": "', [0xc0, 0xaf], '"}'), line: 1, character: 7, hex: '0xC0 0xAF' },
    { name: 'a GBK pair', input: bytes('{\n\n "Name": "', [0xd6, 0xd0], '"}'), line: 2, character: 10, hex: '0xD6' },
    { name: 'cut off at the end', input: bytes('{"a": "', [0xe4, 0xb8]), line: 0, character: 7, hex: '0xE4 0xB8' },
    { name: 'above U+10FFFF', input: bytes('x', [0xf4, 0x90, 0x80, 0x80]), line: 0, character: 1, hex: '0xF4 0x90 0x80 0x80' },
  ];
  for (const c of cases) {
    const r = decodeUtf8(c.input);
    assert.ok('problem' in r, c.name);
    assert.deepEqual([r.problem.line, r.problem.character, hexBytes(r.problem.bytes)], [c.line, c.character, c.hex], c.name);
  }
});
