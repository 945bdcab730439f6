// How many ListTaskInstances calls a history read takes, said before anything is sent: per business
// date and group of task ids, the runs the tasks' crons fire on that run day, read in pages. The
// service may hold a few more (reruns, manual runs): the estimate is the floor the user is asked to
// allow, and the read reports the calls it really made.
import { compileCron, fireTimesBetween } from '../cron/enumerate';
import type { WeekdayNumbering } from '../cron/weekdays';
import { runDayOf } from './bizdate';

/** A task in view: its id, and its cron when it is scheduled (a manual task fires nothing). */
export interface HistoryTask {
  Id: string;
  Cron?: string;
}

export interface HistoryDayPlan {
  bizdate: number;
  /** Runs the crons fire on the run day (the tasks of every group). */
  instances: number;
  /** Calls: each group of ids takes at least one page (its first page tells its total). */
  calls: number;
}

export interface HistoryPlanOptions {
  zone: string;
  pageSize: number;
  /** Task ids sent per call (TaskIds); the tasks are read in groups of this many. */
  idsPerCall: number;
  weekdays?: WeekdayNumbering;
}

/** Items in the groups a read sends their ids in (TaskIds), in the order given. */
export function idGroups<T>(items: readonly T[], idsPerCall: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += idsPerCall) out.push(items.slice(i, i + idsPerCall));
  return out;
}

/** The calls to read `tasks`' runs on each of `bizdates`' run days. */
export function planHistoryDays(tasks: readonly HistoryTask[], bizdates: readonly number[], o: HistoryPlanOptions): HistoryDayPlan[] {
  const compiled = new Map<string, ReturnType<typeof compileCron> | null>();
  const compile = (cron: string): ReturnType<typeof compileCron> | null => {
    let c = compiled.get(cron);
    if (c === undefined) {
      try { c = compileCron(cron, { weekdays: o.weekdays ?? 'dataworks' }); } catch { c = null; }
      compiled.set(cron, c);
    }
    return c;
  };
  return bizdates.map((bizdate) => {
    const day = runDayOf(bizdate, o.zone);
    let instances = 0;
    let calls = 0;
    for (const group of idGroups(tasks, o.idsPerCall)) {
      let n = 0;
      for (const t of group) {
        const c = t.Cron ? compile(t.Cron) : null;
        if (!c) continue;
        const fires = fireTimesBetween(c, day.from, day.to, o.zone);
        while (!fires.next().done) n++;
      }
      instances += n;
      calls += Math.max(1, Math.ceil(n / o.pageSize));
    }
    return { bizdate, instances, calls };
  });
}
