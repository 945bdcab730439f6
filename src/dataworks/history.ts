// Reading run history (ListTaskInstances) for the tasks in view over some business dates: said
// before in calls, refused beyond the caller's limit, then every page of every day at the read rate
// through the one client, each day kept in the workspace cache so the next picture costs no calls.
import type { RateLimiter } from '../core/apply/rate-limit';
import { runDayOf } from '../core/history/bizdate';
import { idGroups, planHistoryDays, type HistoryDayPlan, type HistoryTask } from '../core/history/plan';
import type { WeekdayNumbering } from '../core/cron/weekdays';
import type { EnvType } from '../core/patch/model';
import { historyCachePath, isFinalDay, readHistoryCache, trimInstance, writeHistoryCache, type HistoryCacheFile } from './history-cache';
import { collectAll } from './paging';
import type { RequestArg } from './request';
import type { ListTaskInstancesQuery, Page, TaskInstance } from './types';
import { plural } from '../core/text/plural';

/** ListTaskInstances' page size we ask for (the SDK states no maximum; the emulator's, like every list action's, is 100). */
export const HISTORY_PAGE_SIZE = 100;
/** Task ids per call (TaskIds): the service states no maximum; 100 keeps a request small. */
export const HISTORY_IDS_PER_CALL = 100;
/** The calls a read may make unless the user allows more: some editions allow 100 calls a day in all. */
export const DEFAULT_HISTORY_CALL_LIMIT = 100;

export interface HistoryClient {
  readonly endpoint: string;
  listTaskInstances(q: ListTaskInstancesQuery, request?: RequestArg): Promise<Page<TaskInstance>>;
}

export interface HistoryScope {
  projectId: string;
  env: EnvType;
  /** The tasks in view: their ids are read (TaskIds), their crons estimate the calls. */
  tasks: readonly HistoryTask[];
  /** Business dates (see core/history/bizdate: recentBizdates). */
  bizdates: readonly number[];
  /** The workspace's zone: Bizdates are its midnights. */
  zone: string;
  weekdays?: WeekdayNumbering;
  /** The workspace folder that holds `.dwtasks/history/`. */
  workspaceDir: string;
}

export interface HistoryDayCallPlan extends HistoryDayPlan {
  /** Served from the cache: no call. */
  cached: boolean;
}

export interface HistoryCallPlan {
  days: HistoryDayCallPlan[];
  /** Calls the read will make at least (0 when every day is cached). */
  calls: number;
  cachePath: string;
}

/** What a history read will cost, before it is made: per business date, calls or "cached". */
export function planHistoryRead(scope: HistoryScope, endpoint: string): HistoryCallPlan {
  const cachePath = historyCachePath(scope.workspaceDir, endpoint, scope.projectId, scope.env);
  const cache = readHistoryCache(cachePath, endpoint, scope.projectId, scope.env);
  const days = scope.bizdates.map((bizdate): HistoryDayCallPlan => {
    const missing = missingTasks(cache, scope, bizdate);
    const [plan] = planHistoryDays(missing, [bizdate], { zone: scope.zone, pageSize: HISTORY_PAGE_SIZE, idsPerCall: HISTORY_IDS_PER_CALL, weekdays: scope.weekdays });
    return missing.length === 0 ? { bizdate, instances: plan!.instances, calls: 0, cached: true } : { ...plan!, cached: false };
  });
  return { days, calls: days.reduce((n, d) => n + d.calls, 0), cachePath };
}

/** Thrown before any call when the read would take more calls than allowed. */
export class HistoryCallLimitError extends Error {
  constructor(readonly plan: HistoryCallPlan, readonly limit: number) {
    super(`Reading the run history takes at least ${plan.calls} ListTaskInstances calls ` +
      `(${plural(plan.days.filter((d) => !d.cached).length, 'business date')} not cached, ${HISTORY_PAGE_SIZE} instances a page); ` +
      `the limit is ${limit}. Allow more calls, or read fewer days or tasks.`);
    this.name = 'HistoryCallLimitError';
  }
}

