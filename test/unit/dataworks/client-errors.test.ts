// Every error class over real HTTP against the emulator (faults injected there), the retry policy as
// seen through onRequest, and the mapping of failures no emulator answer produces.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { DataWorksClient, type RequestLog } from '@src/dataworks/client';
import { DataWorksError } from '@src/dataworks/errors';
import { toDataWorksError } from '@src/dataworks/error-mapping';
import { clientFor, emulator, type RunningEmulator } from './emulator-fixture';

let emu: RunningEmulator;

before(async () => {
  emu = await emulator({ tasks: 300 });
});
after(async () => { await emu.close(); });
beforeEach(() => emu.setFaults({}));

async function failure(p: Promise<unknown>): Promise<DataWorksError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DataWorksError, `expected a DataWorksError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

const outcomes = (logs: RequestLog[]) => logs.map((l) => `${l.attempt}:${l.outcome}:${l.code ?? l.statusCode}`);

test('wrong secret: SignatureDoesNotMatch, kind auth, not retried', async () => {
  const { client, logs } = clientFor(emu, {
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: 'not-the-secret' },
  });
  const e = await failure(client.listProjects());
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.equal(e.kind, 'auth');
  assert.equal(e.retryable, false);
  assert.equal(e.action, 'ListProjects');
  assert.ok(e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500);
  assert.match(e.message, /^ListProjects failed: SignatureDoesNotMatch \(HTTP \d+\): /);
  assert.match(e.message, /secret does not match/);
  assert.ok(e.requestId && e.message.includes(`RequestId: ${e.requestId}`));
  assert.deepEqual(outcomes(logs), ['1:error:SignatureDoesNotMatch']);
});

test('unknown AccessKey id: InvalidAccessKeyId.NotFound, kind auth', async () => {
  const { client, logs } = clientFor(emu, { credentials: { kind: 'accessKey', accessKeyId: 'LTAIunknown', accessKeySecret: 'x' } });
  const e = await failure(client.getTask('1', 'Prod'));
  assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
  assert.equal(e.kind, 'auth');
  assert.match(e.message, /AccessKey id is unknown/);
  assert.equal(logs.length, 1);
});

test('parameter errors: kind parameter, the service message, not retried', async () => {
  const { client, logs } = clientFor(emu);
  const e = await failure(client.listTasks({ ProjectId: '999999999' }));
  assert.equal(e.kind, 'parameter');
  assert.equal(e.statusCode, 400);
  assert.match(e.code, /^InvalidParameter/);
  assert.match(e.serviceMessage, /999999999/);
  assert.equal(logs.length, 1);

  emu.setFaults({ maxTasksPerCall: 2 });
  const tasks = Object.keys(emu.snapshot().tasks.Prod).slice(0, 3).map((Id) => ({ Id, Timeout: 3600 }));
  const tooMany = await failure(client.batchUpdateTasks({ Tasks: tasks }));
  assert.equal(tooMany.kind, 'parameter');
  assert.match(tooMany.message, /at most 2 tasks/);
});

test('daily quota exhausted: Throttling.Resource, kind quota, never retried', async () => {
  const { client, logs } = clientFor(emu);
  const used = emu.snapshot().quota.used;
  emu.setFaults({ dailyQuota: used + 1 });
  await client.listProjects();
  const e = await failure(client.listProjects());
  assert.equal(e.code, 'Throttling.Resource');
  assert.equal(e.kind, 'quota');
  assert.equal(e.statusCode, 429);
  assert.equal(e.retryable, false);
  assert.match(e.message, /quota/);
  assert.deepEqual(outcomes(logs), ['1:ok:200', '1:error:Throttling.Resource']);
});

test('throttling (random 429 Throttling.Api) is retried with backoff until every call succeeds', async () => {
  emu.setFaults({ throttleRate: 0.6, seed: 3 });
  const { client, logs } = clientFor(emu, { retry: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 50 } });
  for (let i = 0; i < 8; i++) await client.getTask(Object.keys(emu.snapshot().tasks.Prod)[i]!, 'Prod');
  const retries = logs.filter((l) => l.outcome === 'retry');
  assert.ok(retries.length > 0, 'some calls were throttled');
  assert.ok(retries.every((l) => l.code === 'Throttling.Api' && l.statusCode === 429));
  assert.equal(logs.filter((l) => l.outcome === 'ok').length, 8);
  assert.equal(logs.filter((l) => l.outcome === 'error').length, 0);
  // attempt numbers count up within a call and restart at 1 for the next
  for (let i = 1; i < logs.length; i++) {
    const prev = logs[i - 1]!;
    assert.equal(logs[i]!.attempt, prev.outcome === 'retry' ? prev.attempt + 1 : 1);
  }
});

test('a qps limit (429 Throttling.User) is ridden out by concurrent callers', async () => {
  emu.setFaults({ qps: 4 });
  const { client, logs } = clientFor(emu, { retry: { maxAttempts: 20, baseDelayMs: 100, maxDelayMs: 800 } });
  const results = await Promise.all(Array.from({ length: 12 }, () => client.listProjects({ PageSize: 1 })));
  assert.equal(results.length, 12);
  assert.ok(logs.some((l) => l.outcome === 'retry' && l.code === 'Throttling.User'));
  assert.equal(logs.filter((l) => l.outcome === 'ok').length, 12);
});

test('5xx InternalError.System and dropped connections are retried; the limit is respected', async () => {
  const { client, logs } = clientFor(emu, { retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 20 } });
  emu.setFaults({ errorRate: 0.5, seed: 5 });
  for (let i = 0; i < 6; i++) await client.listProjects();
  assert.ok(logs.some((l) => l.outcome === 'retry' && l.code === 'InternalError.System' && l.statusCode === 500));

  logs.length = 0;
  emu.setFaults({ dropRate: 0.5, seed: 5 });
  for (let i = 0; i < 6; i++) await client.listProjects();
  const dropped = logs.filter((l) => l.outcome === 'retry');
  assert.ok(dropped.length > 0);
  assert.ok(dropped.every((l) => l.statusCode === undefined && /ECONNRESET|ConnectionReset/.test(l.code ?? '')), JSON.stringify(dropped));

  logs.length = 0;
  emu.setFaults({ errorRate: 1 });
  const limited = clientFor(emu, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
  const e = await failure(limited.client.listProjects());
  assert.equal(e.kind, 'server');
  assert.equal(e.attempts, 3);
  assert.match(e.message, /Gave up after 3 attempts/);
  assert.deepEqual(outcomes(limited.logs), ['1:retry:InternalError.System', '2:retry:InternalError.System', '3:error:InternalError.System']);
});

test('a slow answer beyond the read timeout is a timeout, retried, then reported', async () => {
  emu.setFaults({ slowRate: 1, slowMs: 3_000 });
  const { client, logs } = clientFor(emu, { timeoutMs: { read: 250 }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
  const e = await failure(client.listProjects());
  assert.equal(e.kind, 'timeout', 'gave up on the slow answer rather than waiting for it');
  assert.equal(e.code, 'ReadTimeout');
  assert.match(e.message, /within 250 ms/);
  assert.deepEqual(outcomes(logs), ['1:retry:ReadTimeout', '2:error:ReadTimeout']);
});

test('connection refused is a network error naming the endpoint', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const logs: RequestLog[] = [];
  const client = new DataWorksClient({
    endpoint: `http://127.0.0.1:${port}`, credentials: { kind: 'accessKey', accessKeyId: 'a', accessKeySecret: 'b' },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onRequest: (l) => logs.push(l),
  });
  const e = await failure(client.listProjects());
  assert.equal(e.kind, 'network');
  assert.equal(e.code, 'ECONNREFUSED');
  assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`));
  assert.equal(logs.length, 2);
});

test('no credentials at all: kind auth from the chain, reported for the action, no request sent', async () => {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('ALIBABA_CLOUD_')) delete process.env[k];
  process.env['HOME'] = '/nonexistent-home-for-test';
  try {
    const { client, logs } = clientFor(emu, { credentials: { kind: 'defaultChain' } });
    const e = await failure(client.listProjects());
    assert.equal(e.kind, 'auth');
    assert.equal(e.code, 'NoCredentials');
    assert.equal(e.action, 'ListProjects');
    assert.match(e.message, /^ListProjects failed: NoCredentials/);
    assert.deepEqual(outcomes(logs), ['1:error:NoCredentials']);
    assert.equal(logs[0]!.statusCode, undefined);
  } finally {
    Object.assign(process.env, saved);
  }
});

test('answers that are not JSON: protocol errors, retryable only when the status is 5xx/429', () => {
  const ctx = { action: 'ListTasks', endpoint: 'https://dataworks.cn-hangzhou.aliyuncs.com', readTimeoutMs: 1, connectTimeoutMs: 1 };
  let syntax: unknown;
  try { JSON.parse('<html>502 Bad Gateway</html>'); } catch (e) { syntax = e; }
  const gateway = toDataWorksError(syntax, { ...ctx, statusCode: 502, headers: { 'x-acs-request-id': 'REQ-1' } });
  assert.equal(gateway.kind, 'protocol');
  assert.equal(gateway.retryable, true);
  assert.equal(gateway.statusCode, 502);
  assert.equal(gateway.requestId, 'REQ-1');
  assert.match(gateway.message, /^ListTasks failed: InvalidResponse \(HTTP 502\): the error answer from https:\/\/dataworks.cn-hangzhou.aliyuncs.com \(HTTP 502\) is not JSON/);
  const portal = toDataWorksError(syntax, { ...ctx, statusCode: 403 });
  assert.equal(portal.retryable, false);
  // A service error answer's x-acs-retry-after header is carried as milliseconds for the backoff.
  const throttled = toDataWorksError(
    Object.assign(new Error('x'), { code: 'Throttling.User', data: { statusCode: 429, Code: 'Throttling.User', Message: 'slow down', RequestId: 'R' } }),
    { ...ctx, statusCode: 429, headers: { 'x-acs-retry-after': '1500' } });
  assert.equal(throttled.kind, 'throttled');
  assert.equal(throttled.retryAfterMs, 1500);
  assert.equal(throttled.requestId, 'R');
});
