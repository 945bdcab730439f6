// Which fields a task patch touches, and their current vs patched values. Shared by the before-state
// reader (what to read), the revert patch (what to set back) and `dwtasks diff` / Preview.
import type { EnvType, TaskPatch } from '../patch/model';
import type { TaskState } from './service';

/** BatchUpdateTasks' EnvType is optional; the service's default is unconfirmed, we assume Prod (the safe side: Prod asks first). */
export const DEFAULT_ENV: EnvType = 'Prod';

export function effectiveEnv(task: Pick<TaskPatch, 'EnvType'>): EnvType {
  return task.EnvType ?? DEFAULT_ENV;
}

/** A task's identity within one apply: the same Id may appear once per environment. */
export function taskKey(id: string, env: EnvType): string {
  return `${env}:${canonicalId(id)}`;
}

/** Digits without leading zeros, so `SuccessInfo` keys match however the service prints them. */
export function canonicalId(id: string): string {
  return /^\d+$/.test(id) ? BigInt(id).toString() : id;
}

type TopField = Exclude<keyof TaskPatch, 'Id' | 'EnvType'>;

/** Top-level fields the patch sets (EnvType and Id select the task, they are not changes). */
export function touchedFields(task: TaskPatch): TopField[] {
  return (Object.keys(task) as (keyof TaskPatch)[]).filter(
    (k): k is TopField => k !== 'Id' && k !== 'EnvType' && task[k] !== undefined,
  );
}

export interface FieldChange {
  /** Dotted path, e.g. `Trigger.Cron`; `Tags` is compared as a whole list. */
  path: string;
  current: unknown;
  patched: unknown;
  changed: boolean;
}

/** Leaf-level changes for the fields the patch touches. `current` undefined when the service did not report it. */
export function fieldChanges(task: TaskPatch, current: TaskState | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of touchedFields(task)) {
    const patched = task[f] as unknown;
    const cur = current?.[f] as unknown;
    if (isPlainObject(patched)) {
      for (const [sub, value] of Object.entries(patched)) {
        if (value === undefined) continue;
        const c = isPlainObject(cur) ? cur[sub] : undefined;
        out.push({ path: `${f}.${sub}`, current: c, patched: value, changed: !sameValue(c, value) });
      }
    } else {
      out.push({ path: f, current: cur, patched, changed: !sameValue(cur, patched) });
    }
  }
  return out;
}

/** The current values of exactly the touched top-level fields (whole objects, so a revert restores them whole). */
export function pickTouched(task: TaskPatch, current: TaskState): Partial<TaskState> {
  const out: Record<string, unknown> = {};
  for (const f of touchedFields(task)) {
    if (current[f] !== undefined) out[f] = clone(current[f]);
  }
  return out as Partial<TaskState>;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Values compare as the service would store them: numbers vs numeric strings (Cu "0.5" vs 0.5) are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string')) {
    return a !== '' && b !== '' && Number(a) === Number(b) && !Number.isNaN(Number(a));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
