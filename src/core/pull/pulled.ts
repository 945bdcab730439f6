// What was pulled (task, environment, field -> value, time), kept apart from the patch (the editor's
// storage, or the CLI's `.dwtasks/pulled/` sidecar). A pulled value is a before-value recorded at pull
// time: the apply's plan holds back a task whose field someone changed in DataWorks since, so the
// patch never silently puts the old value back (or overwrites theirs with a new one).
import { effectiveEnv, taskKey } from '../apply/fields';
import type { ExpectedValues } from '../apply/make-plan';
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

/**
 * What was pulled, as the apply's expected before-values (core's task key, the latest pull of a task
 * winning): the plan holds back a task whose field changed in DataWorks since, as it does for a saved
 * plan's before-values. Records of another endpoint never count.
 */
export function pulledExpectations(records: readonly PulledTask[], endpoint: string): Map<string, ExpectedValues> {
  const byKey = new Map<string, PulledTask>();
  for (const r of pulledAt(records, endpoint)) {
    const key = taskKey(r.id, r.env);
    const seen = byKey.get(key);
    if (!seen || seen.time <= r.time) byKey.set(key, r);
  }
  return new Map([...byKey].map(([key, r]) => [key, { values: r.values, at: r.time, source: 'pulled', ...(r.name !== undefined ? { name: r.name } : {}) }]));
}
