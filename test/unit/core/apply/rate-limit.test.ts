import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from '../../../../src/core/apply/rate-limit';
import { startFixture, tasksOf } from './emulator-fixture';

test('spaces acquisitions 1/rps apart and stops waiting on abort', async () => {
  const bucket = new TokenBucket(50); // 20 ms apart
  const t0 = Date.now();
  const times: number[] = [];
  await Promise.all(Array.from({ length: 6 }, () => bucket.acquire().then(() => times.push(Date.now() - t0))));
  // 6 tokens with burst 1: the first at once, the last no earlier than 5 intervals later.
  assert.ok(times[5] >= 95, `last token at ${times[5]} ms`);
  const ac = new AbortController();
  const slow = new TokenBucket(0.5);
  await slow.acquire();
  const pending = slow.acquire(ac.signal);
  ac.abort(new Error('stop'));
  await assert.rejects(pending, /stop/);
});

test('a sliding 1 s window never holds more than the rate: over real HTTP at the emulator\'s qps limit, no 429', async () => {
  // 5/s rather than 20/s: the emulator shares this process, so a loaded machine's event-loop lag
  // shifts arrivals; at 5/s a spurious 429 needs a lag spread above ~200 ms, while a limiter that lets
  // a sixth call into any second is still caught.
  const QPS = 5;
  const N = 21; // 4 s of calls, up to eight in flight so a slow answer never holds a slot back
  const fx = await startFixture({ tasks: 50, retry: { maxAttempts: 1 } });
  try {
    const id = tasksOf(fx.emu, 'Prod')[0].Id;
    // The process's first request loads the SDK and signs for the first time: it leaves its slot
    // far later than the rest, which is start-up, not transit. Pay it first, then count from a fresh window.
    await fx.client.getTask(id, 'Prod');
    fx.emu.setFaults({ qps: QPS });
    fx.requests.length = 0;
    const bucket = new TokenBucket(QPS);
    const inFlight = new Set<Promise<unknown>>();
    const statuses: string[] = [];
    const t0 = Date.now();
    for (let i = 0; i < N; i++) {
      while (inFlight.size >= 8) await Promise.race(inFlight);
      await bucket.acquire();
      // Every 4th request takes 5 ms longer to arrive after its slot (a slower route, a large body):
      // not a wait for anything, the transit time the limiter's margin must cover.
      const transit = i % 4 === 3 ? new Promise((r) => setTimeout(r, 5)) : Promise.resolve();
      const p = transit.then(() => fx.client.getTask(id, 'Prod')).then(() => statuses.push('ok'), (e: Error) => statuses.push(e.message));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    const elapsed = Date.now() - t0;
    const throttled = fx.requests.filter((l) => / 429 /.test(l));
    assert.equal(fx.requests.length, N, 'one request per call: nothing retried');
    assert.deepEqual(throttled, [], `answered 429: ${throttled.length} of ${N}`);
    assert.ok(statuses.every((s) => s === 'ok'));
    // And still near the rate, not far below it: N calls in about (N - 1) / QPS s plus the margin
    // (4%) and timer lateness on a loaded machine (the emulator shares this process).
    assert.ok(elapsed < ((N - 1) / QPS) * 1000 * 1.5, `${N} calls took ${elapsed} ms`);
  } finally {
    await fx.emu.close();
  }
});
