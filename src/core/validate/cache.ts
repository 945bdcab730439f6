// Per-task findings keyed by the task's text: after a one-character edit only the edited task's
// rules run again. Holds exactly the tasks of the previous run, so it never grows past one file.
import type { TaskHeader } from '../patch/parse';
import type { OffsetFinding } from './context';

/** One task's findings and header, offsets relative to the task's start. */
export interface CachedTask {
  findings: OffsetFinding[];
  header: TaskHeader;
}

export class ValidationCache {
  private previous = new Map<string, CachedTask>();
  private current = new Map<string, CachedTask>();
  hits = 0;
  misses = 0;

  /** Findings relative to the task's start offset, or undefined. */
  get(key: string): CachedTask | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found) {
      this.hits++;
      this.current.set(key, found);
    } else {
      this.misses++;
    }
    return found;
  }

  set(key: string, entry: CachedTask): void {
    this.current.set(key, entry);
  }

  /** Ends a run: what this run did not use is dropped at the next one. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
