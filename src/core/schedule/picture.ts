// The schedule picture: every fire time of many tasks in a window, counted per slot, overall and per
// resource group. Tasks sharing an expression share one enumeration, so 10,000 tasks cost as many
// enumerations as they have distinct crons. Counts are exact: each fire is one engine answer.
import { zoneOffsets } from '../cron/zone';
import { translate, type Locale } from '../text/l10n';
import { compileSchedule, type WeekdayNumbering } from './cron-source';
import type { FireRun } from './fire-runs';
import { findPeaks, type Peak } from './peaks';
import { NO_GROUP, type ScheduleTask } from './tasks';

export { NO_GROUP } from './tasks';
import type { ScheduleWindow } from './window';

/** What a task contributes: fires (scheduled), or 0 and why. */
export type TaskStatus = 'scheduled' | 'manual' | 'paused' | 'dryRun';

export interface TaskFires {
  task: ScheduleTask;
  status: TaskStatus;
  fires: number;
  /** Fire times in the window, epoch ms ascending (shared between tasks with the same cron: read only). */
  times: readonly number[];
}

export interface SkippedTask {
  task: ScheduleTask;
  reason: string;
}

export interface GroupSlots {
  /** `RuntimeResource.ResourceGroupId`, or NO_GROUP. */
  id: string;
  fires: number;
  tasks: number;
  slots: Int32Array;
}

export interface SchedulePicture extends ScheduleWindow {
  weekdays: WeekdayNumbering;
  /** Fires per slot; slot i starts at from + i * slotMinutes * 60. */
  slots: Int32Array;
  totalFires: number;
  /** Busiest first. */
  groups: GroupSlots[];
  tasks: TaskFires[];
  skipped: SkippedTask[];
  counts: Record<TaskStatus, number>;
  peaks: Peak[];
  /** Tasks with the same fire times on the same group, counted once with their number (for speed). */
  runs: FireRun[];
}

export interface PictureOptions {
  weekdays: WeekdayNumbering;
  /** How many peaks to name (default 5). */
  peaks?: number;
  /** The language of the skip reasons (default English). */
  locale?: Locale;
}

