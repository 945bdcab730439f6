// What a capacity picture reads, shared by `dwtasks capacity` and the editor's Load view: the
// history scope of the tasks in view, the groups' capacities from their specs, and the pictures
// before and after a patch over the same groups.
import type { RateLimiter } from '../core/apply/rate-limit';
import { computeCapacity, specCapacity, type CapacityPicture, type GroupCapacity, type TaskDuration } from '../core/capacity/index';
import type { WeekdayNumbering } from '../core/cron/weekdays';
import type { HistoryTask } from '../core/history/plan';
import type { ScheduleTask } from '../core/schedule/tasks';
import type { ScheduleWindow } from '../core/schedule/window';
import type { DataWorksClient } from './client';
import { pages } from './paging';

/** Past run days whose durations a picture reads unless told otherwise. */
export const DEFAULT_HISTORY_DAYS = 7;

/** The tasks whose runs are read: every one by id; a cron (not Manual) estimates its instances a day. */
export function historyTasks(tasks: readonly ScheduleTask[]): HistoryTask[] {
  return tasks.map((t) => ({ Id: t.id, ...(t.cron !== undefined && t.type !== 'Manual' ? { Cron: t.cron } : {}) }));
}

/** CUs per group of the project whose ListResourceGroups spec states them (every page). */
export async function groupSpecs(client: Pick<DataWorksClient, 'listResourceGroups'>, projectId: string, limiter: RateLimiter, signal?: AbortSignal): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const page of pages((n) => limiter.acquire(signal).then(() => client.listResourceGroups({ ProjectId: projectId, ResourceGroupTypes: ['CommonV2', 'ExclusiveScheduler'], PageNumber: n, PageSize: 100 })))) {
    for (const g of page.items) {
      const cu = specCapacity(g.Spec);
      if (cu !== undefined) out.set(g.Id, cu);
    }
  }
  return out;
}

/** The user's capacities over the specs': what the user says wins. */
export function mergeCapacities(specs: ReadonlyMap<string, number>, user: ReadonlyMap<string, GroupCapacity>): Map<string, GroupCapacity> {
  const out = new Map(user);
  for (const [id, cu] of specs) if (!out.has(id)) out.set(id, { cu, source: 'spec' });
  return out;
}

export interface CapacitySidesOptions {
  weekdays: WeekdayNumbering;
  durations: ReadonlyMap<string, TaskDuration>;
  capacities: ReadonlyMap<string, GroupCapacity>;
}

/** One picture per side (before, after), each listing the groups of both so they compare. */
export function capacitySides(sides: readonly (readonly ScheduleTask[])[], window: ScheduleWindow, o: CapacitySidesOptions): CapacityPicture[] {
  const alsoGroups = sides.flatMap((ts) => ts.map((t) => t.resourceGroupId ?? '').filter(Boolean));
  return sides.map((ts) => computeCapacity(ts, window, { ...o, alsoGroups }));
}
