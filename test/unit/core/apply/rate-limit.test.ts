import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket, WINDOW_MARGIN_MS } from '../../../../src/core/apply/rate-limit';
import { VirtualClock } from '../../virtual-clock';
import { startFixture, tasksOf } from './emulator-fixture';

/** The clock's time at each grant of `n` acquisitions queued at once. */
async function grants(bucket: TokenBucket, clock: VirtualClock, n: number): Promise<number[]> {
  const times: number[] = [];
  const all = Promise.all(Array.from({ length: n }, () => bucket.acquire().then(() => times.push(clock.now()))));
  await clock.run();
  await all;
  return times;
}

test('spaces acquisitions 1/rps apart (burst 1) and stops waiting on abort', async () => {
  const clock = new VirtualClock();
  // 50/s: 20.8 ms per slot with the margin, 95% of it (19.76 ms) between two slots, waits in whole ms.
  assert.deepEqual(await grants(new TokenBucket(50, clock), clock, 6), [0, 20, 40, 60, 80, 100]);
  const slow = new TokenBucket(0.5, clock);
  await slow.acquire();
  const ac = new AbortController();
  const pending = slow.acquire(ac.signal);
  await new Promise((r) => setImmediate(r));
  assert.equal(clock.waiting, 1, 'the second acquisition waits for its slot');
  ac.abort(new Error('stop'));
  await assert.rejects(pending, /stop/);
  assert.equal(clock.waiting, 0, 'and stopped waiting');
});

test('no sliding 1 s window holds more than the rate, and the rate is kept: slots as the limiter grants them', async () => {
  for (const rps of [5, 20, 2.5]) {
    const clock = new VirtualClock();
    const perWindow = Math.max(1, Math.floor(rps));
    const windowMs = Math.max(1000, 1000 / rps) + WINDOW_MARGIN_MS;
    const times = await grants(new TokenBucket(rps, clock), clock, 61);
    for (let i = 0; i + perWindow < times.length; i++) {
      assert.ok(times[i + perWindow] - times[i] >= windowMs, `${rps}/s: slots ${i} and ${i + perWindow} at ${times[i]} and ${times[i + perWindow]} ms`);
    }
    // Not slower than the rate: 61 slots within 60 / perWindow windows, plus up to 1 ms of rounding per slot.
    assert.ok(times[60] <= (60 / perWindow) * windowMs + 61, `${rps}/s: slot 60 at ${times[60]} ms`);
  }
});

test('over real HTTP at the emulator\'s qps limit: no 429', async () => {
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
    const throttled = fx.requests.filter((l) => / 429 /.test(l));
    assert.equal(fx.requests.length, N, 'one request per call: nothing retried');
    assert.deepEqual(throttled, [], `answered 429: ${throttled.length} of ${N}`);
    assert.ok(statuses.every((s) => s === 'ok'));
    // How close to the rate it runs is a wall-time figure: bench/listing.bench.ts and bench/apply.bench.ts.
  } finally {
    await fx.emu.close();
  }
});
