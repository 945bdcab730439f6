// The one retry policy for every request: exponential backoff with full jitter, stretched to the
// server's `x-acs-retry-after` when it asks for longer, and a wait that an AbortSignal cuts short.
import { DataWorksError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Source of the jitter in [0, 1); Math.random unless a test or demo needs it reproducible. */
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 };

/** A server-suggested wait is honoured up to this bound, so a bogus header cannot hang a run. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Delay before attempt `attempt + 1`, after `attempt` failed (1-based). */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = policy.random ?? Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = random() * ceiling;
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

export function cancelledError(action: string, during: string): DataWorksError {
  return new DataWorksError({
    code: 'Cancelled', kind: 'cancelled', action, retryable: false, serviceMessage: `cancelled ${during}`,
  });
}

/** Waits `ms`, or rejects with a 'cancelled' error as soon as the signal aborts. */
export function sleep(ms: number, action: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError(action, 'before retrying'));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(action, 'while waiting to retry'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
