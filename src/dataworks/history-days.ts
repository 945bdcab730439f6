// A project's run history, day by day (ListTaskInstances by Bizdate, every page), cached under
// `.dwtasks/history/` with when it was read. Only complete run days are read, so a cached day never
// changes and a second picture costs no call. The caller is told the number of calls before any is
// made, and a limit stops the read before it exceeds what the user allowed.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvType } from '../core/patch/model';
import type { RateLimiter } from '../core/apply/rate-limit';
import type { Page, ListTaskInstancesQuery, TaskInstance } from './types';

/** The largest page ListTaskInstances takes (the SDK's default is 10). */
export const HISTORY_PAGE_SIZE = 100;

export interface InstanceLister {
  listTaskInstances(q: ListTaskInstancesQuery): Promise<Page<TaskInstance>>;
}

export interface HistoryDay {
  bizdate: number;
  /** Epoch ms when it was read from the service. */
  readAt: number;
  instances: TaskInstance[];
}

export interface HistoryScope {
  projectId: string;
  env: EnvType;
  /** Bizdates (epoch ms) of complete run days. */
  bizdates: readonly number[];
  /** Folder of the cache (e.g. `<workspace>/.dwtasks/history`). */
  dir: string;
}

function fileOf(scope: HistoryScope, bizdate: number): string {
  return join(scope.dir, `${scope.projectId}-${scope.env}-${bizdate}.json`);
}

/** The days already cached, and the Bizdates still to read. */
export async function cachedDays(scope: HistoryScope): Promise<{ cached: HistoryDay[]; missing: number[] }> {
  const cached: HistoryDay[] = [];
  const missing: number[] = [];
  for (const bizdate of scope.bizdates) {
    let text: string | undefined;
    try {
      text = await readFile(fileOf(scope, bizdate), 'utf8');
    } catch {
      missing.push(bizdate);
      continue;
    }
    const day = parseDay(text, bizdate);
    if (day) cached.push(day);
    else missing.push(bizdate); // unreadable cache: read the day again
  }
  return { cached, missing };
}

function parseDay(text: string, bizdate: number): HistoryDay | undefined {
  try {
    const v = JSON.parse(text) as Partial<HistoryDay>;
    if (v.bizdate !== bizdate || typeof v.readAt !== 'number' || !Array.isArray(v.instances)) return undefined;
    return v as HistoryDay;
  } catch {
    return undefined;
  }
}

export class CallLimitError extends Error {
  readonly kind = 'parameter';
  constructor(readonly limit: number, readonly made: number, what: string) {
    super(`stopped reading the run history at the call limit of ${limit} (${made} made, ${what}); nothing half-read is cached. Raise --max-calls, or lower --history`);
  }
}

/**
 * Reads the missing days, every page, each call after a limiter slot; writes each day to the cache
 * when all its pages are in. Refuses to make call number `maxCalls + 1`.
 */
export async function readDays(lister: InstanceLister, scope: HistoryScope, missing: readonly number[], opts: { limiter?: RateLimiter; maxCalls: number; now?: () => number }): Promise<{ days: HistoryDay[]; calls: number }> {
  let calls = 0;
  const days: HistoryDay[] = [];
  await mkdir(scope.dir, { recursive: true });
  for (const bizdate of missing) {
    const instances: TaskInstance[] = [];
    const ids = new Set<string>();
    for (let page = 1; ; page++) {
      if (calls >= opts.maxCalls) throw new CallLimitError(opts.maxCalls, calls, `${days.length} of ${missing.length} day(s) read`);
      await opts.limiter?.acquire();
      calls++;
      const res = await lister.listTaskInstances({ ProjectId: scope.projectId, ProjectEnv: scope.env, Bizdate: bizdate, PageNumber: page, PageSize: HISTORY_PAGE_SIZE, SortBy: 'Id Asc' });
      for (const i of res.items) if (!ids.has(i.Id)) { ids.add(i.Id); instances.push(i); }
      if (instances.length >= res.totalCount) break;
      if (res.items.length === 0) throw new Error(`ListTaskInstances (Bizdate ${bizdate}) page ${page} came back empty after ${instances.length} of ${res.totalCount} instances: run it again`);
    }
    const day: HistoryDay = { bizdate, readAt: (opts.now ?? Date.now)(), instances };
    const file = fileOf(scope, bizdate);
    await writeFile(`${file}.tmp`, JSON.stringify(day));
    await rename(`${file}.tmp`, file); // a day is cached whole or not at all
    days.push(day);
  }
  return { days, calls };
}

/** Calls a read of these days takes: one per page, pages from the instances each day is expected to hold. */
export function estimateCalls(instancesPerDay: readonly number[]): number {
  return instancesPerDay.reduce((a, n) => a + Math.max(1, Math.ceil(n / HISTORY_PAGE_SIZE)), 0);
}
