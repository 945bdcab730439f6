// What an instance's timestamps mean: the ONE place this assumption lives (docs/history.md repeats it
// for users). The official SDK (dataworks-public 2024-05-18, ListTaskInstances) names the fields but
// does not define the intervals; we read them as the order an instance goes through:
//
//   WaitingTriggerTime   the instance exists and waits for its scheduled time (and its upstreams)
//   TriggerTime          its scheduled time
//   WaitingResourceTime  it is ready to run and waits for a slot of its resource group
//   StartedTime          it runs (it holds RuntimeResource.Cu CUs of its group from here)
//   FinishedTime         it ended (Status Success or Failure)
//
// So: RUNNING = StartedTime .. FinishedTime; WAITING FOR RESOURCES = WaitingResourceTime .. StartedTime;
// waiting for its time = WaitingTriggerTime .. TriggerTime. All are epoch milliseconds.
// Unconfirmed by a live call: the emulator serves exactly this reading, and every picture says so.

/** Statuses as the SDK's model lists them. */
export const INSTANCE_STATUSES = ['NotRun', 'WaitTime', 'CheckingCondition', 'WaitResource', 'Running', 'Checking', 'Failure', 'Success'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** The statuses after which an instance's times no longer change. */
export const FINAL_STATUSES: readonly string[] = ['Success', 'Failure'];

/** The timestamps of an instance (the SDK's names), as far as a span needs them. */
export interface InstanceTimes {
  Status?: string;
  TriggerTime?: number;
  WaitingTriggerTime?: number;
  WaitingResourceTime?: number;
  StartedTime?: number;
  FinishedTime?: number;
}

export interface Span { from: number; to: number }

/** Shown wherever a duration or a load is drawn. */
export const TIMESTAMPS_ASSUMPTION = 'running = StartedTime..FinishedTime; waiting for resources = WaitingResourceTime..StartedTime (epoch ms, ListTaskInstances)';

/** When the instance held its CUs; undefined while it has not both started and finished. */
export function runningSpan(i: InstanceTimes): Span | undefined {
  return span(i.StartedTime, i.FinishedTime);
}

/** When the instance was ready but waited for its resource group; undefined when it never waited or has not started. */
export function waitingForResourcesSpan(i: InstanceTimes): Span | undefined {
  return span(i.WaitingResourceTime, i.StartedTime);
}

/** Seconds it ran; undefined without a running span. */
export function runSeconds(i: InstanceTimes): number | undefined {
  const s = runningSpan(i);
  return s && (s.to - s.from) / 1000;
}

function span(from: number | undefined, to: number | undefined): Span | undefined {
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to) || to < from) return undefined;
  return { from, to };
}
