// Reading the current values of the fields a patch touches, with as few calls as the API allows.
//
// ListTasks takes up to 100 Ids per call but needs a ProjectId and has no Tags; GetTask gives
// everything for one task. So: tasks whose patch touches Tags -> GetTask (1 call each); all others ->
// ListTasks with Ids, 100 per call, per environment, trying the candidate projects in order and only
// carrying the ids not found yet to the next project; ids found in no project -> GetTask (which also
// gives a clear "not found"). Calls for N tasks of one project (no Tags): ceil(N/100); worst case
// sum over projects of ceil(remaining/100) + one per Tags task + one per id found nowhere.
import type { EnvType } from '../patch/model';
import { canonicalId, pickTouched, taskKey, touchedFields } from './fields';
import type { PlannedTask } from './plan';
import type { RateLimiter } from './rate-limit';
import type { TaskService, TaskState } from './service';
import { toServiceError } from './outcome';

export const LIST_IDS_PER_CALL = 100;

export interface BeforeEntry {
  id: string;
  envType: EnvType;
  /** Current values of the touched top-level fields (absent when the task could not be read). */
  values?: Partial<TaskState>;
  projectId?: string;
  /** Why the task could not be read, e.g. not found in this environment. */
  error?: string;
}

export interface BeforeStateOptions {
  service: TaskService;
  limiter?: RateLimiter;
  /** Candidate projects for ListTasks, most likely first. Without any, every task costs one GetTask. */
  projectIds?: string[];
  signal?: AbortSignal;
  /** Parallel reads; the limiter still spaces them. */
  concurrency?: number;
  onCall?(action: 'ListTasks' | 'GetTask'): void;
}

export interface BeforeState {
  entries: Map<string, BeforeEntry>;
  calls: number;
}

export async function readBeforeState(tasks: PlannedTask[], opts: BeforeStateOptions): Promise<BeforeState> {
  const entries = new Map<string, BeforeEntry>();
  let calls = 0;
  const count = (a: 'ListTasks' | 'GetTask') => { calls++; opts.onCall?.(a); };
  const byKey = new Map<string, PlannedTask[]>();
  for (const t of tasks) {
    const k = taskKey(t.task.Id, t.env);
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  const viaGet: PlannedTask[] = [];
  const viaList = new Map<EnvType, PlannedTask[]>();
  const canList = typeof opts.service.listTasks === 'function' && (opts.projectIds?.length ?? 0) > 0;
  for (const group of byKey.values()) {
    const needsTags = group.some((t) => touchedFields(t.task).includes('Tags'));
    const first = group[0];
    if (!canList || needsTags) viaGet.push(first);
    else viaList.set(first.env, [...(viaList.get(first.env) ?? []), first]);
  }

  const record = (t: PlannedTask, state: TaskState) => {
    const group = byKey.get(taskKey(t.task.Id, t.env)) ?? [t];
    // Several patch entries for the same task: read the union of what they touch.
    let values: Partial<TaskState> = {};
    for (const g of group) values = { ...values, ...pickTouched(g.task, state) };
    entries.set(taskKey(t.task.Id, t.env), { id: t.task.Id, envType: t.env, values, projectId: state.ProjectId });
  };

  const listJobs: (() => Promise<void>)[] = [];
  for (const [env, list] of viaList) {
    listJobs.push(async () => {
      let remaining = list;
      for (const projectId of opts.projectIds ?? []) {
        if (!remaining.length) break;
        const found = new Set<string>();
        const batches = chunk(remaining, LIST_IDS_PER_CALL);
        await pool(batches.map((batch) => async () => {
          const want = new Map(batch.map((t) => [canonicalId(t.task.Id), t]));
          for (let page = 1; ; page++) {
            await opts.limiter?.acquire(opts.signal);
            count('ListTasks');
            const res = await opts.service.listTasks!({
              ProjectId: projectId, ProjectEnv: env, Ids: batch.map((t) => t.task.Id), PageNumber: page, PageSize: LIST_IDS_PER_CALL,
            }, opts.signal);
            for (const item of res.items) {
              const t = want.get(canonicalId(item.Id));
              if (t) { record(t, item); found.add(canonicalId(item.Id)); }
            }
            if (res.items.length === 0 || page * res.pageSize >= res.totalCount) break;
          }
        }), opts.concurrency ?? 4);
        remaining = remaining.filter((t) => !found.has(canonicalId(t.task.Id)));
      }
      viaGet.push(...remaining);
    });
  }
  // List jobs per environment, then GetTask for the rest (including ids no project had).
  await pool(listJobs, 2);
  await pool(viaGet.map((t) => async () => {
    await opts.limiter?.acquire(opts.signal);
    count('GetTask');
    try {
      record(t, await opts.service.getTask(t.task.Id, t.env, opts.signal));
    } catch (e) {
      const err = toServiceError(e);
      // A missing task is the patch's problem, reported per task by the apply itself; anything else stops the run.
      if (err.kind !== 'notFound' && err.kind !== 'parameter') throw e;
      entries.set(taskKey(t.task.Id, t.env), {
        id: t.task.Id, envType: t.env, error: `${err.code ?? 'Error'}: ${err.message}${err.requestId ? ` (RequestId ${err.requestId})` : ''}`,
      });
    }
  }), opts.concurrency ?? 4);
  return { entries, calls };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs jobs with at most `limit` at a time; the first failure rejects (others already started finish). */
async function pool(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < jobs.length && failed === undefined) {
      const job = jobs[next++];
      try { await job(); } catch (e) { if (failed === undefined) failed = e; }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  if (failed !== undefined) throw failed;
}
