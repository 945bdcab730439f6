// A clock a test drives: time stands still until run() moves it to the next sleeper's wake-up time,
// so a limiter's waits and grant times are exact and independent of the machine's load.
import type { Clock } from '@src/core/apply/rate-limit';

interface Sleeper { at: number; wake: () => void }

export class VirtualClock implements Clock {
  private t = 0;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = { at: this.t + ms, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason);
      }, { once: true });
    });
  }

  /** Sleepers still waiting. */
  get waiting(): number {
    return this.sleepers.length;
  }

  /** Lets every pending callback run, then wakes sleepers in time order until none is left. */
  async run(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (this.sleepers.length === 0) return;
      const next = this.sleepers.reduce((a, b) => (b.at < a.at ? b : a));
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
  }
}
