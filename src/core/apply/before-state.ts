// Reading the current values of the fields a patch touches, with as few calls as the API allows.
//
// ListTasks takes up to 100 Ids per call but needs a ProjectId and has no Tags; GetTask gives
// everything for one task. So: tasks whose patch touches Tags -> GetTask (1 call each); all others ->
// ListTasks per environment over the candidate projects (read-projects-in-order.ts: the fewest calls).
// Ids found in no project -> GetTask (which also gives a clear "not found").
// Calls for N tasks (no Tags): ceil(N/100) for one project; for a patch spread over the account, at
// most about (tasks in the account)/100.
import type { EnvType } from '../patch/model';
import { pickTouched, taskKey, touchedFields } from './fields';
import type { PlannedTask } from './planned-task';
import type { ProjectReadContext } from './project-read';
import type { RateLimiter } from './rate-limit';
import { pool } from './read-pool';
import { readProjectsInOrder } from './read-projects-in-order';
import type { TaskLookupQuery, TaskService, TaskState } from './service';
import { toServiceError } from './outcome';

export { LIST_IDS_PER_CALL } from './project-read';

/**
 * Reads in flight at once. The limiter sets the rate; this only keeps it when each answer takes
 * longer than 1/rps (a page of 100 tasks to parse on a busy machine): 8 hold 20 reads/s at 400 ms each.
 */
export const READ_CONCURRENCY = 8;

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
    const group = byKey.get(k);
    if (group) group.push(t); else byKey.set(k, [t]);
  }
  const viaGet: PlannedTask[] = [];
  const viaList = new Map<EnvType, PlannedTask[]>();
  const canList = typeof opts.service.listTasks === 'function' && (opts.projectIds?.length ?? 0) > 0;
  for (const group of byKey.values()) {
    const needsTags = group.some((t) => touchedFields(t.task).includes('Tags'));
    const first = group[0];
    if (!canList || needsTags) viaGet.push(first);
    else {
      // Appended in place: copying the list per task was quadratic (0.3 s for 10,000 tasks before the first read).
      const ofEnv = viaList.get(first.env);
      if (ofEnv) ofEnv.push(first); else viaList.set(first.env, [first]);
    }
  }

  const record = (t: PlannedTask, state: TaskState) => {
    const group = byKey.get(taskKey(t.task.Id, t.env)) ?? [t];
    // Several patch entries for the same task: read the union of what they touch.
    let values: Partial<TaskState> = {};
    for (const g of group) values = { ...values, ...pickTouched(g.task, state) };
    set(taskKey(t.task.Id, t.env), { id: t.task.Id, envType: t.env, values, projectId: state.ProjectId });
  };
  const set = (key: string, entry: BeforeEntry) => entries.set(key, entry);

  const list = async (query: TaskLookupQuery) => {
    await opts.limiter?.acquire(opts.signal);
    count('ListTasks');
    return opts.service.listTasks!(query, { signal: opts.signal, limiter: opts.limiter });
  };
  const listJobs = [...viaList].map(([env, tasksOfEnv]) => async () => {
    const ctx: ProjectReadContext = { env, tasks: tasksOfEnv, projectIds: opts.projectIds ?? [], concurrency: opts.concurrency ?? READ_CONCURRENCY, list, record };
    viaGet.push(...(await readProjectsInOrder(ctx)).remaining);
  });
  // List jobs per environment, then GetTask for the rest (including ids no project had).
  await pool(listJobs, 2);
  await pool(viaGet.map((t) => async () => {
    await opts.limiter?.acquire(opts.signal);
    count('GetTask');
    try {
      record(t, await opts.service.getTask(t.task.Id, t.env, { signal: opts.signal, limiter: opts.limiter }));
    } catch (e) {
      const err = toServiceError(e);
      // A missing task is the patch's problem, reported per task by the apply itself; anything else stops the run.
      if (err.kind !== 'notFound' && err.kind !== 'parameter') throw e;
      set(taskKey(t.task.Id, t.env), { id: t.task.Id, envType: t.env, error: err.message });
    }
  }), opts.concurrency ?? READ_CONCURRENCY);
  return { entries, calls };
}
