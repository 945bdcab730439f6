// Where the picture's tasks come from: a patch (after = patched values over the current ones,
// before = the current ones) or every task of a project environment. The service is passed in
// (the client implements it), so this stays free of network code.
import type { BeforeState } from '../apply/before-state';
import { taskKey } from '../apply/fields';
import type { TaskLookupQuery, TaskPage } from '../apply/service';
import { planApply, type ApplyPlan } from '../apply/plan';
import type { BatchUpdateRequest, EnvType } from '../patch/model';
import { currentTask, fromState, patchedTask, type ScheduleTask } from './tasks';

export interface PatchSides {
  /** The tasks as they are now; undefined without a service. */
  before?: ScheduleTask[];
  after: ScheduleTask[];
  /** Read calls made. */
  calls: number;
}

/**
 * The fields a picture needs of every task, whatever the patch touches: read them with the pipeline's
 * readCurrentValues(..., { alsoRead: SCHEDULE_FIELDS }) (the same gate and batched reads as diff).
 */
export const SCHEDULE_FIELDS = ['Name', 'Trigger', 'RuntimeResource'] as const;

/** Before (current values, when read) and after (patched over current) of a gated patch's plan. */
export function patchSides(plan: ApplyPlan, state?: BeforeState): PatchSides {
  if (!state) return { after: plan.tasks.map((t) => patchedTask(t.task, t.env, t.index)), calls: 0 };
  const before: ScheduleTask[] = [];
  const after: ScheduleTask[] = [];
  for (const t of plan.tasks) {
    const entry = state.entries.get(taskKey(t.task.Id, t.env));
    const current = entry?.values ? fromState({ ...entry.values, Id: t.task.Id, ...(entry.projectId ? { ProjectId: entry.projectId } : {}) } as Parameters<typeof fromState>[0], t.env) : undefined;
    const error = entry?.error ? `cannot read its current values: ${entry.error}` : current ? undefined : 'its current values were not returned';
    before.push(currentTask(t.task, t.env, t.index, current, error));
    // A task that cannot be read still has a picture after the patch when the patch gives its Cron.
    after.push(patchedTask(t.task, t.env, t.index, current));
  }
  return { before, after, calls: state.calls };
}

export interface TaskLister {
  listTasks(query: TaskLookupQuery, signal?: AbortSignal): Promise<TaskPage>;
}

/** Every task of a project environment, every page (never silently truncated). */
export async function projectTasks(lister: TaskLister, projectId: string, env: EnvType, opts: { signal?: AbortSignal; onPage?(seen: number, total: number): void; beforeCall?(): Promise<void> } = {}): Promise<ScheduleTask[]> {
  const out: ScheduleTask[] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    await opts.beforeCall?.();
    const res = await lister.listTasks({ ProjectId: projectId, ProjectEnv: env, PageNumber: page, PageSize: 100 }, opts.signal);
    for (const item of res.items) {
      if (seen.has(item.Id)) continue;
      seen.add(item.Id);
      out.push(fromState(item, env));
    }
    opts.onPage?.(out.length, res.totalCount);
    if (out.length >= res.totalCount) return out;
    if (res.items.length === 0) throw new Error(`ListTasks page ${page} came back empty after ${out.length} of ${res.totalCount} tasks: the picture would be incomplete; run it again`);
  }
}

/** The after side again from an edited patch, over current values read before (no new reads). */
export function patchedOver(request: BatchUpdateRequest, before: readonly ScheduleTask[]): ScheduleTask[] {
  const byKey = new Map(before.filter((t) => !t.unreadable).map((t) => [taskKey(t.id, t.env), t]));
  return planApply(request, 100).tasks.map((t) => patchedTask(t.task, t.env, t.index, strip(byKey.get(taskKey(t.task.Id, t.env)))));
}

function strip(t: ScheduleTask | undefined): ScheduleTask | undefined {
  if (!t) return undefined;
  const rest = { ...t };
  delete rest.patchIndex;
  return rest;
}
