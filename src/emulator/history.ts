// The emulator's run history, as ListTaskInstances models it: one instance per fire time of every
// scheduled task, for any business date up to today. Nothing is stored: each run is derived from
// the seed and the task as it is now (its cron, group, CU, recurrence, validity window), so a
// 10,000-task project over weeks costs no state file space, and the same question always gets the
// same answer. The timestamps follow the reading stated in core/history/instance-times.ts.
//
// Durations per task come from a stable seeded draw: most tasks short (30 s to 5 min), some medium
// (5 to 30 min), a few long (30 min to 3 h), each run within ±20 % of its task's typical time; most
// tasks fail about 1 run in 100, a few 1 in 10 or 1 in 2 (a failed run stops part way). Runs that
// fire between 00:00 and 03:00 (the nightly batch) wait for resources often, other runs seldom.
import { compileCron, fireTimesBetween, type CompiledCron } from '../core/cron/enumerate';
import { zoneOffsets } from '../core/cron/zone';
import { runDayOf, startOfWallDay, wallDayOf } from '../core/history/bizdate';
import type { EnvType } from '../core/patch/model';
import { compareIds } from './actions/list-tasks';
import { Random } from './random';
import { RevisionCache } from './revision';
import type { EmulatorState, TaskRecord } from './state';

/** The workspace zone of the emulated region (cn-hangzhou): Bizdates and run days are its wall-clock days. */
export const HISTORY_ZONE = 'Asia/Shanghai';

export interface InstanceRun {
  /** Instance id digits: trigger second, environment and task index (unique, stable). */
  id: string;
  task: TaskRecord;
  bizdate: number;
  /** 1-based: which of the task's runs of its run day. */
  periodNumber: number;
  /** When the instance was made and began waiting for its time (the start of its run day). */
  createdAt: number;
  triggerTime: number;
  waitingResourceTime: number;
  startedTime: number;
  finishedTime: number;
  outcome: 'Success' | 'Failure';
}

/** What a run looks like at `now`: its status and the timestamps reached by then. */
export interface InstanceState {
  Status: 'NotRun' | 'WaitTime' | 'WaitResource' | 'Running' | 'Success' | 'Failure';
  WaitingResourceTime?: number;
  StartedTime?: number;
  FinishedTime?: number;
  /** The last change (ModifyTime). */
  modifiedAt: number;
}

export function stateAt(run: InstanceRun, now: number): InstanceState {
  if (run.task.Trigger.Recurrence === 'Pause') return { Status: 'NotRun', modifiedAt: run.createdAt };
  if (now < run.triggerTime) return { Status: 'WaitTime', modifiedAt: run.createdAt };
  if (now < run.startedTime) return { Status: 'WaitResource', WaitingResourceTime: run.waitingResourceTime, modifiedAt: run.waitingResourceTime };
  const started = { WaitingResourceTime: run.waitingResourceTime, StartedTime: run.startedTime };
  if (now < run.finishedTime) return { Status: 'Running', ...started, modifiedAt: run.startedTime };
  return { Status: run.outcome, ...started, FinishedTime: run.finishedTime, modifiedAt: run.finishedTime };
}

/**
 * Every run of the project's scheduled tasks in `env` on the run day of `bizdate` that exists at
 * `now` (a run day that has not begun has none yet), in instance id order. Cached per task revision.
 */
export function runsOf(state: EmulatorState, env: EnvType, projectId: string, bizdate: number, now: number): InstanceRun[] {
  const day = runDayOf(bizdate, HISTORY_ZONE);
  if (day.from > now) return [];
  return runCache.get(state, `${env}:${projectId}:${day.from}`, () =>
    makeRuns(state, env, projectId, startOfWallDay(wallDayOf(bizdate, HISTORY_ZONE), HISTORY_ZONE), day.from, day.to));
}

const runCache = new RevisionCache<InstanceRun[]>();

