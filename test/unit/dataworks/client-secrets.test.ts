// The secret never shows: not in any error (message, String, JSON, inspect, stack), not in the
// request log, not when the client object itself is printed. And credentials from the default chain
// (environment, aliyun CLI profile) sign real requests the emulator accepts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { DataWorksClient, type RequestLog } from '@src/dataworks/client';
import { DataWorksError } from '@src/dataworks/errors';
import { emulator, type RunningEmulator } from './emulator-fixture';
import { aliyunConfig, withSandbox } from './env-sandbox';

const SECRET = 'S3cr3t-emulator-key-7d1f0c2e9b';
const WRONG = 'Wr0ng-secret-that-must-not-print-4411';
let emu: RunningEmulator;

before(async () => { emu = await emulator({ tasks: 200, accessKeyId: 'LTAI5tSecretTest', accessKeySecret: SECRET }); });
after(async () => { await emu.close(); });

function assertNoSecret(where: string, ...texts: string[]): void {
  for (const t of texts) {
    assert.ok(!t.includes(SECRET), `${where}: the secret appears in ${t.slice(0, 200)}`);
    assert.ok(!t.includes(WRONG), `${where}: the wrong secret appears in ${t.slice(0, 200)}`);
    assert.ok(!/ACS3-HMAC-SHA256 Credential=/.test(t), `${where}: an Authorization header appears`);
  }
}

function shown(e: unknown): string[] {
  assert.ok(e instanceof DataWorksError, String(e));
  return [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), e.stack ?? ''];
}

test('no secret in any error, log line or printed client, across every error class', async () => {
  const logs: RequestLog[] = [];
  const make = (secret: string, extra: Partial<ConstructorParameters<typeof DataWorksClient>[0]> = {}) => new DataWorksClient({
    endpoint: emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: secret },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onRequest: (l) => logs.push(l), ...extra,
  });
  const good = make(SECRET);
  assertNoSecret('printed client', inspect(good, { depth: 10, showHidden: true }), JSON.stringify(good), String(good));

  const failures: [string, () => Promise<unknown>, () => void][] = [
    ['wrong secret', () => make(WRONG).listProjects(), () => emu.setFaults({})],
    ['not found', () => good.getTask('9223372036854775000', 'Prod'), () => emu.setFaults({})],
    ['parameter', () => good.listTasks({ ProjectId: '1' }), () => emu.setFaults({})],
    ['server', () => good.listProjects(), () => emu.setFaults({ errorRate: 1 })],
    ['throttled', () => good.listProjects(), () => emu.setFaults({ throttleRate: 1 })],
    ['dropped', () => good.listProjects(), () => emu.setFaults({ dropRate: 1 })],
    ['timeout', () => make(SECRET, { timeoutMs: { read: 100 } }).listProjects(), () => emu.setFaults({ slowRate: 1, slowMs: 400 })],
    ['cancelled', () => good.listProjects({}, AbortSignal.timeout(50)), () => emu.setFaults({ slowRate: 1, slowMs: 400 })],
    ['quota', () => good.listProjects(), () => emu.setFaults({ dailyQuota: 1 })],
  ];
  const kinds = new Set<string>();
  for (const [name, call, setup] of failures) {
    setup();
    try {
      await call();
      assert.fail(`${name}: expected a failure`);
    } catch (e) {
      assertNoSecret(name, ...shown(e));
      kinds.add((e as DataWorksError).kind);
    }
  }
  emu.setFaults({});
  assert.deepEqual([...kinds].sort(), ['auth', 'cancelled', 'network', 'notFound', 'parameter', 'quota', 'server', 'throttled', 'timeout']);
  assert.ok(logs.length >= failures.length);
  assertNoSecret('request log', JSON.stringify(logs), inspect(logs, { depth: 5 }));
});

test('default chain from environment variables signs requests the emulator accepts', async () => {
  await withSandbox({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET } }, async () => {
    const client = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'defaultChain' } });
    const projects = await client.listProjects();
    assert.equal(projects.totalCount, emu.snapshot().projects.length);
  });
  await withSandbox({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG } }, async () => {
    const client = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'defaultChain' } });
    await assert.rejects(client.listProjects(), (e: unknown) => {
      assertNoSecret('env wrong secret', ...shown(e));
      return (e as DataWorksError).code === 'SignatureDoesNotMatch';
    });
  });
});

test('default chain from a chosen aliyun CLI profile in a temporary HOME', async () => {
  const conf = aliyunConfig('cloud', { cloud: ['LTAIcloudOnly', WRONG], emulator: [emu.accessKeyId, SECRET] });
  await withSandbox({ aliyunConfig: conf }, async () => {
    const chosen = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'defaultChain', profile: 'emulator' } });
    assert.ok((await chosen.listProjects()).items.length > 0);
    // The current profile holds a key the emulator does not know.
    const current = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'defaultChain' } });
    await assert.rejects(current.listProjects(), (e: unknown) => {
      assertNoSecret('current profile', ...shown(e));
      return (e as DataWorksError).code === 'InvalidAccessKeyId.NotFound' && (e as DataWorksError).kind === 'auth';
    });
  });
  await withSandbox({ aliyunConfig: conf, env: { ALIBABA_CLOUD_PROFILE: 'emulator' } }, async () => {
    const viaEnv = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'defaultChain' } });
    assert.ok((await viaEnv.listProjects()).items.length > 0);
  });
});
