// Whoever sends the secrets back, they never print: a gateway that quotes the request's headers in its
// error body (the STS token among them) gets *** in the client's error, whatever way the error is
// shown; a password in an --endpoint URL is not repeated by the refusal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { DataWorksClient } from '@src/dataworks/client';
import { DataWorksError } from '@src/dataworks/errors';
import { resolveEndpoint } from '@src/dataworks/endpoint';
import { emulator, type RunningEmulator } from './emulator-fixture';

const TOKEN = 'STS.NUg7TokenThatTheGatewayEchoes0b9d';
let emu: RunningEmulator;
before(async () => { emu = await emulator({ tasks: 50 }); });
after(async () => { await emu.close(); });

test('an error body quoting the request headers: the STS token becomes ***, the rest of the message stays', async () => {
  emu.setFaults({ errorRate: 1, echoHeaders: true });
  const client = new DataWorksClient({
    endpoint: emu.endpoint, retry: { maxAttempts: 1 },
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, securityToken: TOKEN },
  });
  const err = await client.listProjects().then(() => undefined, (e: unknown) => e);
  emu.setFaults({});
  assert.ok(err instanceof DataWorksError, String(err));
  assert.match(err.serviceMessage, /Request headers: .*x-acs-security-token/, 'the gateway did echo the headers');
  assert.match(err.serviceMessage, /"x-acs-security-token":"\*\*\*"/);
  for (const shown of [err.message, err.serviceMessage, String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), err.stack ?? '']) {
    assert.ok(!shown.includes(TOKEN), `the token in: ${shown.slice(0, 300)}`);
    assert.ok(!shown.includes(emu.accessKeySecret), 'nor the secret');
  }
});

test('a password in the endpoint URL is refused without being repeated', () => {
  assert.throws(() => resolveEndpoint('http://user:Pa55word-do-not-print@127.0.0.1:18080'), (e: unknown) =>
    e instanceof DataWorksError && e.code === 'InvalidEndpoint' && !e.message.includes('Pa55word') && !e.message.includes('user:')
    && e.message.includes('http://127.0.0.1:18080'));
});
