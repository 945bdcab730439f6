// What a caller hands one request besides its parameters: a signal to cancel it, and the rate limiter
// the request was paced by. The first attempt's slot is the caller's (it waited for it before calling);
// every retry the client makes takes another slot from the same limiter, because the service counts
// the retry against the quota like any request: a retry that skipped the limiter would crowd the very
// window that just throttled it.
import type { RateLimiter } from '../core/apply/rate-limit';

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Retries of this request wait for a slot of it (the caller took the first attempt's). */
  limiter?: RateLimiter | undefined;
}

/** Methods take a bare signal (most callers) or the options. */
export type RequestArg = AbortSignal | RequestOptions | undefined;

export function requestOptions(arg: RequestArg): RequestOptions {
  if (arg === undefined) return {};
  // By shape, not instanceof: a signal from another realm or a polyfill must still cancel.
  return isSignal(arg) ? { signal: arg } : arg;
}

function isSignal(arg: AbortSignal | RequestOptions): arg is AbortSignal {
  return 'aborted' in arg && typeof (arg as AbortSignal).addEventListener === 'function';
}
