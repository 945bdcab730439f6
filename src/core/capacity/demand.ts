// Demand per resource group and slot: the sum over the group's tasks and their fire times of the
// task's CU times the seconds its run (median duration) spends inside the slot, divided by the
// slot's seconds, i.e. the average CUs in use. Fire times come from the schedule picture's own
// enumeration; a run that started before the window and runs into it counts too.
import { computePicture, countIn, NO_GROUP, type SkippedTask, type TaskStatus } from '../schedule/picture';
import { isBaseline } from '../schedule/baseline';
import type { WeekdayNumbering } from '../schedule/cron-source';
import type { ScheduleTask } from '../schedule/tasks';
import type { ScheduleWindow } from '../schedule/window';
import type { TaskDuration } from './durations';

export interface GroupCapacity {
  cu: number;
  /** Where it came from: the group's spec as the service states it, or the user (--capacity, a setting). */
  source: 'spec' | 'user';
}

export interface CapacityOptions {
  weekdays: WeekdayNumbering;
  /** Duration per task id; a task missing here fires without a known load. */
  durations: ReadonlyMap<string, TaskDuration>;
  /** Capacity per resource group id. */
  capacities?: ReadonlyMap<string, GroupCapacity>;
  /** Groups to show even without load (the other side of a patch's), so before and after list the same. */
  alsoGroups?: Iterable<string>;
}

export interface CapacityTask {
  task: ScheduleTask;
  group: string;
  /** `RuntimeResource.Cu` as a number; undefined when the task has none (or not a number). */
  cu?: number;
  duration?: TaskDuration;
  status: TaskStatus;
  /** Fire times in the window, epoch ms ascending. */
  fires: readonly number[];
}

export interface GroupLoad {
  id: string;
  capacity?: GroupCapacity;
  /** Average CUs in use per slot; slot i starts at from + i * slotMinutes * 60. */
  slots: Float64Array;
  peakCu: number;
  /** Start of the first slot at the peak, epoch seconds (`from` when the group has no load). */
  peakAt: number;
  /**
   * The part of `slots` from tasks firing more often than hourly: a steady baseline the picture can
   * hide so the nightly batch stands out.
   */
  baseline: Float64Array;
  /** Indices of the slots above capacity, ascending (empty without a capacity). */
  over: number[];
  /** Tasks of the group that add load. */
  tasks: number;
}

export interface CapacityPicture extends ScheduleWindow {
  weekdays: WeekdayNumbering;
  /** Highest peak first. */
  groups: GroupLoad[];
  tasks: CapacityTask[];
  /** Tasks firing in the window without a duration (no successful run in the history read). */
  withoutHistory: CapacityTask[];
  /** Tasks firing in the window without a CU. */
  withoutCu: CapacityTask[];
  /** Tasks whose fire times are not known (invalid cron, unreadable). */
  skipped: SkippedTask[];
}

export function computeCapacity(tasks: readonly ScheduleTask[], window: ScheduleWindow, opts: CapacityOptions): CapacityPicture {
  const fromMs = window.from * 1000;
  const toMs = window.to * 1000;
  const slotMs = window.slotMinutes * 60_000;
  const slotCount = Math.ceil((toMs - fromMs) / slotMs);
  // Enumerate from far enough back that the longest run started before the window is seen.
  let longestMs = 0;
  for (const t of tasks) longestMs = Math.max(longestMs, (opts.durations.get(t.id)?.medianSec ?? 0) * 1000);
  const lookback = Math.ceil(longestMs / slotMs) * slotMs;
  const picture = computePicture(tasks, { ...window, from: (fromMs - lookback) / 1000 }, { weekdays: opts.weekdays, peaks: 0 });

  const loads = new Map<string, GroupSums>();
  const out: CapacityTask[] = [];
  // Tasks sharing a cron share their fire times: cut each list to the window once.
  const cut = new Map<readonly number[], readonly number[]>();
  const inWindow = (times: readonly number[]): readonly number[] => {
    let c = cut.get(times);
    if (!c) { c = times.slice(times.length - countIn(times, fromMs, Infinity)); cut.set(times, c); }
    return c;
  };
  const withoutHistory: CapacityTask[] = [];
  const withoutCu: CapacityTask[] = [];
  for (const entry of picture.tasks) {
    const group = entry.task.resourceGroupId || NO_GROUP;
    const cu = cuOf(entry.task.cu);
    const duration = opts.durations.get(entry.task.id);
    const fires = lookback ? inWindow(entry.times) : entry.times;
    const ct: CapacityTask = { task: entry.task, group, status: entry.status, fires, ...(cu !== undefined ? { cu } : {}), ...(duration ? { duration } : {}) };
    out.push(ct);
    if (entry.times.length === 0) continue;
    if (fires.length && !duration) withoutHistory.push(ct);
    if (fires.length && cu === undefined) withoutCu.push(ct);
    if (!duration || cu === undefined || cu === 0) continue;
    let load = loads.get(group);
    if (!load) { load = groupSums(slotCount); loads.set(group, load); }
    load.tasks++;
    addRuns(load.all, entry.times, duration.medianSec * 1000, cu, fromMs, toMs, slotMs);
    if (isBaseline(fires.length, window)) addRuns(load.base, entry.times, duration.medianSec * 1000, cu, fromMs, toMs, slotMs);
  }

  const groups: GroupLoad[] = [];
  for (const [id, load] of loads) groups.push(finish(id, load, opts.capacities?.get(id), window, slotMs));
  // Groups with a capacity or asked for still show without load (a patch's target group before it).
  const idle = new Set([...(opts.capacities?.keys() ?? []), ...(opts.alsoGroups ?? [])]);
  for (const id of idle) {
    if (!loads.has(id)) groups.push(finish(id, groupSums(slotCount), opts.capacities?.get(id), window, slotMs));
  }
  groups.sort((a, b) => b.peakCu - a.peakCu || (a.id < b.id ? -1 : 1));
  return { ...window, weekdays: opts.weekdays, groups, tasks: out, withoutHistory, withoutCu, skipped: picture.skipped };
}

