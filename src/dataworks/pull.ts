// Pulling every task a server-side filter matches into patch entries: all pages at the read rate,
// GetTask per task only when Tags are chosen (ListTasks has none), progress throughout. Shared by
// `dwtasks pull` and the editor's Add All Matching to Patch.
import type { RateLimiter } from '../core/apply/rate-limit';
import type { ReadProgress } from '../core/listing/progress';
import type { EnvType } from '../core/patch/model';
import { buildPullEntry, type PulledEntry } from '../core/pull/entry';
import { canonicalId } from '../core/apply/fields';
import { collectAll, DEFAULT_PAGE_CONCURRENCY } from './paging';
import type { RequestArg } from './request';
import { cancelledError } from './retry';
import type { ListTasksQuery, Page, Task } from './types';

/** ListTasks' largest documented page. */
export const PULL_PAGE_SIZE = 100;

export type PullQuery = Pick<ListTasksQuery, 'ProjectId' | 'Name' | 'Owner' | 'TaskType' | 'TriggerType'> & { ProjectEnv: EnvType };

export interface PullClient {
  listTasks(q: ListTasksQuery, request?: RequestArg): Promise<Page<Task>>;
  getTask(id: string, env: EnvType, request?: RequestArg): Promise<Task>;
}

export interface PullOptions {
  client: PullClient;
  query: PullQuery;
  /** Leaf paths from resolveFields. */
  leaves: readonly string[];
  limiter?: RateLimiter;
  signal?: AbortSignal;
  onProgress?(p: ReadProgress): void;
}

export interface PullResult {
  entries: PulledEntry[];
  /** TotalCount of the filter. */
  total: number;
  /** Read calls made. */
  calls: number;
}

export async function pullTasks(o: PullOptions): Promise<PullResult> {
  const needsTags = o.leaves.includes('Tags');
  let total = 0;
  let pages = 0;
  // Without Tags each page's entries are built as it arrives, while later pages wait for their slots,
  // instead of all 38,000 after the last page.
  const listed = await collectAll(
    async (pageNumber, request) => {
      const page = await o.client.listTasks({ ...definedOnly(o.query), PageNumber: pageNumber, PageSize: PULL_PAGE_SIZE }, request);
      return { ...page, items: page.items.map((task) => ({ task, id: canonicalId(task.Id), entry: needsTags ? undefined : buildPullEntry(task, o.query.ProjectEnv, o.leaves) })) };
    },
    {
      ...(o.limiter ? { limiter: o.limiter } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      onProgress: (p) => {
        total = p.totalCount;
        pages = p.pagesDone;
        o.onProgress?.({
          unit: needsTags ? 'call' : 'page', callsDone: p.pagesDone, callsTotal: p.pagesTotal + (needsTags ? p.totalCount : 0),
          items: p.items, totalItems: p.totalCount,
        });
      },
    },
  );
  // A task listed twice (the list shifted while paging) is pulled once.
  const seen = new Set<string>();
  const unique = listed.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
  const entries = needsTags
    ? (await withTags(unique.map((t) => t.task), o, pages, total)).map((t) => buildPullEntry(t, o.query.ProjectEnv, o.leaves))
    : unique.map((t) => t.entry!);
  return { entries, total, calls: pages + (needsTags ? unique.length : 0) };
}

/** GetTask for each task (Tags), through the limiter, a few in flight. */
async function withTags(tasks: Task[], o: PullOptions, pages: number, total: number): Promise<Task[]> {
  const out: Task[] = new Array<Task>(tasks.length);
  let next = 0;
  let done = 0;
  let failed: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && !failed) {
      const i = next++;
      try {
        if (o.signal?.aborted) throw cancelledError('GetTask', 'before sending');
        await o.limiter?.acquire(o.signal).catch(() => { throw cancelledError('GetTask', 'while waiting for the rate limit'); });
        out[i] = await o.client.getTask(tasks[i]!.Id, o.query.ProjectEnv, { signal: o.signal, limiter: o.limiter });
        done++;
        o.onProgress?.({ unit: 'call', callsDone: pages + done, callsTotal: pages + tasks.length, items: total, totalItems: total });
      } catch (e) {
        failed ??= { error: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DEFAULT_PAGE_CONCURRENCY, tasks.length) }, worker));
  if (failed) throw failed.error;
  return out;
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
