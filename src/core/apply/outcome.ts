// Per-task results of an apply and how a whole-call failure maps onto them.
import type { EnvType } from '../patch/model';
import type { BatchUpdateResponse, ServiceErrorLike } from './service';
import { canonicalId } from './fields';
import type { PlannedTask } from './planned-task';
import { plural } from '../text/plural';

/**
 * succeeded: SuccessInfo said Success. failed: the service said no (SuccessInfo false, or the call was
 * certainly rejected before anything changed). unknown: the request may have reached the service but
 * we have no answer for this task. not-sent: never sent (cancelled or stopped before its chunk).
 */
export type TaskStatus = 'succeeded' | 'failed' | 'unknown' | 'not-sent';

export interface TaskOutcome {
  index: number;
  id: string;
  envType: EnvType;
  status: TaskStatus;
  message: string;
  requestId?: string;
  code?: string;
}

/** Results of one answered call. A task missing from SuccessInfo is unknown: the call went through but says nothing about it. */
export function outcomesFromResponse(tasks: PlannedTask[], res: BatchUpdateResponse): TaskOutcome[] {
  const info = new Map<string, { Success: boolean; Message?: string }>();
  for (const [k, v] of Object.entries(res.successInfo ?? {})) info.set(canonicalId(k), v);
  return tasks.map((t) => {
    const r = info.get(canonicalId(t.task.Id));
    const base = { index: t.index, id: t.task.Id, envType: t.env, requestId: res.requestId };
    if (!r) return { ...base, status: 'unknown', message: 'The service answered but SuccessInfo has no entry for this task.' };
    if (r.Success === true) return { ...base, status: 'succeeded', message: r.Message ?? '' };
    return { ...base, status: 'failed', message: r.Message || 'The service reported Success: false without a message.' };
  });
}

/**
 * Kinds of errors that prove the call changed nothing: the gateway or the service rejected the request
 * as a whole before applying it (bad credentials, a bad parameter, a missing resource, throttling or
 * quota). Everything else (5xx, a dropped connection, a timeout, an unreadable answer, an abort while
 * in flight) may have happened after the service applied some tasks: unknown.
 *
 * A caveat the client's retries add: a throttled/quota answer on the LAST attempt does not prove an
 * EARLIER attempt (e.g. one whose answer was dropped) did not apply. When the client reports more
 * than one attempt, only auth/parameter/notFound stay 'failed' (they would have failed every attempt
 * the same way, as the request was identical); throttled/quota after retries become unknown.
 */
export function chunkFailureStatus(err: ServiceErrorLike): 'failed' | 'unknown' {
  const kind = err.kind;
  if (kind === 'auth' || kind === 'parameter' || kind === 'notFound') return 'failed';
  if (kind === 'throttled' || kind === 'quota') return (err.attempts ?? 1) <= 1 ? 'failed' : 'unknown';
  return 'unknown';
}

/**
 * Errors after which every further call would fail the same way: stop the run, report the rest
 * not-sent. A timeout is one: a service that stops answering one call (after the client's retries)
 * would hold every later call just as long, and each would end unknown.
 */
export function isFatal(err: ServiceErrorLike): boolean {
  return err.kind === 'auth' || err.kind === 'quota' || err.kind === 'network' || err.kind === 'timeout';
}

/** The error a run reports when it stops: a timeout says the service stopped answering, not that it could not be reached. */
export function stopError(err: ServiceErrorLike, answeredCalls: number): ServiceErrorLike {
  if (err.kind !== 'timeout') return err;
  return { ...err, message: `The service stopped answering after ${plural(answeredCalls, 'call')} (${err.message}); nothing more was sent.` };
}

export function outcomesFromError(tasks: PlannedTask[], err: ServiceErrorLike): TaskOutcome[] {
  const status = chunkFailureStatus(err);
  const what = err.code ? `${err.code}: ${err.message}` : err.message;
  const message = status === 'unknown' ? `${what} (the call may have reached the service; re-applying the same file is safe)` : what;
  return tasks.map((t) => ({
    index: t.index, id: t.task.Id, envType: t.env, status, message, requestId: err.requestId, code: err.code,
  }));
}

export function notSent(tasks: PlannedTask[], why: string): TaskOutcome[] {
  return tasks.map((t) => ({ index: t.index, id: t.task.Id, envType: t.env, status: 'not-sent', message: why }));
}

export interface OutcomeCounts {
  succeeded: number;
  failed: number;
  unknown: number;
  notSent: number;
}

export function countOutcomes(results: Iterable<Pick<TaskOutcome, 'status'>>): OutcomeCounts {
  const c: OutcomeCounts = { succeeded: 0, failed: 0, unknown: 0, notSent: 0 };
  for (const r of results) {
    if (r.status === 'not-sent') c.notSent++;
    else c[r.status]++;
  }
  return c;
}

/** Normalizes whatever a call threw into the fields we journal and report. */
export function toServiceError(e: unknown): ServiceErrorLike {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const isAbort = o.name === 'AbortError';
    return {
      message: typeof o.message === 'string' ? o.message : String(e),
      code: typeof o.code === 'string' ? o.code : undefined,
      statusCode: typeof o.statusCode === 'number' ? o.statusCode : undefined,
      requestId: typeof o.requestId === 'string' ? o.requestId : undefined,
      retryable: typeof o.retryable === 'boolean' ? o.retryable : undefined,
      kind: isAbort ? 'cancelled' : (typeof o.kind === 'string' ? (o.kind as ServiceErrorLike['kind']) : undefined),
      attempts: typeof o.attempts === 'number' ? o.attempts : undefined,
    };
  }
  return { message: String(e) };
}
