// openapi-client 0.4.15 neither takes an AbortSignal nor exposes response headers on errors (its
// ResponseError keeps only the body and status; `x-acs-retry-after` is lost), and we cannot hand it
// an http.Agent. Node's public diagnostics channels for the http client give us both, without
// patching the library: every outgoing request made inside `observe()` is attributed to that call
// (AsyncLocalStorage follows the awaits down to http.request), so we can destroy it on abort and read
// the status and headers of the answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface Exchange {
  /** Requests of this call still in flight. */
  readonly inFlight: Set<ClientRequest>;
  /** Set on abort: a request that reports its start afterwards is torn down, so its answer is never read. */
  cancelled: boolean;
  /** Status and headers of the last API answer seen. */
  statusCode?: number;
  headers?: IncomingHttpHeaders;
}

const store = new AsyncLocalStorage<Exchange>();
let subscribed = false;

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  diagnosticsChannel.subscribe('http.client.request.start', (message) => {
    const exchange = store.getStore();
    const { request } = message as { request: ClientRequest };
    // Only API calls (they carry x-acs-action), not a credential provider's own HTTP requests.
    if (!exchange || request.getHeader('x-acs-action') === undefined) return;
    if (exchange.cancelled) {
      request.destroy();
      return;
    }
    exchange.inFlight.add(request);
    request.once('close', () => exchange.inFlight.delete(request));
  });
  diagnosticsChannel.subscribe('http.client.response.finish', (message) => {
    const exchange = store.getStore();
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (!exchange || request.getHeader('x-acs-action') === undefined) return;
    exchange.statusCode = response.statusCode;
    exchange.headers = response.headers;
  });
}

/** Runs `fn` with its HTTP requests attributed to the returned exchange. */
export function observe<T>(fn: () => Promise<T>): { exchange: Exchange; result: Promise<T> } {
  subscribe();
  const exchange: Exchange = { inFlight: new Set(), cancelled: false };
  return { exchange, result: store.run(exchange, fn) };
}

/** Tears down the call's open connections so nothing more is read or sent. */
export function destroyInFlight(exchange: Exchange): void {
  exchange.cancelled = true;
  for (const request of exchange.inFlight) request.destroy();
  exchange.inFlight.clear();
}

/** `x-acs-retry-after` in milliseconds (the unit Alibaba Cloud SDKs use for it), if present and positive. */
export function retryAfterMs(headers: IncomingHttpHeaders | undefined): number | undefined {
  const raw = headers?.['x-acs-retry-after'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The request id header the gateway sets on every answer. */
export function requestIdHeader(headers: IncomingHttpHeaders | undefined): string | undefined {
  const raw = headers?.['x-acs-request-id'];
  return Array.isArray(raw) ? raw[0] : raw;
}
