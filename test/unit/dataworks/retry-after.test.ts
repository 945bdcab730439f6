// x-acs-retry-after end to end over real HTTP: the emulator's qps limit answers 429 Throttling.User
// with the time until it has room again; the client's wait is at least that long (its own backoff here
// is a few milliseconds), and the emulator, which counts by its own clock, admits the next attempt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DataWorksClient } from '@src/dataworks/client';
import type { RequestLog } from '@src/dataworks/client';
import { emulator, type RunningEmulator } from './emulator-fixture';

let emu: RunningEmulator;
const emulatorLog: string[] = [];
before(async () => { emu = await emulator({ tasks: 50, log: (l) => emulatorLog.push(l), faults: { qps: 1 } }); });
after(async () => { await emu.close(); });

test('a throttle with x-acs-retry-after: the client waits at least that long, then succeeds on its next attempt', async () => {
  const logs: RequestLog[] = [];
  const client = new DataWorksClient({
    endpoint: emu.endpoint,
    credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    // Without the header the client would retry within 4 ms, be throttled again and give up after 3 attempts.
    retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 4 },
    onRequest: (log) => logs.push(log),
  });
  await client.listProjects({}); // the one request of this second
  const page = await client.listProjects({});
  assert.ok(page.items.length > 0);

  assert.deepEqual(logs.map((l) => `${l.outcome}:${l.code ?? ''}`), ['ok:', 'retry:Throttling.User', 'ok:']);
  const throttles = emulatorLog.filter((l) => / 429 /.test(l));
  assert.equal(throttles.length, 1, `throttled once, not again after the wait: ${emulatorLog.join(' | ')}`);
  const hinted = Number(/retry-after=(\d+)ms/.exec(throttles[0]!)?.[1]);
  assert.ok(hinted > 0 && hinted <= 1000, throttles[0]);
  // The wait the client chose for the retry: the emulator's hint, not its own 2-4 ms backoff.
  assert.ok(logs[1]!.retryInMs! >= hinted, `waits ${logs[1]!.retryInMs} ms, the emulator asked for ${hinted} ms`);
});
