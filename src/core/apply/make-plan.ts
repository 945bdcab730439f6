// The first phase of an apply: read the current values of what the patch sets (in order, the fewest
// calls) and check what it points to (references.ts), then decide per task: send it, or hold it back
// (it points to what its project lacks; already at the patched values; changed by someone since its
// values were recorded). Nothing here writes; the second phase is execute.ts.
import type { BatchUpdateRequest } from '../patch/model';
import { readBeforeState } from './before-state';
import { canonicalId, effectiveEnv, fieldChanges, sameValue, taskKey } from './fields';
import { planApply, type ApplyPlan, type Drift, type PlannedTask } from './plan';
import { checkReferences } from './references';
import type { RateLimiter } from './rate-limit';
import type { TaskService, TaskState } from './service';

/** Values a task's fields were known to have: dotted path -> value, when and where they were recorded. */
export interface ExpectedValues {
  values: Record<string, unknown>;
  at: string;
  /** e.g. "pulled" or "in the saved plan". */
  source: string;
  /** The task's name when it was recorded, for the report. */
  name?: string;
}

/** One map of expected values from several records (pulled, a saved plan): a later map wins per task. */
export function mergeExpected(...maps: (Map<string, ExpectedValues> | undefined)[]): Map<string, ExpectedValues> {
  const out = new Map<string, ExpectedValues>();
  for (const m of maps) for (const [key, v] of m ?? []) out.set(key, v);
  return out;
}

export interface PlanOptions {
  service: TaskService;
  limiter?: RateLimiter;
  batchSize: number;
  /** false: read nothing (no revert patch, every task sent). */
  readBefore: boolean;
  projectIds?: string[];
  /** Send tasks already at their patched values too. */
  sendUnchanged?: boolean;
  /** By task key: a field whose current value is neither this nor the patched one is a drift. */
  expected?: Map<string, ExpectedValues>;
  /** Drifted tasks are sent anyway (listed in the plan all the same). */
  force?: boolean;
  /** Tasks held whatever their values (a saved plan did not send them), by file index, with why. */
  planHeld?: Map<number, string>;
  signal?: AbortSignal;
  onCall?(): void;
}

export const UNCHANGED = 'Unchanged, not sent (already at the patched values).';

/** Reads the current values and makes the plan. Throws what the reading threw (nothing was sent). */
export async function makePlan(request: BatchUpdateRequest, o: PlanOptions): Promise<ApplyPlan> {
  if (!o.readBefore) return planApply(request, o.batchSize);
  const tasks: PlannedTask[] = request.Tasks.map((task, index) => ({ index, task, env: effectiveEnv(task) }));
  const state = await readBeforeState(tasks, {
    service: o.service, limiter: o.limiter, projectIds: o.projectIds, signal: o.signal, onCall: () => o.onCall?.(),
  });
  let refCalls = 0;
  const refErrors = await checkReferences(tasks, state.entries, { service: o.service, limiter: o.limiter, signal: o.signal, onCall: () => { refCalls++; o.onCall?.(); } });
  const held = new Map<number, string>();
  const drifts: Drift[] = [];
  // A task named twice: its second entry compares against the value before the first; send both.
  const seen = new Map<string, number>();
  for (const t of tasks) seen.set(taskKey(t.task.Id, t.env), (seen.get(taskKey(t.task.Id, t.env)) ?? 0) + 1);
  for (const t of tasks) {
    const key = taskKey(t.task.Id, t.env);
    const fixed = o.planHeld?.get(t.index);
    if (fixed !== undefined) { held.set(t.index, fixed); continue; }
    const refError = refErrors.get(t.index);
    if (refError !== undefined) { held.set(t.index, `Error in the plan: ${refError}; not sent.`); continue; }
    const entry = state.entries.get(key);
    if (!entry?.values) continue; // unreadable: sent, the service says per task
    const changes = fieldChanges(t.task, entry.values as TaskState);
    const drift = driftOf(t, changes, o.expected?.get(key));
    drifts.push(...drift);
    if (drift.length && !o.force) held.set(t.index, heldMessage(drift));
    else if (!o.sendUnchanged && seen.get(key) === 1 && changes.every((c) => !c.changed)) held.set(t.index, UNCHANGED);
  }
  return planApply(request, o.batchSize, { held, before: state.entries, readCalls: state.calls + refCalls, drifts });
}

function driftOf(t: PlannedTask, changes: ReturnType<typeof fieldChanges>, expected: ExpectedValues | undefined): Drift[] {
  if (!expected) return [];
  const out: Drift[] = [];
  for (const c of changes) {
    if (!(c.path in expected.values)) continue;
    const then = expected.values[c.path];
    if (sameValue(c.current, then) || sameValue(c.current, c.patched)) continue;
    out.push({
      index: t.index, id: canonicalId(t.task.Id), env: t.env, path: c.path, then, at: expected.at, source: expected.source, now: c.current, patched: c.patched,
      ...(expected.name !== undefined ? { name: expected.name } : {}),
    });
  }
  return out;
}

/** Drifted tasks the plan held back: `force` sends them after all (the user said so once the plan showed them). */
export function heldForDrift(plan: ApplyPlan): number[] {
  const drifted = new Set(plan.drifts.map((d) => d.index));
  return [...plan.held.keys()].filter((i) => drifted.has(i));
}

/** The same plan with its drifted tasks sent too: the chunks made again, nothing read again. */
export function forceDrifted(plan: ApplyPlan): ApplyPlan {
  const release = new Set(heldForDrift(plan));
  const held = new Map([...plan.held].filter(([i]) => !release.has(i)));
  const request = { Tasks: plan.tasks.map((t) => t.task), ...(plan.comment !== undefined ? { Comment: plan.comment } : {}) };
  return planApply(request, plan.batchSize, { held, before: plan.before, readCalls: plan.readCalls, drifts: plan.drifts });
}

const show = (v: unknown): string => (v === undefined ? '(not set)' : JSON.stringify(v));

/** `Trigger.Cron: "a" in the saved plan (2026-12-01T19:55:00Z), now "b"`. */
export function formatDrift(d: Drift): string {
  return `${d.path}: ${show(d.then)} ${d.source} (${d.at}), now ${show(d.now)}; the patch sets ${show(d.patched)}`;
}

function heldMessage(drifts: Drift[]): string {
  return `Held back: changed in DataWorks since ${drifts[0].source === 'pulled' ? 'the pull' : 'the plan'} (${drifts.map(formatDrift).join('; ')}); not sent.`;
}
