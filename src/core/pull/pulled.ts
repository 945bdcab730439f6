// What was pulled (task, environment, field -> value, time), kept apart from the patch (the editor's
// storage, or the CLI's `.dwtasks/pulled/` sidecar), and the check before Apply: a field whose value
// in DataWorks is no longer the pulled one was changed by someone else since, and the patch would
// silently put the old value back (or overwrite theirs with a new one).
import { readBeforeState } from '../apply/before-state';
import { effectiveEnv, sameValue, taskKey } from '../apply/fields';
import type { RateLimiter } from '../apply/rate-limit';
import type { TaskService } from '../apply/service';
import type { EnvType, TaskPatch } from '../patch/model';
import type { PulledEntry } from './entry';
import { valueAt } from './fields';

export interface PulledTask {
  /** int64 digits. */
  id: string;
  env: EnvType;
  name?: string;
  projectId?: string;
  /** Where it was pulled from (`https://host`): values of another account or emulator never count. */
  endpoint?: string;
  /** ISO time of the pull. */
  time: string;
  /** Dotted path -> value as pulled. */
  values: Record<string, unknown>;
}

const FORMAT = 'dwtasks-pulled-values';
const VERSION = 1;

export function pulledTasks(entries: readonly PulledEntry[], time: Date, endpoint?: string): PulledTask[] {
  const iso = time.toISOString();
  return entries.map((p) => ({
    id: p.entry.Id, env: effectiveEnv(p.entry),
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.projectId !== undefined ? { projectId: p.projectId } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    time: iso, values: p.values,
  }));
}

/** The records that belong to this endpoint (records without one count everywhere). */
export function pulledAt(tasks: readonly PulledTask[], endpoint: string): PulledTask[] {
  return tasks.filter((t) => t.endpoint === undefined || t.endpoint === endpoint);
}

/** Later pulls of the same task (and environment) replace earlier ones. */
export function mergePulled(older: readonly PulledTask[], newer: readonly PulledTask[]): PulledTask[] {
  const byKey = new Map<string, PulledTask>();
  for (const t of [...older, ...newer]) byKey.set(taskKey(t.id, t.env), t);
  return [...byKey.values()];
}

export function serializePulled(tasks: readonly PulledTask[], patchFile?: string): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...(patchFile ? { patch: patchFile } : {}), tasks }, null, 1) + '\n';
}

/** The tasks of a pulled-values file; anything unreadable counts as nothing pulled (the check is a safety net, not a gate). */
export function parsePulled(text: string): PulledTask[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const d = data as { format?: unknown; tasks?: unknown };
  if (d?.format !== FORMAT || !Array.isArray(d.tasks)) return [];
  return d.tasks.filter((t): t is PulledTask => {
    const r = t as Partial<PulledTask>;
    return typeof r?.id === 'string' && /^\d+$/.test(r.id) && (r.env === 'Prod' || r.env === 'Dev') &&
      (r.endpoint === undefined || typeof r.endpoint === 'string') && typeof r.time === 'string' && typeof r.values === 'object' && r.values !== null && !Array.isArray(r.values);
  });
}

/**
 * After an apply: for each task it changed, the values it set become the new baseline of the fields
 * that were pulled, so the next apply of an edited patch (or of its revert) does not take your own
 * change for someone else's. Tasks not applied keep their pulled values.
 */
export function advancePulled(
  pulled: readonly PulledTask[], tasks: readonly TaskPatch[], results: readonly { id: string; envType: EnvType; status: string }[], at: Date,
): PulledTask[] {
  const applied = new Set(results.filter((r) => r.status === 'succeeded').map((r) => taskKey(r.id, r.envType)));
  const patchOf = new Map(tasks.map((t) => [taskKey(t.Id, effectiveEnv(t)), t]));
  return pulled.map((p) => {
    const key = taskKey(p.id, p.env);
    const task = patchOf.get(key);
    if (!task || !applied.has(key)) return p;
    const values = { ...p.values };
    let changed = false;
    for (const path of Object.keys(values)) {
      const v = valueAt(task, path);
      if (v !== undefined) { values[path] = v; changed = true; }
    }
    return changed ? { ...p, values, time: at.toISOString() } : p;
  });
}

export interface Drift {
  id: string;
  env: EnvType;
  name?: string;
  path: string;
  pulled: unknown;
  current: unknown;
  patched: unknown;
  pulledAt: string;
}

/** `Task 123 ods_x (Prod) Trigger.Cron: pulled "a" (2026-12-01 19:55 UTC), now "b"; the patch sets "c"`. */
export function formatDrift(d: Drift): string {
  const when = d.pulledAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  const show = (v: unknown): string => (v === undefined ? '(not set)' : JSON.stringify(v));
  return `Task ${d.id}${d.name ? ` ${d.name}` : ''} (${d.env}) ${d.path}: pulled ${show(d.pulled)} (${when}), now ${show(d.current)}; the patch sets ${show(d.patched)}`;
}

export interface DriftCheckOptions {
  service: TaskService;
  limiter?: RateLimiter;
  signal?: AbortSignal;
}

export interface DriftCheck {
  drifts: Drift[];
  /** Tasks of the patch with pulled values for fields it sets: the ones read. */
  checked: number;
  /** Read calls made. */
  calls: number;
}

/**
 * Reads the current values of the patch's tasks that have pulled values for fields the patch sets
 * (batched ListTasks by Ids in the pulled tasks' projects, GetTask for Tags) and returns every field
 * whose current value differs from the pulled one and from the one the patch sets (when it already
 * equals the patched value, applying overwrites nothing: a re-run after an apply is not a warning).
 * Tasks that cannot be read are left to the apply, which reports them.
 */
export async function checkPulledValues(tasks: readonly TaskPatch[], pulled: readonly PulledTask[], opts: DriftCheckOptions): Promise<DriftCheck> {
  const records = new Map(pulled.map((p) => [taskKey(p.id, p.env), p]));
  const planned: { index: number; task: TaskPatch; env: EnvType; record: PulledTask; paths: string[] }[] = [];
  tasks.forEach((task, index) => {
    const env = effectiveEnv(task);
    const record = records.get(taskKey(task.Id, env));
    if (!record) return;
    const paths = Object.keys(record.values).filter((p) => valueAt(task, p) !== undefined);
    if (paths.length) planned.push({ index, task, env, record, paths });
  });
  if (!planned.length) return { drifts: [], checked: 0, calls: 0 };
  const projectIds = [...new Set(planned.map((p) => p.record.projectId).filter((id): id is string => !!id))];
  const before = await readBeforeState(planned.map(({ index, task, env }) => ({ index, task, env })), {
    service: opts.service, projectIds,
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const drifts: Drift[] = [];
  for (const p of planned) {
    const state = before.entries.get(taskKey(p.task.Id, p.env));
    if (!state?.values) continue;
    for (const path of p.paths) {
      const pulledValue = p.record.values[path];
      const current = valueAt(state.values, path);
      const patched = valueAt(p.task, path);
      if (sameValue(current, pulledValue) || sameValue(current, patched)) continue;
      const d: Drift = { id: p.task.Id, env: p.env, path, pulled: pulledValue, current, patched, pulledAt: p.record.time };
      if (p.record.name !== undefined) d.name = p.record.name;
      drifts.push(d);
    }
  }
  return { drifts, checked: planned.length, calls: before.calls };
}
