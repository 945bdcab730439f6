// Where the sender is, told to the before-state reader (a ReadDemand), so reads far ahead of the
// writes wait instead of taking the CPU the writes need.
import type { ReadDemand } from './project-read';

/** Chunks' worth of tasks read ahead of the next chunk to send (0.5 s of writes at 20 requests/s). */
export const READ_AHEAD_CHUNKS = 10;
/** Never fewer than this many tasks ahead: a page's place in the file is an estimate. */
export const MIN_READ_AHEAD_TASKS = 500;

export class WriteFrontier implements ReadDemand {
  readonly ahead: number;
  private index = 0;
  private blocked = false;
  private next: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(batchSize: number) {
    this.ahead = Math.max(MIN_READ_AHEAD_TASKS, batchSize * READ_AHEAD_CHUNKS);
  }

  frontier(): number { return this.index; }
  waiting(): boolean { return this.blocked; }

  changed(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => { resolve = r; });
      this.next = { promise, resolve };
    }
    return this.next.promise;
  }

  /** The next chunk to send starts at this file index (Infinity: nothing more will be sent). */
  moveTo(index: number): void {
    if (index !== this.index) { this.index = index; this.fire(); }
  }

  /** The sender waits for before-state (true) or no longer (false). */
  wait(blocked: boolean): void {
    if (blocked !== this.blocked) { this.blocked = blocked; this.fire(); }
  }

  private fire(): void {
    const n = this.next;
    this.next = undefined;
    n?.resolve();
  }
}
