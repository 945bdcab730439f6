// A counter of task changes per state, so read-side caches (ListTasks' matches) know when to rebuild.
// Kept beside the state rather than in it: it is not part of what the state file records.
const revisions = new WeakMap<object, number>();

export function taskRevision(state: object): number {
  return revisions.get(state) ?? 0;
}

/** Called by every action that changes a task. */
export function noteTaskChange(state: object): void {
  revisions.set(state, taskRevision(state) + 1);
}

/**
 * A read-side cache valid until a task changes: the last few answers per key (a query, a day), so
 * paging through a large list computes it once, not once per page.
 */
export class RevisionCache<T> {
  private readonly caches = new WeakMap<object, { revision: number; byKey: Map<string, T> }>();

  constructor(private readonly maxKeys = 16) {}

  get(state: object, key: string, compute: () => T): T {
    const revision = taskRevision(state);
    let cache = this.caches.get(state);
    if (!cache || cache.revision !== revision) {
      cache = { revision, byKey: new Map() };
      this.caches.set(state, cache);
    }
    let hit = cache.byKey.get(key);
    if (hit === undefined) {
      if (cache.byKey.size >= this.maxKeys) cache.byKey.clear();
      hit = compute();
      cache.byKey.set(key, hit);
    }
    return hit;
  }
}
