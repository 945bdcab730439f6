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