function makeRuns(state: EmulatorState, env: EnvType, projectId: string, bizdate: number, from: number, to: number): InstanceRun[] {
  const tasks = state.tasks[env];
  const index = taskIndex(tasks);
  const runs: InstanceRun[] = [];
  for (const task of Object.values(tasks)) {
    if (task.ProjectId !== projectId || task.Trigger.Type !== 'Scheduler' || !task.Trigger.Cron) continue;
    const compiled = compiledCron(task.Trigger.Cron);
    if (!compiled) continue;
    // T+1: instances from the day after the task was created; Immediately: from its creation on.
    const firstAllowed = task.InstanceMode === 'T+1' ? startOfWallDay(wallDayOf(task.CreateTime, HISTORY_ZONE) + 1, HISTORY_ZONE) : task.CreateTime;
    const lo = Math.max(from, firstAllowed, wallTime(task.Trigger.StartTime, -Infinity));
    const hi = Math.min(to, wallTime(task.Trigger.EndTime, Infinity) + 1);
    if (lo >= hi) continue;
    const profile = profileOf(state.seed, task);
    let period = 0;
    for (const t of fireTimesBetween(compiled, from, hi, HISTORY_ZONE)) {
      period++;
      if (t < lo) continue;
      runs.push(makeRun(state.seed, task, profile, { bizdate, createdAt: from, triggerTime: t, periodNumber: period, envDigit: env === 'Prod' ? 1 : 2, taskIndex: index.get(task.Id)! }));
    }
  }
  runs.sort((a, b) => compareIds(a.id, b.id));
  return runs;
}

interface Profile { typicalSec: number; failRate: number }

/** A task's typical run time and failure rate: the same for the same seed and task id, whatever else changes. */
function profileOf(seed: number, task: TaskRecord): Profile {
  const r = new Random(hash(`${seed}:profile:${task.Id}`));
  const [lo, hi] = r.weighted([[[30, 300], 70], [[300, 1800], 22], [[1800, 10_800], 8]] as const);
  const typicalSec = Math.round(lo * Math.pow(hi / lo, r.next()));
  const failRate = r.weighted([[0.01, 85], [0.1, 12], [0.5, 3]] as const);
  return { typicalSec, failRate };
}

interface RunKey { bizdate: number; createdAt: number; triggerTime: number; periodNumber: number; envDigit: number; taskIndex: number }

function makeRun(seed: number, task: TaskRecord, p: Profile, k: RunKey): InstanceRun {
  const r = new Random(hash(`${seed}:run:${task.Id}:${k.triggerTime}`));
  const id = (BigInt(Math.floor(k.triggerTime / 1000)) * 10_000_000n + BigInt(k.envDigit * 1_000_000 + k.taskIndex)).toString();
  const base = { id, task, bizdate: k.bizdate, periodNumber: k.periodNumber, createdAt: k.createdAt, triggerTime: k.triggerTime, waitingResourceTime: k.triggerTime };
  // A dry run (Skip) succeeds at once without taking resources.
  if (task.Trigger.Recurrence === 'Skip') return { ...base, startedTime: k.triggerTime, finishedTime: k.triggerTime, outcome: 'Success' };
  const hour = new Date(k.triggerTime + zoneOffsets(HISTORY_ZONE).offsetAt(k.triggerTime)).getUTCHours();
  const waits = r.chance(hour < 3 ? 0.35 : 0.05);
  const waitMs = waits ? Math.round(10_000 * Math.pow(120, r.next())) : r.int(200, 3000);
  const failed = r.chance(p.failRate);
  const runMs = Math.round(p.typicalSec * 1000 * (0.8 + 0.4 * r.next()) * (failed ? 0.1 + 0.8 * r.next() : 1));
  const startedTime = k.triggerTime + waitMs;
  return { ...base, startedTime, finishedTime: startedTime + runMs, outcome: failed ? 'Failure' : 'Success' };
}

/** Each environment's task ids in Id order -> position (< 1,000,000): part of the instance id. The set of tasks never changes after load. */
const indexes = new WeakMap<Record<string, TaskRecord>, Map<string, number>>();

function taskIndex(tasks: Record<string, TaskRecord>): Map<string, number> {
  let index = indexes.get(tasks);
  if (!index) {
    index = new Map(Object.keys(tasks).sort(compareIds).map((id, i) => [id, i]));
    indexes.set(tasks, index);
  }
  return index;
}

const crons = new Map<string, CompiledCron | null>();

function compiledCron(expr: string): CompiledCron | null {
  let c = crons.get(expr);
  if (c === undefined) {
    try {
      c = compileCron(expr, { weekdays: 'dataworks' });
    } catch {
      c = null;
    }
    if (crons.size > 10_000) crons.clear();
    crons.set(expr, c);
  }
  return c;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A trigger's `yyyy-mm-dd hh:mm:ss` as an instant in the workspace zone; far or unreadable dates are the open end. */
function wallTime(text: string, open: number): number {
  const m = TIME.exec(text);
  if (!m) return open;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  if (y >= 2200 || y <= 1970) return open;
  return zoneOffsets(HISTORY_ZONE).wallToUtc(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** FNV-1a, 32 bits: a stable seed from text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
