import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from '../../../../src/core/apply/rate-limit';

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
