// Canary for src/dataworks/http-observer.ts: it reads answers and tears down sockets through Node's
// http diagnostics channels, from inside the SDK's HTTP stack (openapi-client exposes neither). An
// SDK update that stops using node:http, or runs its request outside our async context, would make
// it see nothing: no x-acs-retry-after, no status on errors, no cancel. These tests call the SDK
// itself (not our client) against the emulator over real HTTP and fail with that explanation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { destroyInFlight, observe, requestIdHeader, retryAfterMs } from '@src/dataworks/http-observer';
import { emulator, type RunningEmulator } from './emulator-fixture';

const SDK_VERSION = (JSON.parse(readFileSync(require.resolve('@alicloud/openapi-client/package.json'), 'utf8')) as { version: string }).version;
const CANARY = `@alicloud/openapi-client ${SDK_VERSION}: http-observer.ts no longer sees the SDK's HTTP exchange through node:diagnostics_channel`;

let emu: RunningEmulator;
before(async () => { emu = await emulator({ tasks: 50 }); });
after(async () => { await emu.close(); });

function sdkCall(action: string, method: 'GET' | 'POST', values: Record<string, string>): Promise<unknown> {
  const client = new OpenApiClient(new Config({
    accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, endpoint: `127.0.0.1:${emu.port}`, protocol: 'http',
  }));
  const params = new Params({
    action, version: '2024-05-18', protocol: 'http', pathname: '/', method, authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'string',
  });
  const request = new OpenApiRequest(method === 'GET' ? { query: values } : { body: values });
  return client.callApi(params, request, new RuntimeOptions({ autoretry: false, readTimeout: 30_000, connectTimeout: 30_000 }));
}

test('an error answer: the observer sees its status, x-acs-retry-after and request id (the SDK error has none of the headers)', async () => {
  emu.setFaults({ qps: 1 });
  try {
    await sdkCall('ListProjects', 'POST', {}); // takes the one slot of this second
    const { exchange, result } = observe(() => sdkCall('ListProjects', 'POST', {}));
    const err = await result.then(() => assert.fail('the second call in the same second must be throttled'), (e: unknown) => e as { code?: string; data?: { RequestId?: string } });
    assert.equal(err.code, 'Throttling.User');
    assert.equal(exchange.statusCode, 429, `${CANARY}: no response status seen`);
    const after = retryAfterMs(exchange.headers);
    assert.ok(after !== undefined && after > 0 && after <= 1000, `${CANARY}: x-acs-retry-after not seen (headers: ${JSON.stringify(exchange.headers)})`);
    assert.equal(requestIdHeader(exchange.headers), err.data?.RequestId, `${CANARY}: x-acs-request-id not seen`);
  } finally {
    emu.setFaults({});
  }
});

test('a request in flight: the observer holds it and destroying it closes the socket, so the emulator never runs it', async () => {
  emu.setFaults({ stallWritesAfter: 0 });
  try {
    const task = Object.values(emu.snapshot().tasks.Prod)[0]!;
    const received = emu.received(emu.receivedCount + 1);
    const { exchange, result } = observe(() => sdkCall('BatchUpdateTasks', 'POST', { Tasks: `[{"Id":${task.Id},"Description":"never applied"}]` }));
    const settled = result.then(() => 'answered', (e: unknown) => `failed: ${(e as Error).message}`);
    await received; // the emulator holds it until the caller gives up
    assert.equal(exchange.inFlight.size, 1, `${CANARY}: the request's start was not seen, so a cancel cannot tear it down`);
    destroyInFlight(exchange);
    assert.match(await settled, /^failed: /, 'the SDK call ends once its socket is destroyed');
    await emu.idle();
    assert.equal(emu.snapshot().tasks.Prod[task.Id]!.Description, task.Description);
    assert.equal(exchange.inFlight.size, 0);
  } finally {
    emu.setFaults({});
  }
});

test('requests outside observe() are not attributed to any call', async () => {
  const { exchange, result } = observe(async () => 'no request');
  await result;
  await sdkCall('ListProjects', 'POST', {});
  assert.equal(exchange.statusCode, undefined);
  assert.equal(exchange.inFlight.size, 0);
});
