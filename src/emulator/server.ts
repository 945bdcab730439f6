// The HTTP side: one request = read body -> verify signature -> version/action -> rate limits ->
// random fault -> action -> persist (if changed) -> answer. Errors are the gateway's JSON error body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionOutcome } from './actions/context';
import { ApiError, errorBody, missingParameter } from './errors';
import { apiThrottled, internalError, type FaultInjector } from './faults';
import { Params } from './params';
import { ACTIONS, API_VERSION } from './routes';
import { NonceCache, decodeUrlEncoded, verifyRequest } from './signature';
import type { StateStore } from './store';
import { toWireJson } from './wire-json';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface ServerDeps {
  store: StateStore;
  faults: FaultInjector;
  /** The time the gateway's rate limits count by (epoch ms). */
  gatewayNow: () => number;
  accessKeyId: string;
  accessKeySecret: string;
  log: (line: string) => void;
  /** Each signed request's parameters as received, before its action runs. */
  onParams?: (action: string, params: ReadonlyMap<string, string>) => void;
  /** Aborted when the emulator closes: pending delays end at once. */
  shutdown: AbortSignal;
}

export function createHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const nonces = new NonceCache();
  return async (req, res) => {
    const started = Date.now();
    const requestId = randomUUID().toUpperCase();
    const action = req.headers['x-acs-action'];
    const actionName = typeof action === 'string' ? action : '-';
    const hostId = req.headers.host ?? '127.0.0.1';
    const logLine = (status: string, code: string): void => deps.log(`${actionName} ${status} ${code} ${Date.now() - started}ms`);
    const drop = (why: string): void => {
      req.socket.destroy();
      logLine('-', why);
    };
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://emulator');
      const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : '';
      verifyRequest(
        { method: req.method ?? 'GET', rawQuery, headers: headersOf(req), body },
        {
          now: Date.now(),
          secretOf: (ak) => (ak === deps.accessKeyId ? deps.accessKeySecret : undefined),
          useNonce: (ak, nonce, now) => nonces.use(ak, nonce, now),
        },
      );
      const handler = checkRoute(url.pathname, req.headers['x-acs-version'], action);
      const limited = deps.faults.admit(deps.gatewayNow(), deps.store.state.quota, actionName);
      if (limited) throw limited;

      if (deps.faults.stalls(actionName)) {
        await waitUnlessClosed(req, Infinity, deps.shutdown);
        return logLine('-', 'stalled(caller gave up, not run)');
      }
      const fault = deps.faults.draw();
      if (fault === 'error') throw deps.faults.injectedError(req.headers);
      if (fault === 'throttle') throw apiThrottled();
      if (fault === 'drop') return drop('dropped(before)');
      if (fault === 'slow') {
        const gaveUp = await waitUnlessClosed(req, deps.faults.slowMs, deps.shutdown);
        if (gaveUp) return logLine('-', 'slow(caller gave up, not run)');
      }

      const merged = mergeParams(rawQuery, body, req.headers['content-type']);
      deps.onParams?.(actionName, merged);
      const params = new Params(merged);
      const outcome: ActionOutcome = handler({
        state: deps.store.state, params, now: Date.now(), maxTasksPerCall: deps.faults.maxTasksPerCall,
      });
      if (outcome.changes?.length) await deps.store.commit(outcome.changes);
      if (fault === 'dropAfterApply') return drop('dropped(after apply)');

      await delay(deps.faults.latencyMs, deps.shutdown);
      send(res, 200, toWireJson({ RequestId: requestId, ...outcome.body }), requestId);
      logLine('200', fault === 'slow' ? 'OK(slow)' : 'OK');
    } catch (err) {
      const apiError = err instanceof ApiError ? err : internalError();
      if (!(err instanceof ApiError)) deps.log(`${actionName} internal error: ${(err as Error).stack ?? String(err)}`);
      await delay(deps.faults.latencyMs, deps.shutdown);
      if (!res.headersSent && !res.destroyed) send(res, apiError.status, JSON.stringify(errorBody(apiError, requestId, hostId)), requestId, apiError.headers);
      const after = apiError.headers['x-acs-retry-after'];
      logLine(String(apiError.status), after === undefined ? apiError.code : `${apiError.code} retry-after=${after}ms`);
    }
  };
}

function checkRoute(pathname: string, version: string | string[] | undefined, action: string | string[] | undefined) {
  if (pathname !== '/') throw new ApiError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: path ${pathname}.`);
  if (version === undefined) throw missingParameter('Version');
  if (version !== API_VERSION) {
    throw new ApiError(400, 'InvalidVersion', `Specified parameter Version "${String(version)}" is not valid; this service speaks ${API_VERSION}.`);
  }
  if (action === undefined) throw missingParameter('Action');
  const handler = typeof action === 'string' ? ACTIONS[action] : undefined;
  if (!handler) throw new ApiError(404, 'InvalidAction.NotFound', `Specified api "${String(action)}" is not found, please check your url and method.`);
  return handler;
}

function headersOf(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) if (v) out[k.toLowerCase()] = v;
  return out;
}

function mergeParams(rawQuery: string, body: Buffer, contentType: string | undefined): Map<string, string> {
  const params = decodeUrlEncoded(rawQuery);
  if (body.length > 0 && (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of decodeUrlEncoded(body.toString('utf8'))) params.set(k, v);
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, text: string, requestId: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-acs-request-id': requestId,
  });
  res.end(text);
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    // Infinity: until the signal aborts (a timer would fire at once).
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Waits ms; true when the caller closed the connection (or the emulator shut down) meanwhile. */
async function waitUnlessClosed(req: IncomingMessage, ms: number, shutdown: AbortSignal): Promise<boolean> {
  if (req.socket.destroyed) return true; // gave up before the wait began: 'close' has fired already
  const closed = new AbortController();
  const onClose = (): void => closed.abort();
  req.socket.once('close', onClose);
  const both = AbortSignal.any([closed.signal, shutdown]);
  await delay(ms, both);
  req.socket.off('close', onClose);
  return both.aborted || req.socket.destroyed;
}
