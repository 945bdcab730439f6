// The limiter of long reads (listings, pulls, the pulled-value check): at `rps` itself. It used to pace
// 5% under, from before the token bucket kept every sliding second (plus a margin for arrival jitter)
// within the quota; that margin already absorbs a request reaching the service a little late, and a
// retry after a throttle now waits for its own slot (src/dataworks/request.ts) instead of crowding
// the window. A second 5% on top only put the floor out of reach (1.09x at best).
import { TokenBucket } from '../apply/rate-limit';

export function readLimiter(rps: number): TokenBucket {
  return new TokenBucket(rps);
}
