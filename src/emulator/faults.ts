// Fault injection for tests and demos. Rate limits (qps, daily quota) act like the gateway's; the
// random faults are drawn from a seeded PRNG, one draw per admitted request, so a run is reproducible.
// Every random fault except dropAfterApply happens BEFORE the action runs: nothing is applied.
// dropAfterApply applies the action (and persists it) and then closes the connection unanswered:
// the realistic "lost response" case that leaves the caller not knowing the outcome.
import { ApiError } from './errors';
import { Random } from './random';
import type { QuotaCounter } from './state';

export interface FaultOptions {
  /** Added to every answer. */
  latencyMs?: number;
  /** Requests per second (sliding 1 s window); beyond it 429 Throttling.User. */
  qps?: number;
  /** Reads (List*, GetTask) per second, counted apart from writes as DataWorks' editions do (e.g. 50). */
  readQps?: number;
  /** Writes (BatchUpdateTasks) per second, counted apart from reads (e.g. 20). */
  writeQps?: number;
  /** Requests per UTC day; beyond it 429 Throttling.Resource. Counted in the state (survives restarts). */
  dailyQuota?: number;
  /** Tasks per BatchUpdateTasks call; beyond it 400 InvalidParameter. Default 100. */
  maxTasksPerCall?: number;
  /** Share of requests answered 500 InternalError.System. */
  errorRate?: number;
  /** Share answered 429 Throttling.Api. */
  throttleRate?: number;
  /** Share whose connection is closed without an answer, before the action runs. */
  dropRate?: number;
  /** Share whose connection is closed without an answer AFTER the action ran and was persisted. */
  dropAfterApplyRate?: number;
  /** Share held for slowMs before they run; if the caller gave up meanwhile, the action never runs. */
  slowRate?: number;
  /** Delay of slow requests. Default 30000. */
  slowMs?: number;
  /** Seed of the fault PRNG. Default 1. */
  seed?: number;
  /**
   * BatchUpdateTasks calls after the first N are held until their caller gives up (or the emulator
   * closes) and never run: a run is still sending, for as long as a test needs, without timing.
   */
  stallWritesAfter?: number;
  /** The Message of the injected error answers (errorRate), e.g. one with control characters. */
  errorMessage?: string;
  /** Status and Code of the injected error answers instead of 500 InternalError.System (e.g. 403 Forbidden.RAM). */
  errorStatus?: number;
  errorCode?: string;
  /** Injected 500 answers also quote the request's headers in their Message, as a careless gateway does. */
  echoHeaders?: boolean;
}

export const DEFAULT_MAX_TASKS_PER_CALL = 100;
export const DEFAULT_SLOW_MS = 30_000;

export type RandomFault = 'error' | 'throttle' | 'drop' | 'dropAfterApply' | 'slow' | undefined;

const RATES = ['errorRate', 'throttleRate', 'dropRate', 'dropAfterApplyRate', 'slowRate'] as const;

/** Throws an Error naming the option when a value is out of range. */
export function validateFaults(f: FaultOptions): void {
  const nonNegative = (name: keyof FaultOptions, integer: boolean): void => {
    const v = f[name];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
      throw new Error(`fault option ${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${String(v)}`);
    }
  };
  nonNegative('latencyMs', false);
  nonNegative('slowMs', false);
  nonNegative('dailyQuota', true);
  nonNegative('seed', true);
  nonNegative('stallWritesAfter', true);
  for (const name of ['errorMessage', 'errorCode'] as const) {
    if (f[name] !== undefined && typeof f[name] !== 'string') throw new Error(`fault option ${name} must be a string`);
  }
  if (f.errorStatus !== undefined && !(Number.isInteger(f.errorStatus) && f.errorStatus >= 400 && f.errorStatus <= 599)) {
    throw new Error(`fault option errorStatus must be an HTTP error status (400-599), got ${String(f.errorStatus)}`);
  }
  for (const name of ['qps', 'readQps', 'writeQps'] as const) {
    const v = f[name];
    if (v !== undefined && !(v > 0)) throw new Error(`fault option ${name} must be greater than 0, got ${v}`);
  }
  if (f.maxTasksPerCall !== undefined && !(Number.isInteger(f.maxTasksPerCall) && f.maxTasksPerCall >= 1)) {
    throw new Error(`fault option maxTasksPerCall must be an integer of at least 1, got ${f.maxTasksPerCall}`);
  }
  let sum = 0;
  for (const r of RATES) {
    const v = f[r];
    if (v === undefined) continue;
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) throw new Error(`fault option ${r} must be between 0 and 1, got ${String(v)}`);
    sum += v;
  }
  if (sum > 1 + 1e-9) throw new Error(`fault rates add up to ${sum}; their sum must be at most 1`);
}

