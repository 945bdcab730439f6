// A saved plan (`dwtasks plan --out`, the editor's Save Plan): versioned JSON with the target, the
// weekday numbering, the patch exactly as gated, and per task what the plan found (its before-values,
// its changes, whether it is sent). `dwtasks apply PLAN` sends that patch to that target only, and
// holds back a task whose current value is no longer the plan's before-value for a field it changes.
import type { WeekdayNumbering } from '../cron/weekdays';
import type { EnvType } from '../patch/model';
import type { BeforeEntry } from './before-state';
import { fieldChanges, taskKey, type FieldChange } from './fields';
import type { ExpectedValues } from './make-plan';
import type { ApplyPlan } from './plan';
import type { TaskState } from './service';

/** Drift.source for values recorded by a saved plan (the editor words it per language). */
export const SAVED_PLAN_SOURCE = 'in the saved plan';

export const PLAN_FORMAT = 'dwtasks-plan';
export const PLAN_VERSION = 1;
/** A plan older than this is applied with a warning: what it read may well have moved on. */
export const PLAN_STALE_MS = 24 * 3600 * 1000;

export interface PlanTarget {
  endpoint: string;
  region?: string;
  /** The account, when the caller knows it (never a key). */
  account?: string;
}

export interface PlanFileTask {
  index: number;
  id: string;
  envType: EnvType;
  /** false: not sent (the reason says why: unchanged, held back). */
  send: boolean;
  reason?: string;
  /** The values read when the plan was made (touched top-level fields); absent when the task could not be read. */
  before?: Partial<TaskState>;
  /** Why the task could not be read. */
  error?: string;
  /** The fields the patch sets: value at plan time -> patched. */
  changes: { path: string; current: unknown; patched: unknown; changed: boolean }[];
}

export interface PlanFile {
  format: typeof PLAN_FORMAT;
  version: number;
  createdAt: string;
  /** The patch file the plan was made from (as given). */
  file: string;
  target: PlanTarget;
  weekdays: WeekdayNumbering;
  batchSize: number;
  readCalls: number;
  /** The patch text exactly as it passed the gate (BOM stripped). */
  patch: string;
  tasks: PlanFileTask[];
}

export function toPlanFile(plan: ApplyPlan, o: { file: string; patchText: string; target: PlanTarget; weekdays: WeekdayNumbering; now?: Date }): PlanFile {
  return {
    format: PLAN_FORMAT, version: PLAN_VERSION, createdAt: (o.now ?? new Date()).toISOString(), file: o.file, target: o.target,
    weekdays: o.weekdays, batchSize: plan.batchSize, readCalls: plan.readCalls, patch: o.patchText,
    tasks: plan.tasks.map((t) => {
      const entry: BeforeEntry | undefined = plan.before.get(taskKey(t.task.Id, t.env));
      const changes: FieldChange[] = fieldChanges(t.task, entry?.values as TaskState | undefined);
      const reason = plan.held.get(t.index);
      return {
        index: t.index, id: t.task.Id, envType: t.env, send: reason === undefined, ...(reason !== undefined ? { reason } : {}),
        ...(entry?.values ? { before: entry.values } : {}), ...(entry?.error ? { error: entry.error } : {}),
        changes: changes.map((c) => ({ path: c.path, current: c.current, patched: c.patched, changed: entry?.values ? c.changed : true })),
      };
    }),
  };
}

export function formatPlanFile(p: PlanFile): string {
  return `${JSON.stringify(p, null, 1)}\n`;
}

/** Whether a text is a saved plan (as opposed to a patch). */
export function isPlanText(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"dwtasks-plan"/.test(text);
}

/** A saved plan, or an error naming the file and what is wrong with it. */
export function parsePlanFile(text: string, name: string): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const p = data as Partial<PlanFile>;
  if (p?.format !== PLAN_FORMAT) throw new Error(`${name}: not a dwtasks plan (no "format": "${PLAN_FORMAT}")`);
  if (p.version !== PLAN_VERSION) throw new Error(`${name}: plan version ${String(p.version)} is not supported (this dwtasks reads version ${PLAN_VERSION})`);
  if (typeof p.patch !== 'string' || typeof p.file !== 'string' || typeof p.createdAt !== 'string' || !Array.isArray(p.tasks)
    || typeof p.target?.endpoint !== 'string' || (p.weekdays !== 'dataworks' && p.weekdays !== 'quartz') || typeof p.batchSize !== 'number') {
    throw new Error(`${name}: the plan is incomplete (patch, file, createdAt, target.endpoint, weekdays, batchSize and tasks are required)`);
  }
  return p as PlanFile;
}

/** What `apply PLAN` compares against: per task the plan-time value of every field it changes. */
export function planExpectations(p: PlanFile): Map<string, ExpectedValues> {
  const out = new Map<string, ExpectedValues>();
  for (const t of p.tasks) {
    if (!t.send || !t.before) continue;
    const values: Record<string, unknown> = {};
    for (const c of t.changes) if (c.changed) values[c.path] = c.current;
    out.set(taskKey(t.id, t.envType), { values, at: p.createdAt, source: SAVED_PLAN_SOURCE });
  }
  return out;
}

/** Tasks the plan did not send: not sent when it is applied either. */
export function planHeld(p: PlanFile): Map<number, string> {
  return new Map(p.tasks.filter((t) => !t.send).map((t) => [t.index, `Not in the plan: ${t.reason ?? 'not sent'}`]));
}

/** Why a plan may not be applied at this target (undefined: it may). */
export function targetMismatch(p: PlanFile, target: PlanTarget): string | undefined {
  if (p.target.endpoint !== target.endpoint) return `the plan was made for ${p.target.endpoint}, not ${target.endpoint}`;
  if (p.target.region !== undefined && target.region !== undefined && p.target.region !== target.region) return `the plan was made for region ${p.target.region}, not ${target.region}`;
  return undefined;
}
