// "Spread this peak" of the Load (CU) view: the patch's tasks of one resource group whose runs
// overlap the group's peak slot(s) get new start minutes so the group's peak CU drops. Greedy: the
// largest CU × duration first, each at the start (its current one, or the 5-minute grid across the
// window from the peak slot's start, no further than the window's length from where it starts) where
// the group's highest load is lowest. Every load is the
// picture's own (computeCapacity); the moves are written as Spread for starts writes them.
import { checkCron } from '../cron/index';
import type { ParsedPatch } from '../patch/parse';
import { isBaseline } from '../schedule/baseline';
import { PEAK_MINUTES } from '../schedule/peaks';
import { moveTo, retimeScope, retimedCron, type SpreadMove, type TextEdit } from '../schedule/spread';
import type { ScheduleTask } from '../schedule/tasks';
import { wallOf } from '../schedule/wall';
import type { ScheduleWindow } from '../schedule/window';
import { computeCapacity, type CapacityOptions, type CapacityTask } from './demand';

/** Why a task whose runs overlap the peak keeps its start. */
export type LoadKeptReason =
  | 'not-in-patch'
  | 'no-duration' // no successful run in the history read
  | 'no-cu'
  | 'sub-hourly' // fires more often than hourly, as Spread for starts leaves it
  | 'minute-not-single'
  | 'invalid-cron'
  | 'best-where-it-is' // no start in the window (within its reach) lowers the load it meets
  | 'peak-not-lowered'; // the moves together would not lower the peak: none is made

export interface LoadSpreadPlan {
  group: string;
  /** The group's peak before the moves, CUs, and the slots at it (indices into the window's slots). */
  peakBefore: number;
  peakSlots: number[];
  /** The group's peak with the moves, CUs: the same computation as the picture's. */
  peakAfter: number;
  /** The grid starts tried, minutes since midnight. */
  starts: number[];
  moves: SpreadMove[];
  kept: { id: string; patchIndex?: number; reason: LoadKeptReason }[];
  edits: TextEdit[];
}

type Options = Pick<CapacityOptions, 'weekdays' | 'durations' | 'capacities'>;

interface Movable {
  ct: CapacityTask & { cu: number };
  patchIndex: number;
  cron: string;
  scope: 'day' | 'hour';
}

/**
 * @param tasks every task of the side the spread edits (the patch's after side)
 * @param windowMinutes how far from the peak slot's start to try (clipped at midnight, as Spread for starts)
 */
