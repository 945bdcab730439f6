// Set Access Key takes a pair from command arguments in the extension's test mode only: anywhere
// else (a keybinding, a command link in a workspace file, another extension) they are ignored and
// the prompts run. The host tests run in test mode, so the refusal is proven here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessKeyFromArgs, argsCarryCredentials } from '@src/extension/connection/accessKeyArgs';

const pair = { accessKeyId: 'LTAI-example', accessKeySecret: 'secret-example' };

test('outside test mode, arguments never supply an AccessKey', () => {
  for (const args of [pair, { accessKeySecret: 'only-secret' }, { test: pair }, 'LTAI', undefined, null]) {
    assert.equal(accessKeyFromArgs(args, false), undefined, JSON.stringify(args));
  }
  assert.equal(argsCarryCredentials(pair), true, 'such a call is noticed (and logged without the values)');
});

test('in test mode the pair (or either half) is taken; anything else is not', () => {
  assert.deepEqual(accessKeyFromArgs(pair, true), pair);
  assert.deepEqual(accessKeyFromArgs({ accessKeyId: 'LTAI-only' }, true), { accessKeyId: 'LTAI-only' });
  assert.equal(accessKeyFromArgs({ accessKeyId: 42, accessKeySecret: {} }, true), undefined);
  assert.equal(accessKeyFromArgs('LTAI', true), undefined);
  assert.equal(argsCarryCredentials({ region: 'cn-shanghai' }), false);
});
