// Unpaired surrogate escapes: valid JSON that no UTF-8 request can carry (found by the send-side fuzz
// test: a Comment of "\ud800" validated clean, then the client's form encoding threw before sending).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '@src/core/validate';
import { checkBeforeSend } from '@src/core/apply/gate';

const patch = (comment: string, extra = '') => `{
  // a comment may say \\ud800 freely
  "Comment": "${comment}",
  "Tasks": [{ "Id": 700010175025, "EnvType": "Prod"${extra} }]
}`;
const codes = (text: string) => validateText(text, { schema: true }).findings.filter((f) => f.severity === 'error').map((f) => f.code);

test('a lone high or low surrogate escape in a value is an error on that string; the gate refuses', () => {
  for (const bad of ['\\ud800', 'x\\uDBFFy', '\\udc00', '\\ude00\\ud83d']) {
    const text = patch(bad);
    const errors = validateText(text, { schema: true }).findings.filter((f) => f.code === 'dwtasks/lone-surrogate');
    assert.equal(errors.length, 1, bad);
    const { line, character } = errors[0]!.range.start;
    assert.equal(text.split('\n')[line]!.slice(character), `"${bad}",`, 'the range is the string itself');
    assert.match(errors[0]!.message, /\\u[dD][89a-fA-F]/);
    assert.equal(checkBeforeSend(text, 'p.dwtasks.json').ok, false, bad);
  }
});

test('a whole pair, a comment and keys are read as JSON reads them', () => {
  assert.deepEqual(codes(patch('\\ud83d\\ude00 ok')), []);
  assert.equal(checkBeforeSend(patch('\\ud83d\\ude00 ok'), 'p.dwtasks.json').ok, true);
  assert.deepEqual(codes(patch('fine', ', "Description": "\\udfff"')), ['dwtasks/lone-surrogate']);
});

test('the message comes in Simplified Chinese too', () => {
  const f = validateText(patch('\\ud800'), { locale: 'zh-cn' }).findings.find((x) => x.code === 'dwtasks/lone-surrogate');
  assert.match(f!.message, /UTF-16/);
  assert.match(f!.message, /无法以 UTF-8 发送/);
});
