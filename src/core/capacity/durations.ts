// How long a task runs, from its past runs: the median and the 90th percentile of its successful
// runs' running time (core/history/instance-times.ts says which timestamps mark running). A task
// without a successful run gets no duration, never a guess.
import { runningSpan, type InstanceTimes } from '../history/instance-times';

/** One past run of a task: its instance's status and timestamps under the SDK's names. */
export interface RunRecord extends InstanceTimes {
  TaskId: string;
}

export interface TaskDuration {
  /** Median running time of the successful runs, seconds. */
  medianSec: number;
  /** 90th percentile (nearest rank), seconds. */
  p90Sec: number;
  /** How many successful runs it is measured over. */
  runs: number;
}

/** Running time in ms of a finished successful run; undefined otherwise. */
export function successMs(r: InstanceTimes): number | undefined {
  if (r.Status !== 'Success') return undefined;
  const s = runningSpan(r);
  return s && s.to - s.from;
}

/** Median (the mean of the two middle values for an even count) and nearest-rank p90 of the running times. */
export function durationOf(runs: Iterable<InstanceTimes>): TaskDuration | undefined {
  const ms: number[] = [];
  for (const r of runs) {
    const d = successMs(r);
    if (d !== undefined) ms.push(d);
  }
  if (ms.length === 0) return undefined;
  ms.sort((a, b) => a - b);
  const n = ms.length;
  const median = n % 2 === 1 ? ms[(n - 1) / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  const p90 = ms[Math.ceil(0.9 * n) - 1];
  return { medianSec: median / 1000, p90Sec: p90 / 1000, runs: n };
}

/** Durations of every task with at least one successful run, by task id. */
export function durationsByTask(runs: Iterable<RunRecord>): Map<string, TaskDuration> {
  const byTask = new Map<string, RunRecord[]>();
  for (const r of runs) {
    let list = byTask.get(r.TaskId);
    if (!list) { list = []; byTask.set(r.TaskId, list); }
    list.push(r);
  }
  const out = new Map<string, TaskDuration>();
  for (const [id, list] of byTask) {
    const d = durationOf(list);
    if (d) out.set(id, d);
  }
  return out;
}
