// A real rate limiter wrapped to count the slots it grants: tests compare the count with the requests
// the emulator received, so a request that skipped the limiter (a client retry) shows.
import type { RateLimiter } from '@src/core/apply/rate-limit';

export function counting(inner: RateLimiter): RateLimiter & { granted: number } {
  const l = {
    granted: 0,
    async acquire(signal?: AbortSignal): Promise<void> {
      await inner.acquire(signal);
      l.granted++;
    },
  };
  return l;
}
