// What a reader of one environment's before-state through ListTasks gets, and the pieces both
// readers (in order, at once) share.
import type { EnvType } from '../patch/model';
import { toServiceError } from './outcome';
import type { PlannedTask } from './plan';
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
  demand?: ReadDemand;
  /** Called once, when every project's first call has been answered (or failed). */
  onFirstRound?(): void;
}

/**
 * How far the writes have got. With a read quota apart, reading every page as fast as the quota
 * allows takes CPU the writes need (each page is parsed on the same thread), for tasks whose chunks
 * leave seconds later; so reads for tasks more than `ahead` past the frontier wait for it to move.
 */
export interface ReadDemand {
  /** File index of the first task of the next chunk to send; Infinity once no more chunks will be sent. */
  frontier(): number;
  /** Tasks past the frontier worth reading now. */
  readonly ahead: number;
  /** True while the sender waits for before-state: then reads go out whatever their place. */
  waiting(): boolean;
  /** Resolves at the next change of either. */
  changed(): Promise<void>;
}

export interface ProjectReadResult {
  /** Tasks found in no project (they go to GetTask). */
  remaining: PlannedTask[];
  /** ListTasks calls the strict in-order rule makes (or would have made) for these tasks. */
  inOrderCalls: number;
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