export interface HistoryReadOptions {
  client: HistoryClient;
  /** Refuse (HistoryCallLimitError) when the plan needs more calls than this. Default DEFAULT_HISTORY_CALL_LIMIT. */
  maxCalls?: number;
  limiter?: RateLimiter;
  signal?: AbortSignal;
  /** Epoch ms now (the read time the cache records). */
  now?: () => number;
  onProgress?(p: { bizdate: number; callsDone: number; callsPlanned: number }): void;
}

export interface HistoryReadResult {
  /** The tasks' instances on every business date asked, oldest date first. */
  instances: TaskInstance[];
  plan: HistoryCallPlan;
  /** Calls really made (pages; retries not counted). */
  calls: number;
  /** When each business date was read (epoch ms), cached or now. */
  readAt: Record<string, number>;
}

/** Reads (or serves from the cache) the run history of the scope's tasks. */
export async function readHistory(scope: HistoryScope, o: HistoryReadOptions): Promise<HistoryReadResult> {
  const plan = planHistoryRead(scope, o.client.endpoint);
  const limit = o.maxCalls ?? DEFAULT_HISTORY_CALL_LIMIT;
  if (plan.calls > limit) throw new HistoryCallLimitError(plan, limit);
  const now = o.now ?? Date.now;
  const cache = readHistoryCache(plan.cachePath, o.client.endpoint, scope.projectId, scope.env);
  const wanted = new Set(scope.tasks.map((t) => t.Id));
  const instances: TaskInstance[] = [];
  const readAt: Record<string, number> = {};
  let calls = 0;
  for (const bizdate of scope.bizdates) {
    const missing = missingTasks(cache, scope, bizdate);
    if (missing.length > 0) {
      const day = { readAt: now(), taskIds: missing.map((t) => t.Id), instances: [] as TaskInstance[] };
      for (const group of idGroups(missing, HISTORY_IDS_PER_CALL)) {
        const ids = group.map((t) => t.Id);
        const read = await collectAll((n, request) => {
          calls++;
          o.onProgress?.({ bizdate, callsDone: calls, callsPlanned: plan.calls });
          return o.client.listTaskInstances({
            ProjectId: scope.projectId, ProjectEnv: scope.env, Bizdate: bizdate, TaskIds: ids, SortBy: 'Id Asc', PageNumber: n, PageSize: HISTORY_PAGE_SIZE,
          }, request);
        }, { limiter: o.limiter, signal: o.signal });
        for (const i of read) day.instances.push(trimInstance(i));
      }
      mergeDay(cache, bizdate, day, runDayOf(bizdate, scope.zone).to);
      writeHistoryCache(plan.cachePath, cache);
    }
    const cached = cache.days[String(bizdate)]!;
    readAt[String(bizdate)] = cached.readAt;
    for (const i of cached.instances) if (wanted.has(i.TaskId)) instances.push(i);
  }
  return { instances, plan, calls, readAt };
}

/** The scope's tasks whose instances on `bizdate` the cache does not hold final. */
function missingTasks(cache: HistoryCacheFile, scope: HistoryScope, bizdate: number): HistoryTask[] {
  const day = cache.days[String(bizdate)];
  if (!day || !isFinalDay(day, runDayOf(bizdate, scope.zone).to)) return [...scope.tasks];
  const have = new Set(day.taskIds);
  return scope.tasks.filter((t) => !have.has(t.Id));
}

/** Adds a read to a day: onto a final cached day (other tasks), or in place of one that could still change. */
function mergeDay(cache: HistoryCacheFile, bizdate: number, read: HistoryCacheFile['days'][string], runDayEnd: number): void {
  const old = cache.days[String(bizdate)];
  if (!old || !isFinalDay(old, runDayEnd)) {
    cache.days[String(bizdate)] = read;
    return;
  }
  const ids = new Set(read.taskIds);
  cache.days[String(bizdate)] = {
    // The earlier read time: the day as a whole is no newer than its oldest part.
    readAt: Math.min(old.readAt, read.readAt),
    taskIds: [...old.taskIds.filter((id) => !ids.has(id)), ...read.taskIds],
    instances: [...old.instances.filter((i) => !ids.has(i.TaskId)), ...read.instances],
  };
}