export class FaultInjector {
  private options: FaultOptions = {};
  private random = new Random(1);
  /** Admission times in the last second: all requests, reads, writes. */
  private readonly recent = { all: [] as number[], read: [] as number[], write: [] as number[] };
  private writes = 0;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces every fault option (unset ones turn off); restarts the PRNG, the rate windows and the write count. */
  set(options: FaultOptions): void {
    validateFaults(options);
    this.options = { ...options };
    this.random = new Random(options.seed ?? 1);
    this.writes = 0;
    for (const w of Object.values(this.recent)) w.length = 0;
  }

  /** Whether this admitted request is one stallWritesAfter holds (counts BatchUpdateTasks calls). */
  stalls(action: string): boolean {
    if (action !== 'BatchUpdateTasks') return false;
    this.writes++;
    return this.options.stallWritesAfter !== undefined && this.writes > this.options.stallWritesAfter;
  }

  /** The injected 500 answer for a request with these headers. */
  injectedError(headers: Record<string, string | string[] | undefined>): ApiError {
    const { errorMessage, echoHeaders, errorStatus, errorCode } = this.options;
    const base = internalError();
    const echoed = echoHeaders ? ` Request headers: ${JSON.stringify(headers)}` : '';
    return new ApiError(errorStatus ?? base.status, errorCode ?? base.code, `${errorMessage ?? base.message}${echoed}`);
  }

  get latencyMs(): number { return this.options.latencyMs ?? 0; }
  get slowMs(): number { return this.options.slowMs ?? DEFAULT_SLOW_MS; }
  get maxTasksPerCall(): number { return this.options.maxTasksPerCall ?? DEFAULT_MAX_TASKS_PER_CALL; }

  /** The gateway's rate limits; the error to answer with, or undefined when the request may pass (and is counted). */
  admit(now: number, quota: QuotaCounter, action = ''): ApiError | undefined {
    const { qps, readQps, writeQps, dailyQuota } = this.options;
    const kind = action === 'BatchUpdateTasks' ? 'write' : 'read';
    const limits: [number[], number | undefined, string][] = [
      [this.recent.all, qps, 'requests'],
      [this.recent[kind], kind === 'write' ? writeQps : readQps, kind === 'write' ? 'writes' : 'reads'],
    ];
    for (const [window, limit, what] of limits) {
      if (limit === undefined) continue;
      while (window.length > 0 && window[0] <= now - 1000) window.shift();
      if (window.length >= limit) {
        // The gateway's hint, on this throttle only (random Throttling.Api answers carry none): the
        // time until the window has room again, so a client that honours it is admitted next time.
        const retryAfterMs = Math.max(1, Math.ceil(window[window.length - limit] + 1000 - now));
        return new ApiError(429, 'Throttling.User', `Request was denied due to user flow control: more than ${limit} ${what} per second.`, { 'x-acs-retry-after': String(retryAfterMs) });
      }
    }
    const day = new Date(now).toISOString().slice(0, 10);
    if (quota.day !== day) { quota.day = day; quota.used = 0; }
    if (dailyQuota !== undefined && quota.used >= dailyQuota) {
      return new ApiError(429, 'Throttling.Resource', `The daily quota of ${dailyQuota} API calls is used up; it resets at 00:00 UTC.`);
    }
    quota.used++;
    for (const [window, limit] of limits) if (limit !== undefined) window.push(now);
    return undefined;
  }

  /** One draw per admitted request decides its random fault, if any. */
  draw(): RandomFault {
    const o = this.options;
    if (RATES.every((r) => !o[r])) return undefined;
    let x = this.random.next();
    if ((x -= o.errorRate ?? 0) < 0) return 'error';
    if ((x -= o.throttleRate ?? 0) < 0) return 'throttle';
    if ((x -= o.dropRate ?? 0) < 0) return 'drop';
    if ((x -= o.dropAfterApplyRate ?? 0) < 0) return 'dropAfterApply';
    if ((x -= o.slowRate ?? 0) < 0) return 'slow';
    return undefined;
  }
}

export const internalError = (): ApiError =>
  new ApiError(500, 'InternalError.System', 'An internal error occurred. Please try again later.');
export const apiThrottled = (): ApiError =>
  new ApiError(429, 'Throttling.Api', 'Request was denied due to api flow control.');
