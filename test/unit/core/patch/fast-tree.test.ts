// The fast tree builder must produce exactly jsonc-parser's tree, or give up and leave it to jsonc-parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { fastParseAt, fastParseShallow, fastParseTree } from '@src/core/patch/fast-tree';
import { PARSE_OPTIONS } from '@src/core/patch/parse';
import { generatePatch } from '../../../../bench/generate-patch';
import { checkLimits } from '@src/core/patch/limits';
import { mutatedPatches } from '../../fuzz/mutate-patch';

function plain(n: Node | undefined): unknown {
  if (!n) return n;
  const { parent: _p, children, ...rest } = n;
  void _p;
  return children ? { ...rest, children: children.map(plain) } : rest;
}

function check(text: string): 'fast' | 'fallback' {
  const errors: ParseError[] = [];
  const reference = parseTree(text, errors, PARSE_OPTIONS);
  const fast = fastParseTree(text);
  if (!fast) return 'fallback';
  assert.deepEqual(errors, [], `fast path accepted a document jsonc-parser rejects: ${text}`);
  assert.deepEqual(plain(fast.root), plain(reference), text);
  // Parents point where jsonc-parser's do.
  const walk = (a: Node, b: Node): void => {
    assert.equal(a.parent?.offset, b.parent?.offset);
    assert.equal(a.parent?.type, b.parent?.type);
    a.children?.forEach((c, i) => walk(c, b.children![i]));
  };
  if (fast.root && reference) walk(fast.root, reference);
  return 'fast';
}

test('well-formed documents: identical trees', () => {
  const docs = [
    '', '  // only a comment\n', '{}', '[]', '{"a": 1}', '[1, 2, 3,]', '{"a": [], "b": {}, "c": null, "d": true, "e": false,}',
    '{"n": [0, -0, 1.5, -2.25e10, 1E+3, 3e-2, 8604388726201130001, 123456789012345678901234567890]}',
    '{"s": ["", "plain", "tab\\tnew\\nline", "quote \\" back \\\\ slash", "\\u4e2d\\u6587", "中文", "emoji 😀", "\\/"]}',
    '/* lead */ { /* a */ "a" /* b */ : /* c */ 1 /* d */ , // e\n "b": [ /* f */ ] } // tail',
    '{\r\n  "crlf": 1\r\n}\r\n',
    '"top-level string"', '42', 'null',
    ...readdirSync('examples').filter((f) => f.endsWith('.json')).map((f) => readFileSync(`examples/${f}`, 'utf8')),
    generatePatch(50),
  ];
  for (const d of docs) assert.equal(check(d), 'fast', d);
});

test('malformed documents are left to jsonc-parser', () => {
  const bad = [
    '{', '{"a": 1', '{"a" 1}', '{"a": 1 "b": 2}', '{a: 1}', "{'a': 1}", '[1 2]', '{"a": 01}', '{"a": 1.}', '{"a": .5}',
    '{"a": +1}', '{"a": tru}', '{"a": nulls}', '{"a": "x\ny"}', '{"a": "\\x"}', '{"a": 1} extra', '/* open', '{"a": NaN}',
    '\ufeff{}', '{"a":\u00a01}', '[,]', '{,}', '{"a": 1,,}',
  ];
  for (const d of bad) assert.equal(check(d), 'fallback', d);
});

test('the shallow parse records exactly the Tasks elements, and each parses alone to the same tree', () => {
  const docs = [...readdirSync('examples').filter((f) => f.endsWith('.json')).map((f) => readFileSync(`examples/${f}`, 'utf8')), generatePatch(30),
    '{"Tasks": []}', '{"Tasks": [1, "x", null, [], {}], "Comment": "c"}', '{"Tasks": [{"Id": 1}], "Tasks": [{"Id": 2}, {"Id": 3}]}',
    '[{"Tasks": [{"Id": 1}]}]', '{"Other": {"Tasks": [{"Id": 1}]}}'];
  for (const d of docs) {
    const shallow = fastParseShallow(d);
    assert.ok(shallow, d);
    const root = parseTree(d, [], PARSE_OPTIONS)!;
    const tasks = root.type === 'object' ? root.children!.filter((p) => p.children![0].value === 'Tasks').pop()?.children![1] : undefined;
    const expected = tasks?.type === 'array' ? tasks.children! : [];
    assert.deepEqual(shallow.taskSpans, expected.map((n) => ({ offset: n.offset, length: n.length })), d);
    expected.forEach((n, i) => assert.deepEqual(plain(fastParseAt(d, shallow.taskSpans[i].offset)), plain(n)));
  }
  for (const bad of ['{"Tasks": [{"Id": 1,, }]}', '{"Tasks": [{"Id": "\\q"}]}', '{"Tasks": [{"Id": 1} {"Id": 2}]}', '{"Tasks": [{"a": "\\u12G4"}]}']) {
    assert.equal(fastParseShallow(bad), undefined, bad);
  }
});

test('differential fuzz: on 1500 mutated patches the fast tree is jsonc-parser\'s tree, or the fast path gives up', () => {
  let fast = 0;
  for (const { name, text } of mutatedPatches(7, 1500)) {
    if (checkLimits(text)) continue; // neither parser ever sees a text over the limits
    let how: 'fast' | 'fallback';
    try {
      how = check(text);
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message.slice(0, 2000)}`);
    }
    if (how === 'fast') fast++;
    // The shallow path (what validation uses) accepts exactly what the full fast path accepts, with the same task spans.
    const shallow = fastParseShallow(text);
    assert.equal(shallow !== undefined, how === 'fast', name);
  }
  assert.ok(fast > 300, `only ${fast} cases took the fast path`);
});
