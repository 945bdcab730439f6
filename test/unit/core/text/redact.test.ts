// Secrets out of any text: every occurrence, percent-encoded too; short or absent secrets change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets, withoutUserinfo } from '@src/core/text/redact';

test('each secret, wherever and however often it appears, becomes ***', () => {
  const secret = 'S3cr3t/Key+value=';
  const token = 'STS.NTokenVeryLongValue123';
  const text = `error: {"x-acs-security-token":"${token}","k":"${secret}"} again ${token} and ${encodeURIComponent(secret)}`;
  const out = redactSecrets(text, [secret, token, undefined]);
  assert.equal(out, 'error: {"x-acs-security-token":"***","k":"***"} again *** and ***');
});

test('nothing to redact: the text as it was (a 3-letter "secret" is not searched for)', () => {
  assert.equal(redactSecrets('plain text', ['S3cr3tValue']), 'plain text');
  assert.equal(redactSecrets('abc abc', ['abc']), 'abc abc');
  assert.equal(redactSecrets('abc', []), 'abc');
});

test('URL userinfo is dropped, the rest kept', () => {
  assert.equal(withoutUserinfo('http://user:PASS@127.0.0.1:8080'), 'http://127.0.0.1:8080');
  assert.equal(withoutUserinfo('https://PASS@host/x?y@z'), 'https://host/x?y@z');
  assert.equal(withoutUserinfo('host.example.com'), 'host.example.com');
  assert.equal(withoutUserinfo('http://host/a@b'), 'http://host/a@b');
});
