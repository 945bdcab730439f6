// The limiter's grant times on a virtual clock: never more than the rate in any window, and the rate kept.
// (Over real HTTP, how close to the emulator's qps limit it runs is a wall-time figure: bench/listing.bench.ts
// and bench/apply.bench.ts. A "no 429 over real HTTP" test failed on a loaded machine: arrival times are load.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket, WINDOW_MARGIN_MS } from '@src/core/apply/rate-limit';
import { VirtualClock } from '../../support/virtual-clock';

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
