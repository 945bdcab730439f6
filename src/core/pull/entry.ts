// A task as a pulled patch entry: Id, EnvType and, of the chosen fields, the task's current values,
// nothing else. Values that would mean nothing on this task are left out and said so, rather than
// written to draw warnings the user never caused.
import type { TaskState } from '../apply/service';
import type { EnvType, TaskPatch } from '../patch/model';
import { valueAt } from './fields';

export type LeftOutReason = 'no-value' | 'manual' | 'reruns-off';

export interface PulledEntry {
  entry: TaskPatch;
  /** The task's name, for the comment above the entry. */
  name?: string;
  projectId?: string;
  /** The value of each leaf written into the entry, by dotted path (what the pulled-value check compares). */
  values: Record<string, unknown>;
  /** Chosen fields not written, and why. */
  leftOut: { path: string; why: LeftOutReason }[];
}

const SCHEDULE_ONLY = new Set(['Trigger.Cron', 'Trigger.Recurrence']);
const SCHEDULE_TIMES = new Set(['Trigger.StartTime', 'Trigger.EndTime']);
const RERUN_DETAILS = new Set(['RerunTimes', 'RerunInterval']);
/** Strings whose empty value means "not set" (a description may really be empty). */
const EMPTY_IS_UNSET = (path: string): boolean => path !== 'Description';

/** `leaves` come from resolveFields (schema order, no repeats). */
export function buildPullEntry(task: TaskState, env: EnvType, leaves: readonly string[]): PulledEntry {
  const entry: TaskPatch = { Id: task.Id, EnvType: env };
  const values: Record<string, unknown> = {};
  const leftOut: PulledEntry['leftOut'] = [];
  const manual = task.Trigger?.Type === 'Manual';
  const typeChosen = leaves.includes('Trigger.Type');
  const rerunsOff = leaves.includes('RerunMode') && task.RerunMode === 'AllDenied';
  for (const path of leaves) {
    // Cron and Recurrence apply to scheduled tasks only (the service may reject them on a manual
    // one); next to Type Manual the schedule times draw a warning too.
    if (manual && (SCHEDULE_ONLY.has(path) || (typeChosen && SCHEDULE_TIMES.has(path)))) { leftOut.push({ path, why: 'manual' }); continue; }
    if (rerunsOff && RERUN_DETAILS.has(path)) { leftOut.push({ path, why: 'reruns-off' }); continue; }
    const value = current(task, path);
    if (value === undefined) { leftOut.push({ path, why: 'no-value' }); continue; }
    set(entry, path, value);
    values[path] = value;
  }
  const out: PulledEntry = { entry, values, leftOut };
  if (task.Name !== undefined) out.name = task.Name;
  if (task.ProjectId !== undefined) out.projectId = String(task.ProjectId);
  return out;
}

/** The task's value at `path` as a patch writes it, or undefined when it has none. */
function current(task: TaskState, path: string): unknown {
  const v = valueAt(task, path);
  if (v === undefined || v === null) return undefined;
  if (path === 'Tags') {
    if (!Array.isArray(v)) return undefined;
    return (v as { Key: string; Value?: string | null }[]).map((t) => (t.Value !== undefined && t.Value !== null ? { Key: t.Key, Value: t.Value } : { Key: t.Key }));
  }
  // Cu is a decimal string in the API; a number from some answer keeps its value as text.
  if (path === 'RuntimeResource.Cu') return v === '' ? undefined : String(v);
  if (typeof v === 'string' && v === '' && EMPTY_IS_UNSET(path)) return undefined;
  if (typeof v === 'object') return undefined; // a leaf the schema types as a scalar
  return v;
}

function set(entry: TaskPatch, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj = entry as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    obj[k] ??= {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]!] = value;
}
