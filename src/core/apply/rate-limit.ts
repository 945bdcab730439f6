// One token bucket per run, shared by every call the run makes (before-state reads and writes), so
// the run as a whole stays below the account's request quota.
export interface RateLimiter {
  /** Resolves when the caller may send one request; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Evenly spaced requests at `rps` (a token bucket holding one token, kept as a schedule): each caller
 * gets the next slot 1/rps after the previous one. Slots follow the schedule rather than the moment
 * a timer fired, so the usual 1-2 ms of timer lateness does not add up over a long run; a slot missed
 * by more is not made up later (no bursts: the service's window is unknown and a 429 costs a backoff).
 */
export class TokenBucket implements RateLimiter {
  private readonly intervalMs: number;
  private next = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly rps: number, private readonly now: () => number = Date.now) {
    if (!(rps > 0)) throw new RangeError(`requests per second must be above 0, got ${rps}`);
    this.intervalMs = 1000 / rps;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    // Callers queue in order, each waiting for its own slot.
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const slot = Math.max(this.now(), this.next);
    const wait = slot - this.now();
    if (wait > 0) await sleep(wait, signal);
    // A timer a little late (up to 5% of the interval) is absorbed; a busy event loop shifts the schedule
    // instead of letting the next callers catch up in a burst.
    const late = this.now() - slot;
    this.next = slot + this.intervalMs + Math.max(0, late - this.intervalMs * 0.05);
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
