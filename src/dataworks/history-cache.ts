// The run history read so far, kept in the workspace so a second picture costs no calls:
// `.dwtasks/history/<endpoint hash>/<project>-<env>.json`, per business date the task ids read, the
// instances found and when they were read. Shared by the CLI and the editor (an adapter, not core:
// it writes files). Only what a load picture needs of each instance is kept, one row (a JSON array)
// per instance with the resource group as an index into the day's list: a day of a 4,000-task
// project (35,000 runs) takes about 5 MB instead of 15.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FINAL_STATUSES } from '../core/history/instance-times';
import type { EnvType } from '../core/patch/model';
import type { TaskInstance } from './types';

export const HISTORY_CACHE_VERSION = 2;

/** What one business date's read found. */
export interface CachedDay {
  /** Epoch ms of the read (its first call). */
  readAt: number;
  /** The task ids whose instances this day holds (all of them, even those with none). */
  taskIds: string[];
  instances: TaskInstance[];
}

export interface HistoryCacheFile {
  version: typeof HISTORY_CACHE_VERSION;
  endpoint: string;
  projectId: string;
  env: EnvType;
  /** Keyed by Bizdate (epoch ms, as text). */
  days: Record<string, CachedDay>;
}

/** A day as the file holds it: `rows` in the order of ROW_FIELDS, `group` an index into `groups` (-1: none). */
interface StoredDay {
  readAt: number;
  taskIds: string[];
  groups: string[];
  rows: (string | number | null)[][];
}

const ROW_FIELDS = ['Id', 'TaskId', 'Status', 'Bizdate', 'TriggerTime', 'WaitingTriggerTime', 'WaitingResourceTime', 'StartedTime', 'FinishedTime',
  'group', 'Cu', 'RunNumber', 'PeriodNumber', 'TriggerRecurrence', 'WorkflowInstanceType'] as const;

/** `<workspace>/.dwtasks/history/<sha256(endpoint), 12 hex>/<project>-<env>.json` */
export function historyCachePath(workspaceDir: string, endpoint: string, projectId: string, env: EnvType): string {
  const hash = createHash('sha256').update(endpoint).digest('hex').slice(0, 12);
  return join(workspaceDir, '.dwtasks', 'history', hash, `${projectId}-${env}.json`);
}

/** The cache at `path`; an empty one when there is none, or it is unreadable or of another version (it is only a cache). */
export function readHistoryCache(path: string, endpoint: string, projectId: string, env: EnvType): HistoryCacheFile {
  const empty: HistoryCacheFile = { version: HISTORY_CACHE_VERSION, endpoint, projectId, env, days: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return empty;
  }
  const f = parsed as { version?: unknown; endpoint?: unknown; projectId?: unknown; env?: unknown; days?: unknown } | null;
  if (!f || f.version !== HISTORY_CACHE_VERSION || f.endpoint !== endpoint || f.projectId !== projectId || f.env !== env || typeof f.days !== 'object' || f.days === null) return empty;
  try {
    for (const [bizdate, day] of Object.entries(f.days as Record<string, StoredDay>)) empty.days[bizdate] = fromStored(day);
  } catch {
    return { ...empty, days: {} };
  }
  return empty;
}

/** Replaces the cache atomically (temp file + rename). */
export function writeHistoryCache(path: string, file: HistoryCacheFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const days: Record<string, StoredDay> = {};
  for (const [bizdate, day] of Object.entries(file.days)) days[bizdate] = toStored(day);
  writeFileSync(tmp, JSON.stringify({ ...file, days }));
  renameSync(tmp, path);
}

function toStored(day: CachedDay): StoredDay {
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  const rows = day.instances.map((i) => ROW_FIELDS.map((f) => {
    if (f === 'Cu') return i.RuntimeResource?.Cu ?? null;
    if (f !== 'group') return i[f] ?? null;
    const g = i.RuntimeResource?.ResourceGroupId;
    if (g === undefined) return -1;
    let n = groupIndex.get(g);
    if (n === undefined) {
      n = groups.push(g) - 1;
      groupIndex.set(g, n);
    }
    return n;
  }));
  return { readAt: day.readAt, taskIds: day.taskIds, groups, rows };
}

function fromStored(day: StoredDay): CachedDay {
  if (typeof day.readAt !== 'number' || !Array.isArray(day.taskIds) || !Array.isArray(day.groups) || !Array.isArray(day.rows)) throw new TypeError('not a cached day');
  const instances = day.rows.map((row): TaskInstance => {
    const v = (f: (typeof ROW_FIELDS)[number]): string | number | null | undefined => row[ROW_FIELDS.indexOf(f)];
    const out: Record<string, unknown> = {};
    for (const f of ROW_FIELDS) {
      const x = v(f);
      if (f !== 'group' && f !== 'Cu' && x !== null && x !== undefined) out[f] = x;
    }
    const group = v('group');
    const cu = v('Cu');
    const rr: { ResourceGroupId?: string; Cu?: string } = {};
    if (typeof group === 'number' && group >= 0) rr.ResourceGroupId = day.groups[group];
    if (typeof cu === 'string') rr.Cu = cu;
    if (rr.ResourceGroupId !== undefined || rr.Cu !== undefined) out.RuntimeResource = rr;
    return out as unknown as TaskInstance;
  });
  return { readAt: day.readAt, taskIds: day.taskIds, instances };
}

/**
 * A cached day is final, and served without a call, when it was read after its run day ended and
 * none of its instances could still change (every one Success or Failure, or paused: NotRun after
 * its day). A day read while it ran is read again.
 */
export function isFinalDay(day: CachedDay, runDayEnd: number): boolean {
  return day.readAt >= runDayEnd && day.instances.every((i) => FINAL_STATUSES.includes(i.Status ?? '') || (i.Status === 'NotRun' && i.TriggerRecurrence === 'Pause'));
}

/** The fields a duration or load picture reads (the rest of an instance is not kept): what a cached read returns. */
export function trimInstance(i: TaskInstance): TaskInstance {
  return fromStored(toStored({ readAt: 0, taskIds: [], instances: [i] })).instances[0]!;
}
