// What the reader of one environment's before-state through ListTasks gets, and its small pieces.
import type { EnvType } from '../patch/model';
import { toServiceError } from './outcome';
import type { PlannedTask } from './planned-task';
import type { TaskLookupQuery, TaskPage, TaskState } from './service';

export const LIST_IDS_PER_CALL = 100;

export interface ProjectReadContext {
  env: EnvType;
  /** Tasks to find, one per task key, in file order. */
  tasks: PlannedTask[];
  /** Candidate projects, most likely first. */
  projectIds: string[];
  concurrency: number;
  /** One ListTasks call, through the limiter and counted. */
  list(query: TaskLookupQuery): Promise<TaskPage>;
  record(t: PlannedTask, state: TaskState): void;
}

export interface ProjectReadResult {
  /** Tasks found in no project (they go to GetTask). */
  remaining: PlannedTask[];
}

/** A project this account may see but not list (403), or that has no such environment: look elsewhere. */
export function isSkippableListError(e: unknown): boolean {
  const kind = toServiceError(e).kind;
  return kind === 'auth' || kind === 'parameter' || kind === 'notFound';
}

/** ListTasks by Ids (at most 100), every page of the answer. */
export async function listByIds(list: (q: TaskLookupQuery) => Promise<TaskPage>, base: TaskLookupQuery, batch: PlannedTask[], take: (items: TaskState[]) => void): Promise<void> {
  for (let page = 1; ; page++) {
    const res = await list({ ...base, Ids: batch.map((t) => t.task.Id), PageNumber: page });
    take(res.items);
    if (res.items.length === 0 || page * res.pageSize >= res.totalCount) break;
  }
}