export function computePicture(tasks: readonly ScheduleTask[], window: ScheduleWindow, opts: PictureOptions): SchedulePicture {
  const fromMs = window.from * 1000;
  const toMs = window.to * 1000;
  const slotMs = window.slotMinutes * 60_000;
  const slotCount = Math.ceil((toMs - fromMs) / slotMs);
  const slots = new Int32Array(slotCount);
  const groups = new Map<string, GroupSlots>();
  const byExpr = new Map<string, { times: number[] } | { reason: string }>();
  const runs = new Map<readonly number[], Map<string, number>>();
  const out: TaskFires[] = [];
  const skipped: SkippedTask[] = [];
  const counts: Record<TaskStatus, number> = { scheduled: 0, manual: 0, paused: 0, dryRun: 0 };
  const zone = zoneOffsets(window.zone);
  const locale = opts.locale ?? 'en';
  let totalFires = 0;

  for (const task of tasks) {
    if (task.unreadable) { skipped.push({ task, reason: task.unreadable }); continue; }
    const zero = task.type === 'Manual' ? 'manual' : task.recurrence === 'Pause' ? 'paused' : task.recurrence === 'Skip' ? 'dryRun' : undefined;
    if (zero) {
      counts[zero]++;
      out.push({ task, status: zero, fires: 0, times: [] });
      continue;
    }
    if (task.cron === undefined) {
      skipped.push({ task, reason: translate(locale, 'no Trigger.Cron in the patch, and its current one was not read (no connection)') });
      continue;
    }
    let entry = byExpr.get(task.cron);
    if (!entry) {
      const c = compileSchedule(task.cron, window.zone, opts.weekdays, locale);
      entry = c.ok ? { times: c.schedule.fireTimes(fromMs, toMs) } : { reason: translate(locale, 'Trigger.Cron "{0}" is not a valid DataWorks cron: {1}', [task.cron, c.reason]) };
      byExpr.set(task.cron, entry);
    }
    if ('reason' in entry) { skipped.push({ task, reason: entry.reason }); continue; }
    const times = withinPeriod(entry.times, task, zone);
    const gid = task.resourceGroupId || NO_GROUP;
    let perGroup = runs.get(times);
    if (!perGroup) { perGroup = new Map(); runs.set(times, perGroup); }
    perGroup.set(gid, (perGroup.get(gid) ?? 0) + 1);
    let g = groups.get(gid);
    if (!g) { g = { id: gid, fires: 0, tasks: 0, slots: new Int32Array(slotCount) }; groups.set(gid, g); }
    g.fires += times.length;
    g.tasks++;
    totalFires += times.length;
    counts.scheduled++;
    out.push({ task, status: 'scheduled', fires: times.length, times });
  }
  // Count each distinct (fire times, group) once, times its number of tasks.
  const fireRuns: FireRun[] = [];
  for (const [times, perGroup] of runs) {
    for (const [gid, n] of perGroup) {
      fireRuns.push({ times, group: gid, tasks: n });
      const gs = groups.get(gid)!.slots;
      for (let i = 0; i < times.length; i++) {
        const s = Math.floor((times[i] - fromMs) / slotMs);
        slots[s] += n;
        gs[s] += n;
      }
    }
  }
  const sortedGroups = [...groups.values()].sort((a, b) => b.fires - a.fires || (a.id < b.id ? -1 : 1));
  const picture: SchedulePicture = {
    ...window, weekdays: opts.weekdays, slots, totalFires, groups: sortedGroups, tasks: out, skipped, counts, peaks: [], runs: fireRuns,
  };
  picture.peaks = findPeaks(picture, opts.peaks ?? 5);
  return picture;
}

/** Fire times inside the task's effective period (Trigger.StartTime / EndTime, wall clock in the zone). */
function withinPeriod(times: number[], task: ScheduleTask, zone: ReturnType<typeof zoneOffsets>): readonly number[] {
  if (times.length === 0) return times;
  const start = task.startTime ? wallTime(task.startTime, zone) : undefined;
  const end = task.endTime ? wallTime(task.endTime, zone) : undefined;
  if ((start === undefined || times.length === 0 || times[0] >= start) && (end === undefined || times.length === 0 || times[times.length - 1] <= end)) return times;
  return times.filter((t) => (start === undefined || t >= start) && (end === undefined || t <= end));
}

const wallTimes = new Map<string, number | undefined>();

function wallTime(text: string, zone: ReturnType<typeof zoneOffsets>): number | undefined {
  const key = `${zone.timeZone}|${text}`;
  if (wallTimes.has(key)) return wallTimes.get(key);
  if (wallTimes.size > 10_000) wallTimes.clear();
  const v = parseWallTime(text, zone);
  wallTimes.set(key, v);
  return v;
}

function parseWallTime(text: string, zone: ReturnType<typeof zoneOffsets>): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return zone.wallToUtc(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/** The tasks that fire in [fromMs, toMs), with how often, busiest first then in input order. */
export function tasksFiringIn(picture: SchedulePicture, fromMs: number, toMs: number): { entry: TaskFires; fires: number }[] {
  const hits: { entry: TaskFires; fires: number; order: number }[] = [];
  picture.tasks.forEach((entry, order) => {
    const n = countIn(entry.times, fromMs, toMs);
    if (n) hits.push({ entry, fires: n, order });
  });
  return hits.sort((a, b) => b.fires - a.fires || a.order - b.order).map(({ entry, fires }) => ({ entry, fires }));
}

/** How many of the sorted `times` lie in [lo, hi). */
export function countIn(times: readonly number[], lo: number, hi: number): number {
  return lowerBound(times, hi) - lowerBound(times, lo);
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
