// Reading the current values of the fields a patch touches, with as few calls as the API allows.
//
// ListTasks takes up to 100 Ids per call but needs a ProjectId and has no Tags; GetTask gives
// everything for one task. So: tasks whose patch touches Tags -> GetTask (1 call each); all others ->
// ListTasks per environment, trying the candidate projects in order and carrying only the ids not
// found yet to the next project: with at most 100 ids left, one call with Ids; with more, page 1 of
// the whole project first (100 tasks, and its TotalCount), then whichever is fewer calls: the
// remaining pages, or the remaining ids 100 per call. Ids found in no project -> GetTask (which also
// gives a clear "not found"). Calls for N tasks (no Tags): ceil(N/100) for one project; for a patch
// spread over the account, at most about (tasks in the account)/100.
import type { EnvType } from '../patch/model';
import { canonicalId, pickTouched, taskKey, touchedFields } from './fields';
import type { PlannedTask } from './plan';
import type { RateLimiter } from './rate-limit';
import type { TaskLookupQuery, TaskService, TaskState } from './service';
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
  /** Each task's entry as soon as it is known (found, or known not to be readable), before the whole read ends. */
  onEntry?(key: string, entry: BeforeEntry): void;
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
    set(taskKey(t.task.Id, t.env), { id: t.task.Id, envType: t.env, values, projectId: state.ProjectId });
  };
  const set = (key: string, entry: BeforeEntry) => {
    entries.set(key, entry);
    opts.onEntry?.(key, entry);
  };

  const list = async (query: TaskLookupQuery) => {
    await opts.limiter?.acquire(opts.signal);
    count('ListTasks');
    return opts.service.listTasks!(query, opts.signal);
  };
  const listJobs: (() => Promise<void>)[] = [];
  for (const [env, tasksOfEnv] of viaList) {
    listJobs.push(async () => {
      let remaining = tasksOfEnv;
      for (const projectId of opts.projectIds ?? []) {
        if (!remaining.length) break;
        const want = new Map(remaining.map((t) => [canonicalId(t.task.Id), t]));
        const found = new Set<string>();
        const take = (items: TaskState[]) => {
          for (const item of items) {
            const t = want.get(canonicalId(item.Id));
            if (t) { record(t, item); found.add(canonicalId(item.Id)); }
          }
        };
        const base = { ProjectId: projectId, ProjectEnv: env, PageSize: LIST_IDS_PER_CALL };
        try {
          await readProject(base, remaining, found, take);
        } catch (e) {
          // A project this account may see but not list (403), or that has no such environment: look elsewhere.
          const kind = toServiceError(e).kind;
          if (kind !== 'auth' && kind !== 'parameter' && kind !== 'notFound') throw e;
        }
        remaining = remaining.filter((t) => !found.has(canonicalId(t.task.Id)));
      }
      viaGet.push(...remaining);
    });
  }
  async function readProject(base: TaskLookupQuery, remaining: PlannedTask[], found: Set<string>, take: (items: TaskState[]) => void): Promise<void> {
    let byIds = remaining;
    if (remaining.length > LIST_IDS_PER_CALL) {
      // Many ids: listing the whole project may be cheaper than asking by id. Page 1 tells how big it is.
      const first = await list({ ...base, PageNumber: 1 });
      take(first.items);
      const pagesLeft = Math.ceil(first.totalCount / LIST_IDS_PER_CALL) - 1;
      byIds = remaining.filter((t) => !found.has(canonicalId(t.task.Id)));
      if (pagesLeft <= Math.ceil(byIds.length / LIST_IDS_PER_CALL)) {
        const pages = pageOrder(byIds, pagesLeft);
        await pool(pages.map((page) => async () => take((await list({ ...base, PageNumber: page })).items)), opts.concurrency ?? 4);
        byIds = [];
      }
    }
    await pool(chunk(byIds, LIST_IDS_PER_CALL).map((batch) => async () => {
      for (let page = 1; ; page++) {
        const res = await list({ ...base, Ids: batch.map((t) => t.task.Id), PageNumber: page });
        take(res.items);
        if (res.items.length === 0 || page * res.pageSize >= res.totalCount) break;
      }
    }), opts.concurrency ?? 4);
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
      set(taskKey(t.task.Id, t.env), { id: t.task.Id, envType: t.env, error: err.message });
    }
  }), opts.concurrency ?? 4);
  return { entries, calls };
}

/**
 * Pages 2..pagesLeft+1 of a whole-project walk (Id Desc, the default order), the ones holding the
 * file's first tasks first, so with read-ahead the first chunks can leave early. Where a task sits is
 * estimated from its rank among the ids still wanted (a walk is chosen when they are most of the
 * project): rank r of M falls about r/M of the way down the pages. Same pages, same calls; only the order.
 */
export function pageOrder(wanted: PlannedTask[], pagesLeft: number): number[] {
  const desc = [...wanted].sort((a, b) => compareDigits(canonicalId(b.task.Id), canonicalId(a.task.Id)));
  const first = new Map<number, number>(); // page -> smallest file index expected on it
  desc.forEach((t, r) => {
    const page = 2 + Math.min(pagesLeft - 1, Math.floor((r / desc.length) * pagesLeft));
    first.set(page, Math.min(first.get(page) ?? Infinity, t.index));
  });
  return Array.from({ length: pagesLeft }, (_, i) => i + 2)
    .sort((a, b) => (first.get(a) ?? Infinity) - (first.get(b) ?? Infinity) || a - b);
}

/** Canonical digit strings as numbers (longer is larger); anything else after them, as text. */
function compareDigits(a: string, b: string): number {
  const da = /^\d+$/.test(a), db = /^\d+$/.test(b);
  if (da !== db) return da ? -1 : 1;
  return (da ? a.length - b.length : 0) || (a < b ? -1 : a > b ? 1 : 0);
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
