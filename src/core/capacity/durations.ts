// How long a task runs, from its past runs: the median and the 90th percentile of its successful
// runs' running time. A task without a successful run gets no duration (never a guess).

/** One past run of a task, as much of a task instance as the durations need. */
export interface RunRecord {
  taskId: string;
  /** The instance's `Status` (NotRun, WaitTime, CheckingCondition, WaitResource, Running, Checking, Failure, Success). */
  status: string;
  /** Epoch ms. */
  startedMs?: number;
  finishedMs?: number;
}

/**
 * The one assumption about which timestamps mark running (shown in every capacity output): a run
 * holds its CUs from `StartedTime` to `FinishedTime`; the time before `StartedTime`
 * (`WaitingTriggerTime`, `WaitingResourceTime`) holds none.
 */
export const RUNNING_TIME_ASSUMPTION = 'running time = FinishedTime - StartedTime of runs with Status Success (waiting for a trigger or for resources, before StartedTime, holds no CUs)';

export interface TaskDuration {
  /** Median running time of the successful runs, seconds. */
  medianSec: number;
  /** 90th percentile (nearest rank), seconds. */
  p90Sec: number;
  /** How many successful runs it is measured over. */
  runs: number;
}

/** The running time of a run in ms, or undefined when it is not a finished successful run. */
export function runningMs(r: RunRecord): number | undefined {
  if (r.status !== 'Success' || r.startedMs === undefined || r.finishedMs === undefined) return undefined;
  const d = r.finishedMs - r.startedMs;
  return Number.isFinite(d) && d >= 0 ? d : undefined;
}

/** Median (the mean of the two middle values for an even count) and nearest-rank p90 of the running times. */
export function durationOf(runs: Iterable<RunRecord>): TaskDuration | undefined {
  const ms: number[] = [];
  for (const r of runs) {
    const d = runningMs(r);
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
    let list = byTask.get(r.taskId);
    if (!list) { list = []; byTask.set(r.taskId, list); }
    list.push(r);
  }
  const out = new Map<string, TaskDuration>();
  for (const [id, list] of byTask) {
    const d = durationOf(list);
    if (d) out.set(id, d);
  }
  return out;
}