export function planLoadSpread(patch: ParsedPatch, tasks: readonly ScheduleTask[], window: ScheduleWindow, opts: Options, group: string, windowMinutes: number): LoadSpreadPlan {
  const o: CapacityOptions = { ...opts, alsoGroups: [group] };
  const before = computeCapacity(tasks, window, o);
  const g = before.groups.find((x) => x.id === group);
  const plan: LoadSpreadPlan = { group, peakBefore: g?.peakCu ?? 0, peakSlots: [], peakAfter: g?.peakCu ?? 0, starts: [], moves: [], kept: [], edits: [] };
  if (!g || g.peakCu === 0) return plan;
  const slotMs = window.slotMinutes * 60_000;
  const fromMs = window.from * 1000;
  plan.peakSlots = [...g.slots.keys()].filter((i) => g.slots[i] === g.peakCu);
  const start = Math.floor(wallOf(fromMs + plan.peakSlots[0]! * slotMs, window.zone).minute / PEAK_MINUTES) * PEAK_MINUTES;
  const span = Math.max(PEAK_MINUTES, Math.min(windowMinutes, 1440 - start));
  plan.starts = Array.from({ length: Math.floor(span / PEAK_MINUTES) }, (_, i) => start + i * PEAK_MINUTES);

  // The group's tasks with a run covering a peak slot (a run of unknown length: its start).
  const overlaps = (ct: CapacityTask): boolean => {
    const dur = (ct.duration?.medianSec ?? 0) * 1000;
    return ct.fires.some((t) => plan.peakSlots.some((i) => {
      const a = fromMs + i * slotMs;
      return dur ? t < a + slotMs && t + dur > a : t >= a && t < a + slotMs;
    }));
  };
  const movable: Movable[] = [];
  for (const ct of before.tasks) {
    if (ct.group !== group || !overlaps(ct)) continue;
    const keep = (reason: LoadKeptReason): void => { plan.kept.push({ id: ct.task.id, ...(ct.task.patchIndex !== undefined ? { patchIndex: ct.task.patchIndex } : {}), reason }); };
    const scope = ct.task.cron === undefined ? undefined : retimeScope(ct.task.cron);
    if (ct.task.patchIndex === undefined) keep('not-in-patch');
    else if (isBaseline(ct.fires.length, window)) keep('sub-hourly');
    else if (!ct.duration) keep('no-duration');
    else if (!ct.cu) keep('no-cu');
    else if (!scope) keep('minute-not-single');
    else movable.push({ ct: ct as Movable['ct'], patchIndex: ct.task.patchIndex, cron: ct.task.cron!, scope });
  }
  if (!movable.length) return plan;

  const weight = (m: Movable): number => m.ct.cu * m.ct.duration!.medianSec;
  movable.sort((a, b) => weight(b) - weight(a) || a.patchIndex - b.patchIndex);
  const moving = new Set(movable.map((m) => m.ct.task));
  const load = Float64Array.from(groupSlots(tasks.filter((t) => !moving.has(t)), window, o, group));
  const crons = new Map<ScheduleTask, string>();
  for (const m of movable) {
    // A task moves by the window's length at most: a run at 23:50 that overlaps a 00:00 peak is not
    // sent to the morning of its own day.
    const f = m.cron.trim().split(/\s+/);
    const at = m.scope === 'day' ? Number(f[2]) * 60 + Number(f[1]) : Number(f[1]);
    const targets = (m.scope === 'day' ? plan.starts : plan.starts.filter((s) => Math.floor(s / 60) === Math.floor(start / 60)))
      .filter((s) => Math.abs((m.scope === 'day' ? s : s % 60) - at) <= windowMinutes);
    // The current start first: a tie keeps the task where it is.
    const options = [m.cron, ...targets.map((s) => retimedCron(m.cron, s)).filter((c) => checkCron(c).valid)];
    let best: { cron: string; slots: Float64Array; score: [number, number] } | undefined;
    for (const cron of new Set(options)) {
      const slots = groupSlots([{ ...m.ct.task, cron }], window, o, group);
      const score = placementScore(load, slots);
      if (!best || score[0] < best.score[0] || (score[0] === best.score[0] && score[1] < best.score[1])) best = { cron, slots, score };
    }
    for (let i = 0; i < load.length; i++) load[i] += best!.slots[i]!;
    crons.set(m.ct.task, best!.cron);
  }

  const after = tasks.map((t) => (crons.has(t) ? { ...t, cron: crons.get(t)! } : t));
  const peakAfter = computeCapacity(after, window, o).groups.find((x) => x.id === group)?.peakCu ?? 0;
  if (peakAfter >= plan.peakBefore) {
    for (const m of movable) plan.kept.push({ id: m.ct.task.id, patchIndex: m.patchIndex, reason: 'peak-not-lowered' });
    return plan;
  }
  plan.peakAfter = peakAfter;
  for (const m of [...movable].sort((a, b) => a.patchIndex - b.patchIndex)) {
    const target = crons.get(m.ct.task)!;
    const t = target.split(' ');
    const minute = Number(t[1]) + (m.scope === 'day' ? Number(t[2]) * 60 : 0);
    const r = target === m.cron ? undefined : moveTo(patch, { patchIndex: m.patchIndex, id: m.ct.task.id, cron: m.cron }, minute);
    if (!r || r.kind === 'same') plan.kept.push({ id: m.ct.task.id, patchIndex: m.patchIndex, reason: 'best-where-it-is' });
    else if (r.kind === 'invalid') plan.kept.push({ id: m.ct.task.id, patchIndex: m.patchIndex, reason: 'invalid-cron' });
    else { plan.moves.push(r.move); plan.edits.push(...r.edits); }
  }
  return plan;
}

/** The group's CUs per slot from these tasks alone. */
function groupSlots(tasks: readonly ScheduleTask[], window: ScheduleWindow, o: CapacityOptions, group: string): Float64Array {
  return computeCapacity(tasks, window, o).groups.find((x) => x.id === group)!.slots;
}

/** [highest load of the group, highest load in the slots the task runs in] with the task placed; lower is better. */
function placementScore(load: Float64Array, task: Float64Array): [number, number] {
  let all = 0;
  let own = 0;
  for (let i = 0; i < load.length; i++) {
    const v = Math.round((load[i]! + task[i]!) * 1e6) / 1e6;
    if (v > all) all = v;
    if (task[i]! > 0 && v > own) own = v;
  }
  return [all, own];
}
