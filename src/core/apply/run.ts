// An apply in two phases: plan (read the current values, decide what to send), then execute (journal
// and revert patch before the first write, the calls exactly as planned). Retries of throttling, 5xx
// and dropped connections are the client's job (one retry policy); what still fails is a status.
import type { BatchUpdateRequest } from '../patch/model';
import { executePlan, type ApplyProgress, type ApplyResult, type ExecuteOptions } from './execute';
import { makePlan, type PlanOptions } from './make-plan';
import { countOutcomes, notSent, toServiceError } from './outcome';
import type { ServiceErrorLike } from './service';
import { DEFAULT_BATCH_SIZE, DEFAULT_RPS, planApply, type ApplyPlan } from './plan';
import { TokenBucket } from './rate-limit';

export interface ApplyOptions extends Omit<ExecuteOptions, 'limiter' | 'rps'>, Omit<PlanOptions, 'limiter' | 'batchSize' | 'readBefore' | 'onCall'> {
  /** A validated request (validate first: the engine assumes ids are valid int64 digits). */
  request: BatchUpdateRequest;
  batchSize?: number;
  rps?: number;
  /** One limiter for the whole run, reads and writes (default: a new bucket at `rps`). */
  limiter?: ExecuteOptions['limiter'];
  /** Limiter of the plan's reads where reads have a quota of their own (default: `limiter`). */
  readLimiter?: ExecuteOptions['limiter'];
  /** Read the current values (for unchanged tasks and the revert patch). Default true. */
  readBefore?: boolean;
}

export async function runApply(opts: ApplyOptions): Promise<ApplyResult> {
  const rps = opts.rps ?? DEFAULT_RPS;
  const limiter = opts.limiter ?? new TokenBucket(rps);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  let plan: ApplyPlan;
  try {
    opts.onProgress?.({ phase: 'before-state', chunk: 0, chunks: 0, counts: countOutcomes([]), calls: 0 });
    plan = await makePlan(opts.request, { ...opts, limiter: opts.readLimiter ?? limiter, batchSize, readBefore: opts.readBefore !== false });
  } catch (e) {
    return unread(planApply(opts.request, batchSize), toServiceError(e), opts.signal);
  }
  return executePlan(plan, { ...opts, limiter, rps });
}

/** The plan could not be read: nothing was sent, every task says why. */
export function unread(plan: ApplyPlan, error: ServiceErrorLike, signal?: AbortSignal): ApplyResult {
  const cancelled = signal?.aborted === true;
  const why = cancelled ? 'Cancelled before anything was sent.' : `Not sent: ${readFailureMessage(error)}`;
  const results = notSent(plan.tasks, why);
  return {
    plan, results, counts: countOutcomes(results), status: cancelled ? 'cancelled' : 'stopped', ...(cancelled ? {} : { error: { ...error, message: readFailureMessage(error) } }),
    revert: null, revertPath: null, calls: 0, failures: [],
  };
}

/** Reading the current values failed; a timeout says the service stopped answering. */
export function readFailureMessage(error: ServiceErrorLike): string {
  return error.kind === 'timeout'
    ? `the service stopped answering while the current values were read (${error.message}); nothing was sent.`
    : `reading the current values failed: ${error.message}`;
}

export type { ApplyProgress, ApplyResult };
