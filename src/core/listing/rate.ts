// The limiter of long reads (listings, pulls, the pulled-value check). Requests leave evenly spaced,
// but reach the service a few milliseconds early or late (signing, sockets, a busy event loop), so at
// exactly the quota some seconds hold one call too many and are throttled; their retries then crowd
// the same window. Pacing 5% under the limit absorbs up to ~50 ms of jitter per second at 20/s and
// never exceeds `rps`; its cost, 5% on the floor, is well inside the 1.2x target.
import { TokenBucket } from '../apply/rate-limit';

export const READ_PACE = 0.95;

export function readLimiter(rps: number): TokenBucket {
  return new TokenBucket(rps * READ_PACE);
}
