// One typed error for everything that can go wrong talking to DataWorks: service errors, network
// failures, timeouts, cancellation, bad credentials. It carries only sanitized text and fields:
// never the raw library error (which can hold request headers or, for a malformed CLI config, the
// file's content), never a secret.
import { redactSecrets } from '../core/text/redact';

export type ErrorKind =
  | 'auth' | 'throttled' | 'quota' | 'parameter' | 'notFound' | 'server'
  | 'network' | 'timeout' | 'cancelled' | 'protocol';

export interface DataWorksErrorInit {
  code: string;
  kind: ErrorKind;
  action: string;
  retryable: boolean;
  /** The service's own message (or a description of the local failure). */
  serviceMessage: string;
  statusCode?: number;
  requestId?: string;
  recommend?: string;
  /** Server-suggested wait before retrying, from `x-acs-retry-after` (milliseconds). */
  retryAfterMs?: number;
  /** How many attempts were made before giving up (set by the retry loop). */
  attempts?: number;
  /** Overrides the generated "what to do next" sentence. */
  hint?: string;
}

/** Marks instances: the extension's main bundle and its lazily loaded client bundle each hold a copy of this class. */
const BRAND = Symbol.for('dataworks-tasks.DataWorksError');

export class DataWorksError extends Error {
  /** `instanceof` holds across bundles (an error thrown by dist/client.js, checked in dist/extension.js). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  override readonly name = 'DataWorksError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly action: string;
  readonly retryable: boolean;
  readonly serviceMessage: string;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly recommend?: string;
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly #hint?: string;

  constructor(init: DataWorksErrorInit) {
    super(composeMessage(init));
    Object.defineProperty(this, BRAND, { value: true });
    if (init.hint !== undefined) this.#hint = init.hint;
    this.code = init.code;
    this.kind = init.kind;
    this.action = init.action;
    this.retryable = init.retryable;
    this.serviceMessage = init.serviceMessage;
    if (init.statusCode !== undefined) this.statusCode = init.statusCode;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.recommend !== undefined) this.recommend = init.recommend;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.attempts !== undefined) this.attempts = init.attempts;
  }

  /** The same error with the number of attempts recorded (the message mentions it). */
  withAttempts(attempts: number): DataWorksError {
    return new DataWorksError({ ...this.init(), attempts });
  }

  /**
   * The same error with every secret value replaced by *** in each text it carries (a server that
   * echoes request headers puts the security token in its message). Itself when nothing matched.
   */
  redacted(secrets: readonly (string | undefined)[]): DataWorksError {
    const init = this.init();
    const clean = (t: string): string => redactSecrets(t, secrets);
    const next: DataWorksErrorInit = { ...init, code: clean(init.code), serviceMessage: clean(init.serviceMessage) };
    if (init.requestId !== undefined) next.requestId = clean(init.requestId);
    if (init.recommend !== undefined) next.recommend = clean(init.recommend);
    if (init.hint !== undefined) next.hint = clean(init.hint);
    const changed = (Object.keys(next) as (keyof DataWorksErrorInit)[]).some((k) => next[k] !== init[k]);
    return changed ? new DataWorksError(next) : this;
  }

  /** The same error for another action (credential errors are raised before the action is known). */
  forAction(action: string): DataWorksError {
    return new DataWorksError({ ...this.init(), action });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name, message: this.message, code: this.code, kind: this.kind, action: this.action,
      retryable: this.retryable, statusCode: this.statusCode, requestId: this.requestId,
      recommend: this.recommend, attempts: this.attempts,
    };
  }

  private init(): DataWorksErrorInit {
    const init: DataWorksErrorInit = {
      code: this.code, kind: this.kind, action: this.action, retryable: this.retryable,
      serviceMessage: this.serviceMessage,
    };
    if (this.statusCode !== undefined) init.statusCode = this.statusCode;
    if (this.requestId !== undefined) init.requestId = this.requestId;
    if (this.recommend !== undefined) init.recommend = this.recommend;
    if (this.retryAfterMs !== undefined) init.retryAfterMs = this.retryAfterMs;
    if (this.attempts !== undefined) init.attempts = this.attempts;
    if (this.#hint !== undefined) init.hint = this.#hint;
    return init;
  }
}

function composeMessage(init: DataWorksErrorInit): string {
  const parts = [`${init.action} failed: ${init.code}`];
  if (init.statusCode !== undefined) parts[0] += ` (HTTP ${init.statusCode})`;
  let msg = `${parts[0]}: ${init.serviceMessage.trim() || 'no message'}`;
  if (!/[.!?]$/.test(msg)) msg += '.';
  if (init.requestId) msg += ` RequestId: ${init.requestId}.`;
  if (init.attempts !== undefined && init.attempts > 1) msg += ` Gave up after ${init.attempts} attempts.`;
  msg += ` ${init.hint ?? hintFor(init)}`;
  if (init.recommend) msg += ` Diagnosis: ${init.recommend}`;
  return msg;
}

