// One token bucket per run, shared by every call the run makes (before-state reads and writes), so
// the run as a whole stays below the account's request quota.
export interface RateLimiter {
  /** Resolves when the caller may send one request; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export class TokenBucket implements RateLimiter {
  private readonly intervalMs: number;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  /**
   * Burst 1 by default: requests are spaced evenly (1/rps apart). A burst would be allowed by a token
   * bucket at the service too, but the service's window is unknown and a 429 costs a backoff.
   */
  constructor(readonly rps: number, private readonly burst = 1, private readonly now: () => number = Date.now) {
    if (!(rps > 0)) throw new RangeError(`requests per second must be above 0, got ${rps}`);
    this.intervalMs = 1000 / rps;
    this.tokens = burst;
    this.last = now();
  }

  acquire(signal?: AbortSignal): Promise<void> {
    // Callers queue in order, each waiting for its own token.
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    while (this.tokens < 1) {
      await sleep(Math.ceil((1 - this.tokens) * this.intervalMs), signal);
      this.refill();
    }
    this.tokens -= 1;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (t - this.last) / this.intervalMs);
    this.last = t;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
