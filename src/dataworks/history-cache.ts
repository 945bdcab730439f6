// The run history read so far, kept in the workspace so a second picture costs no calls:
// `.dwtasks/history/<endpoint hash>/<project>-<env>.json`, per business date the task ids read, the
// instances found and when they were read. Shared by the CLI and the editor (an adapter, not core:
// it writes files). Only what a load picture needs of each instance is kept.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FINAL_STATUSES } from '../core/history/instance-times';
import type { EnvType } from '../core/patch/model';
import type { TaskInstance } from './types';

export const HISTORY_CACHE_VERSION = 1;

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
  const f = parsed as Partial<HistoryCacheFile> | null;
  if (!f || f.version !== HISTORY_CACHE_VERSION || f.endpoint !== endpoint || f.projectId !== projectId || f.env !== env || typeof f.days !== 'object' || f.days === null) return empty;
  return f as HistoryCacheFile;
}

/** Replaces the cache atomically (temp file + rename). */
export function writeHistoryCache(path: string, file: HistoryCacheFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file));
  renameSync(tmp, path);
}

/**
 * A cached day is final, and served without a call, when it was read after its run day ended and
 * none of its instances could still change (every one Success or Failure, or paused: NotRun after
 * its day). A day read while it ran is read again.
 */
export function isFinalDay(day: CachedDay, runDayEnd: number): boolean {
  return day.readAt >= runDayEnd && day.instances.every((i) => FINAL_STATUSES.includes(i.Status ?? '') || (i.Status === 'NotRun' && i.TriggerRecurrence === 'Pause'));
}

/** The fields a duration or load picture reads; the rest of an instance is not kept. */
export function trimInstance(i: TaskInstance): TaskInstance {
  const out: TaskInstance = { Id: i.Id, TaskId: i.TaskId };
  for (const k of KEPT) if (i[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = i[k];
  if (i.RuntimeResource) out.RuntimeResource = { ResourceGroupId: i.RuntimeResource.ResourceGroupId, Cu: i.RuntimeResource.Cu };
  return out;
}

const KEPT = ['Bizdate', 'TriggerTime', 'WaitingTriggerTime', 'WaitingResourceTime', 'StartedTime', 'FinishedTime', 'Status',
  'WorkflowInstanceType', 'TriggerRecurrence', 'RunNumber', 'PeriodNumber'] as const;