function hintFor(init: DataWorksErrorInit): string {
  switch (init.kind) {
    case 'auth':
      if (init.code === 'InvalidAccessKeyId.NotFound' || init.code === 'InvalidAccessKeyId.Inactive') {
        return 'The AccessKey id is unknown or disabled: check the credentials in use (environment, aliyun CLI profile or the key stored in the editor).';
      }
      if (init.code === 'SignatureDoesNotMatch' || init.code === 'IncompleteSignature') {
        return 'The AccessKey secret does not match its id: set the right secret for this AccessKey.';
      }
      if (init.code.startsWith('InvalidTimeStamp')) {
        return 'The local clock is off: synchronize the system time and try again.';
      }
      if (init.statusCode === 403) {
        return `The account lacks permission for ${init.action}: ask an administrator to grant the RAM policy for DataWorks.`;
      }
      return 'Check the credentials: environment variables, the aliyun CLI profile, or the AccessKey stored in the editor.';
    case 'throttled':
      return 'The service is throttling requests: lower the request rate (dataworks.apply.requestsPerSecond / --rps) and try again.';
    case 'quota':
      return 'The account\'s API quota for DataWorks is used up: wait until it resets (daily quotas reset the next day) or raise the edition; retrying now only wastes calls.';
    case 'parameter':
      return 'The service rejected the request: correct the parameter named in the message.';
    case 'notFound':
      return 'Check the id, the environment (Dev/Prod) and the region.';
    case 'server':
      return 'The service failed: try again later; if it persists, contact Alibaba Cloud support with the RequestId.';
    case 'network':
      return 'Could not reach the endpoint: check the network, proxy and region/endpoint settings.';
    case 'timeout':
      return 'The service did not answer in time: check the network, or raise the timeout, and try again.';
    case 'cancelled':
      return 'The operation was cancelled; a request already sent may still have taken effect.';
    case 'protocol':
      return 'The answer was not the JSON the API returns: check that the endpoint really is a DataWorks OpenAPI endpoint (a proxy or captive portal may be in between).';
  }
}

interface Classification { kind: ErrorKind; retryable: boolean }

const AUTH_CODES = new Set([
  'SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidAccessKeyId.NotFound', 'InvalidAccessKeyId.Inactive',
  'InvalidAccessKeyId', 'InvalidSecurityToken.Expired', 'InvalidSecurityToken.MismatchWithAccessKey',
  'InvalidSecurityToken.Malformed', 'SignatureNonceUsed', 'InvalidTimeStamp.Expired', 'InvalidTimeStamp.Format',
  'Forbidden.Access', 'Forbidden.RAM', 'ResourceNotAuthorized.Api', 'NoPermission', 'Forbidden',
  'InvalidCredentials', 'MissingSecurityToken', 'Unauthorized',
]);
const THROTTLE_CODES = new Set(['Throttling', 'Throttling.User', 'Throttling.Api', 'Throttling.System', 'ServiceUnavailable']);
const QUOTA_CODES = new Set(['Throttling.Api.Risk', 'Throttling.Resource']);

/** Classifies a service error answer by its code and HTTP status. */
export function classifyServiceError(code: string, statusCode?: number): Classification {
  if (QUOTA_CODES.has(code)) return { kind: 'quota', retryable: false };
  if (THROTTLE_CODES.has(code)) return { kind: 'throttled', retryable: true };
  if (AUTH_CODES.has(code) || code.startsWith('Forbidden') || code.startsWith('InvalidSecurityToken')) {
    return { kind: 'auth', retryable: false };
  }
  if (code === 'MissingParameter' || code.startsWith('InvalidParameter') || code.startsWith('MissingParameter')) {
    return { kind: 'parameter', retryable: false };
  }
  if (code.endsWith('.NotFound') || code === 'NotFound') return { kind: 'notFound', retryable: false };
  if (code.startsWith('InternalError') || code === 'UnknownError' || code === 'ServiceTimeout') {
    return { kind: 'server', retryable: true };
  }
  if (statusCode !== undefined) {
    if (statusCode === 429) return code.startsWith('Throttling') ? { kind: 'throttled', retryable: true } : { kind: 'quota', retryable: false };
    if (statusCode >= 500) return { kind: 'server', retryable: true };
    if (statusCode === 401 || statusCode === 403) return { kind: 'auth', retryable: false };
    if (statusCode === 404) return { kind: 'notFound', retryable: false };
  }
  return { kind: 'parameter', retryable: false };
}
