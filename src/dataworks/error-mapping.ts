// Turns whatever openapi-client (or Node's http stack underneath it) threw into a DataWorksError.
// Only chosen fields are copied out: the raw error never travels further.
import type { IncomingHttpHeaders } from 'node:http';
import { DataWorksError, classifyServiceError } from './errors';
import { requestIdHeader, retryAfterMs } from './http-observer';

export interface AttemptContext {
  action: string;
  endpoint: string;
  readTimeoutMs: number;
  connectTimeoutMs: number;
  /** Status and headers of the answer, when one arrived (from the http observer). */
  statusCode?: number;
  headers?: IncomingHttpHeaders;
  /** The secret values of the credentials in use (AccessKey secret, STS token): never echoed in an error. */
  secrets?: readonly (string | undefined)[];
}

const RETRYABLE_NETWORK = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENETDOWN',
]);

/** The one mapping every client error goes through; what it returns carries no secret of the context's. */
export function toDataWorksError(raw: unknown, ctx: AttemptContext): DataWorksError {
  const err = mapError(raw, ctx);
  return ctx.secrets ? err.redacted(ctx.secrets) : err;
}

function mapError(raw: unknown, ctx: AttemptContext): DataWorksError {
  if (raw instanceof DataWorksError) return raw.action === ctx.action ? raw : raw.forAction(ctx.action);
  const e = (raw ?? {}) as { name?: unknown; code?: unknown; message?: unknown; data?: unknown; statusCode?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(raw);
  const errno = typeof e.code === 'string' ? e.code : '';
  const headerRequestId = requestIdHeader(ctx.headers);

  // A JSON error answer from the service: openapi-client's ResponseError with the body in `.data`.
  if (isRecord(e.data) && errno && typeof e.data['statusCode'] !== 'undefined') {
    const data = e.data;
    const statusCode = Number(data['statusCode']);
    const { kind, retryable } = classifyServiceError(errno, statusCode);
    const init: ConstructorParameters<typeof DataWorksError>[0] = {
      code: errno, kind, retryable, action: ctx.action, statusCode,
      serviceMessage: str(data['Message'] ?? data['message']) ?? 'no message',
    };
    const requestId = str(data['RequestId'] ?? data['requestId']) ?? headerRequestId;
    if (requestId) init.requestId = requestId;
    const recommend = str(data['Recommend'] ?? data['recommend']);
    if (recommend) init.recommend = recommend;
    const after = retryAfterMs(ctx.headers);
    if (after !== undefined) init.retryAfterMs = after;
    return new DataWorksError(init);
  }

  // An error answer whose body is not JSON (a proxy's HTML page, a truncated body).
  if (name === 'SyntaxError') {
    const status = ctx.statusCode;
    const init: ConstructorParameters<typeof DataWorksError>[0] = {
      code: 'InvalidResponse', kind: 'protocol', action: ctx.action,
      retryable: status !== undefined && (status >= 500 || status === 429),
      serviceMessage: `the error answer from ${ctx.endpoint}${status !== undefined ? ` (HTTP ${status})` : ''} is not JSON`,
    };
    if (status !== undefined) init.statusCode = status;
    if (headerRequestId) init.requestId = headerRequestId;
    return new DataWorksError(init);
  }

  // httpx: connect timeout and read timeout both surface as RequestTimeoutError.
  if (name.includes('RequestTimeout') || /ReadTimeout|ConnectTimeout/.test(message) || errno === 'ETIMEDOUT') {
    const connect = /ConnectTimeout/.test(message);
    return new DataWorksError({
      code: connect ? 'ConnectTimeout' : 'ReadTimeout', kind: 'timeout', action: ctx.action, retryable: true,
      serviceMessage: connect
        ? `could not connect to ${ctx.endpoint} within ${ctx.connectTimeoutMs} ms`
        : `no complete answer from ${ctx.endpoint} within ${ctx.readTimeoutMs} ms`,
    });
  }

  if (RETRYABLE_NETWORK.has(errno) || /socket hang up|ECONNRESET|aborted/i.test(message)) {
    const code = errno || 'ConnectionReset';
    return new DataWorksError({
      code, kind: 'network', action: ctx.action, retryable: true,
      serviceMessage: code === 'ECONNREFUSED'
        ? `${ctx.endpoint} refused the connection`
        : `the connection to ${ctx.endpoint} was closed before an answer arrived (${code})`,
    });
  }

  if (errno === 'ENOTFOUND' || /CERT|TLS|SSL|self.signed/i.test(errno + ' ' + message)) {
    return new DataWorksError({
      code: errno || 'TlsError', kind: 'network', action: ctx.action, retryable: false,
      serviceMessage: errno === 'ENOTFOUND'
        ? `the host of ${ctx.endpoint} does not resolve`
        : `secure connection to ${ctx.endpoint} failed (${errno || 'TLS'})`,
    });
  }

  // A service error without a body (tea's own errors such as InvalidCredentials).
  if (errno && !/^E[A-Z0-9_]+$/.test(errno) && !errno.startsWith('ERR_')) {
    const { kind, retryable } = classifyServiceError(errno);
    return new DataWorksError({ code: errno, kind, retryable, action: ctx.action, serviceMessage: oneLine(message) });
  }

  return new DataWorksError({
    code: errno || name || 'UnknownError', kind: 'network', action: ctx.action, retryable: false,
    serviceMessage: oneLine(message),
  });
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function oneLine(s: string): string {
  const line = s.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
