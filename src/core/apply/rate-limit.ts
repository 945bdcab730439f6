// One token bucket per run, shared by every call the run makes (before-state reads and writes), so
// the run as a whole stays below the account's request quota.
export interface RateLimiter {
  /** Resolves when the caller may send one request; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * Safety margin on the 1 s window: a request arrives some milliseconds after its slot (signing, the
 * body, the network), and that delay varies from call to call. The service counts arrivals in a
 * sliding second, so two slots exactly 1 s apart can arrive 999 ms apart. 40 ms covers that jitter on
 * a loaded machine (25 ms did not, in the over-HTTP test at load 7 on 2 cores) at a cost of 4% of the rate.
 */
export const WINDOW_MARGIN_MS = 40;

/** Where the limiter reads the time and waits: the real clock, or one a test drives. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const REAL_CLOCK: Clock = { now: () => Date.now(), sleep };

/**
 * Requests spaced so that no sliding 1 s window ever holds more than `rps` of them (the way DataWorks
 * and the emulator count): at most max(1, floor(rps)) slots in any (1 s + margin), and no two slots
 * closer than 95% of the even spacing (no burst above 1). Times are the moments slots were actually
 * granted, so a late timer only widens the gaps it is part of; the 5% lets the next slot absorb it.
 */
export class TokenBucket implements RateLimiter {
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly minGapMs: number;
  /** Grant times of the last `perWindow` slots, oldest first. */
  private readonly granted: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly rps: number, private readonly clock: Clock = REAL_CLOCK, marginMs = WINDOW_MARGIN_MS) {
    if (!(rps > 0)) throw new RangeError(`requests per second must be above 0, got ${rps}`);
    this.perWindow = Math.max(1, Math.floor(rps));
    // Below 1 request/s the spacing itself (1/rps) is the window.
    this.windowMs = Math.max(1000, 1000 / rps) + marginMs;
    this.minGapMs = (this.windowMs / this.perWindow) * 0.95;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    // Callers queue in order, each waiting for its own slot.
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const g = this.granted;
    const last = g.length ? g[g.length - 1] : -Infinity;
    const windowFree = g.length >= this.perWindow ? g[g.length - this.perWindow] + this.windowMs : -Infinity;
    const slot = Math.max(last + this.minGapMs, windowFree);
    // Timers may fire a little early (rounding to whole ms): wait until the slot has really passed.
    const clock = this.clock;
    for (let wait = slot - clock.now(); wait > 0; wait = slot - clock.now()) await clock.sleep(Math.ceil(wait), signal);
    g.push(clock.now());
    if (g.length > this.perWindow) g.shift();
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
