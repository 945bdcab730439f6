// npm start's choice of code-server authentication (scripts/lib/start-auth.mjs): none on loopback,
// a password on every other address. The served workbench itself: test/process/start-auth.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('loopback hosts keep --auth none; every other address gets a password', async () => {
  const { isLoopbackHost, startAuth } = await import('../../../scripts/lib/start-auth.mjs');
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) {
    assert.equal(isLoopbackHost(h), true, h);
    assert.equal(startAuth(h, {}), undefined, h);
  }
  for (const h of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'myhost.example', '128.0.0.1', '127.0.0.1.example']) {
    assert.equal(isLoopbackHost(h), false, h);
    const auth = startAuth(h, {});
    assert.ok(auth && auth.generated && auth.password.length >= 20, h);
  }
});

test('a generated password is random each time; PASSWORD from the environment is used as given', async () => {
  const { startAuth } = await import('../../../scripts/lib/start-auth.mjs');
  const a = startAuth('0.0.0.0', {});
  const b = startAuth('0.0.0.0', {});
  assert.ok(a && b && a.password !== b.password);
  assert.deepEqual(startAuth('0.0.0.0', { PASSWORD: 'chosen by the user' }), { password: 'chosen by the user', generated: false });
  assert.equal(startAuth('127.0.0.1', { PASSWORD: 'ignored on loopback' }), undefined);
});