/** A CU as the service writes it ("0.25", "2"); anything else is no CU. */
export function cuOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** CU·ms in partial slots, plus +cu/-cu steps over whole slots (one prefix sum at the end). */
interface Sums { cuMs: Float64Array; full: Float64Array }
interface GroupSums { all: Sums; base: Sums; tasks: number }

function groupSums(n: number): GroupSums {
  const sums = (): Sums => ({ cuMs: new Float64Array(n), full: new Float64Array(n + 1) });
  return { all: sums(), base: sums(), tasks: 0 };
}

/**
 * Adds each run [t, t + durMs) clipped to the window: the partial first and last slots in CU·ms,
 * the whole slots between as steps, so a three-hour run costs the same as a one-minute one.
 */
function addRuns({ cuMs, full }: Sums, times: readonly number[], durMs: number, cu: number, fromMs: number, toMs: number, slotMs: number): void {
  for (let i = 0; i < times.length; i++) {
    const a = Math.max(times[i], fromMs);
    const b = Math.min(times[i] + durMs, toMs);
    if (a >= b) continue;
    const s0 = Math.floor((a - fromMs) / slotMs);
    const s1 = Math.floor((b - fromMs) / slotMs);
    if (s0 === s1) { cuMs[s0] += cu * (b - a); continue; }
    cuMs[s0] += cu * (fromMs + (s0 + 1) * slotMs - a);
    full[s0 + 1] += cu;
    full[s1] -= cu;
    if (s1 < cuMs.length) cuMs[s1] += cu * (b - (fromMs + s1 * slotMs));
  }
}

/** Average CUs per slot, rounded to a millionth: float parts must not make 4 CUs read 4.0000000001. */
function average({ cuMs, full }: Sums, slotMs: number): Float64Array {
  const slots = new Float64Array(cuMs.length);
  let running = 0;
  for (let i = 0; i < slots.length; i++) {
    running += full[i];
    slots[i] = Math.round((cuMs[i] / slotMs + running) * 1e6) / 1e6;
  }
  return slots;
}

function finish(id: string, load: GroupSums, capacity: GroupCapacity | undefined, window: ScheduleWindow, slotMs: number): GroupLoad {
  const slots = average(load.all, slotMs);
  let peakCu = 0;
  let peak = 0;
  const over: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] > peakCu) { peakCu = slots[i]; peak = i; }
    if (capacity && slots[i] > capacity.cu) over.push(i);
  }
  return {
    id, ...(capacity ? { capacity } : {}), slots, baseline: average(load.base, slotMs), peakCu,
    peakAt: window.from + peak * window.slotMinutes * 60, over, tasks: load.tasks,
  };
}

/** Start of the first slot above the group's capacity, epoch seconds. */
export function firstOver(g: GroupLoad, window: ScheduleWindow): number | undefined {
  return g.over.length ? window.from + g.over[0] * window.slotMinutes * 60 : undefined;
}
