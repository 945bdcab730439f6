// The DataWorks OpenAPI (2024-05-18) client: every request to the service goes through `call`,
// with one retry policy, one error type, lossless ids, timeouts and cancellation.
import Credential, { type CredentialModel } from '@alicloud/credentials';
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { BatchUpdateResponse, TaskResult, TaskService } from '../core/apply/service';
import type { BatchUpdateRequest, EnvType } from '../core/patch/model';
import { serializeTasksParam } from '../core/patch/serialize';
import { createCredential, type CredentialSpec } from './credentials';
import { endpointFor, resolveEndpoint } from './endpoint';
import { toDataWorksError } from './error-mapping';
import { redactSecrets } from '../core/text/redact';
import { DataWorksError } from './errors';
import { destroyInFlight, observe } from './http-observer';
import { idsParam, parseLossless, type Json } from './lossless';
import { requestOptions, type RequestArg, type RequestOptions } from './request';
import { DEFAULT_RETRY, backoffDelay, cancelledError, sleep, type RetryPolicy } from './retry';
import type { DataSource, ListTaskInstancesQuery, ListTasksQuery, Page, Project, ResourceGroup, Task, TaskInstance } from './types';

export { pages, collectAll } from './paging';
export type { RequestOptions } from './request';

export const API_VERSION = '2024-05-18';

export interface RequestLog {
  action: string;
  requestId?: string;
  durationMs: number;
  /** 'retry': this attempt failed and another follows; 'error': the call fails with this attempt. */
  outcome: 'ok' | 'error' | 'retry';
  code?: string;
  /** 1-based attempt number within the call. */
  attempt: number;
  statusCode?: number;
  /** 'retry' only: how long the client waits before the next attempt (backoff, or the service's x-acs-retry-after). */
  retryInMs?: number;
}

export interface ClientOptions {
  /** Used when no endpoint is given; default cn-hangzhou. */
  region?: string;
  /** `host`, `host:port` or `http(s)://host[:port]`; plain HTTP only for loopback hosts. */
  endpoint?: string;
  credentials: CredentialSpec;
  timeoutMs?: { connect?: number; read?: number };
  retry?: Partial<RetryPolicy>;
  /** Called once per HTTP attempt; never receives credentials or headers. */
  onRequest?: (log: RequestLog) => void;
  userAgent?: string;
}

export interface ListProjectsQuery {
  PageNumber?: number;
  PageSize?: number;
  /** Exact project name (sent as `Names`). */
  Name?: string;
  Ids?: string[];
}

export interface ListResourceGroupsQuery {
  Name?: string;
  ProjectId?: string;
  /** Without it the service lists general-purpose (CommonV2) groups only. */
  ResourceGroupTypes?: string[];
  Statuses?: string[];
  PageNumber?: number;
  PageSize?: number;
}

export interface ListDataSourcesQuery {
  ProjectId: string;
  Name?: string;
  /** Sent comma-joined, as the API expects. */
  Types?: string[];
  EnvType?: EnvType;
  PageNumber?: number;
  PageSize?: number;
}

type Method = 'GET' | 'POST';
type ParamValue = string | number | boolean | undefined;

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_READ_TIMEOUT_MS = 30_000;

export class DataWorksClient implements TaskService {
  /** `https://host` or `http://127.0.0.1:port`, for display. */
  readonly endpoint: string;
  // Private fields: util.inspect / JSON.stringify of the client never reach the credential.
  readonly #credential: Credential;
  /** Secret values seen (the configured key, each resolved one): redacted from every error this client raises. */
  readonly #secrets = new Set<string>();
  /** Everything openapi-client's Config needs except the credential. */
  readonly #config: Record<string, unknown>;
  readonly #protocol: 'https' | 'http';
  readonly #retry: RetryPolicy;
  readonly #connectTimeoutMs: number;
  readonly #readTimeoutMs: number;
  readonly #onRequest?: (log: RequestLog) => void;

  constructor(options: ClientOptions) {
    const resolved = resolveEndpoint(options.endpoint || endpointFor(options.region || 'cn-hangzhou'));
    this.endpoint = resolved.url;
    this.#protocol = resolved.protocol;
    this.#retry = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
    if (!(this.#retry.maxAttempts >= 1)) this.#retry.maxAttempts = 1;
    this.#connectTimeoutMs = options.timeoutMs?.connect ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.#readTimeoutMs = options.timeoutMs?.read ?? DEFAULT_READ_TIMEOUT_MS;
    if (options.onRequest) this.#onRequest = options.onRequest;
    if (options.credentials.kind === 'accessKey') {
      this.#secrets.add(options.credentials.accessKeySecret);
      if (options.credentials.securityToken) this.#secrets.add(options.credentials.securityToken);
    }
    this.#credential = createCredential(options.credentials);
    this.#config = {
      endpoint: resolved.host,
      protocol: resolved.protocol,
      signatureAlgorithm: 'ACS3-HMAC-SHA256',
      userAgent: options.userAgent ?? 'dwtasks/0.1.0',
      connectTimeout: this.#connectTimeoutMs,
      readTimeout: this.#readTimeoutMs,
      ...(options.region ? { regionId: options.region } : {}),
    };
  }

  async listProjects(q: ListProjectsQuery = {}, request?: RequestArg): Promise<Page<Project>> {
    const body = await this.call('ListProjects', 'POST', {
      PageNumber: q.PageNumber, PageSize: q.PageSize,
      Names: q.Name !== undefined ? JSON.stringify([q.Name]) : undefined,
      Ids: q.Ids ? idsParam(q.Ids) : undefined,
    }, request);
    return pageOf<Project>(body, 'ListProjects', 'Projects');
  }

  async listTasks(q: ListTasksQuery, request?: RequestArg): Promise<Page<Task>> {
    const body = await this.call('ListTasks', 'POST', {
      ProjectId: q.ProjectId, ProjectEnv: q.ProjectEnv, Name: q.Name, Owner: q.Owner, TaskType: q.TaskType,
      TriggerType: q.TriggerType, TriggerRecurrence: q.TriggerRecurrence, RuntimeResource: q.RuntimeResource, WorkflowId: q.WorkflowId,
      SortBy: q.SortBy, PageNumber: q.PageNumber, PageSize: q.PageSize,
      Ids: q.Ids ? idsParam(q.Ids) : undefined,
    }, request);
    const page = pageOf<Task>(body, 'ListTasks', 'Tasks');
    return { ...page, items: page.items.map(normalizeTask) };
  }

  async getTask(id: string, env: EnvType, request?: RequestArg): Promise<Task> {
    const body = await this.call('GetTask', 'GET', { Id: id, ProjectEnv: env }, request);
    const task = isRecord(body) ? body['Task'] : undefined;
    if (!isRecord(task)) throw protocolError('GetTask', 'the answer has no Task object');
    return normalizeTask(task as unknown as Task);
  }

  /**
   * One BatchUpdateTasks call. Retrying it after a lost answer is safe: each task's update sets
   * absolute values, so applying it twice leaves the same state as applying it once.
   */
  async batchUpdateTasks(req: BatchUpdateRequest, request?: RequestArg): Promise<BatchUpdateResponse> {
    const body = await this.call('BatchUpdateTasks', 'POST', {
      Comment: req.Comment, Tasks: serializeTasksParam(req.Tasks),
    }, request);
    if (!isRecord(body)) throw protocolError('BatchUpdateTasks', 'the answer is not a JSON object');
    const successInfo: Record<string, TaskResult> = {};
    const info = body['SuccessInfo'];
    if (isRecord(info)) {
      for (const [id, r] of Object.entries(info)) {
        if (!isRecord(r)) continue;
        const result: TaskResult = { Success: r['Success'] === true };
        if (typeof r['Message'] === 'string') result.Message = redactSecrets(r['Message'], [...this.#secrets]);
        successInfo[id] = result;
      }
    }
    return { requestId: typeof body['RequestId'] === 'string' ? body['RequestId'] : '', successInfo };
  }

  /** One page of a day's run history (ListTaskInstances, a read): see dataworks/history.ts to read and cache whole days. */
  async listTaskInstances(q: ListTaskInstancesQuery, request?: RequestArg): Promise<Page<TaskInstance>> {
    const body = await this.call('ListTaskInstances', 'POST', {
      ProjectId: q.ProjectId, Bizdate: q.Bizdate, ProjectEnv: q.ProjectEnv, TaskId: q.TaskId,
      TaskIds: q.TaskIds ? idsParam(q.TaskIds) : undefined,
      TaskName: q.TaskName, TaskType: q.TaskType, Owner: q.Owner, Status: q.Status, RuntimeResource: q.RuntimeResource,
      WorkflowId: q.WorkflowId, WorkflowInstanceType: q.WorkflowInstanceType, TriggerType: q.TriggerType,
      TriggerRecurrence: q.TriggerRecurrence, Id: q.Id, SortBy: q.SortBy, PageNumber: q.PageNumber, PageSize: q.PageSize,
    }, request);
    const page = pageOf<TaskInstance>(body, 'ListTaskInstances', 'TaskInstances');
    return { ...page, items: page.items.map(normalizeRuntime) };
  }

  async listResourceGroups(q: ListResourceGroupsQuery = {}, request?: RequestArg): Promise<Page<ResourceGroup>> {
    const body = await this.call('ListResourceGroups', 'GET', {
      Name: q.Name, ProjectId: q.ProjectId, PageNumber: q.PageNumber, PageSize: q.PageSize,
      ResourceGroupTypes: q.ResourceGroupTypes ? JSON.stringify(q.ResourceGroupTypes) : undefined,
      Statuses: q.Statuses ? JSON.stringify(q.Statuses) : undefined,
    }, request);
    return pageOf<ResourceGroup>(body, 'ListResourceGroups', 'ResourceGroupList');
  }

  async listDataSources(q: ListDataSourcesQuery, request?: RequestArg): Promise<Page<DataSource>> {
    const body = await this.call('ListDataSources', 'GET', {
      ProjectId: q.ProjectId, Name: q.Name, EnvType: q.EnvType, PageNumber: q.PageNumber, PageSize: q.PageSize,
      Types: q.Types ? q.Types.join(',') : undefined,
    }, request);
    return pageOf<DataSource>(body, 'ListDataSources', 'DataSources');
  }

  /**
   * One API action with retries; resolves to the parsed (lossless) answer body. A retry waits for its
   * backoff, then for a slot of the request's limiter if it has one.
   */
  private async call(action: string, method: Method, params: Record<string, ParamValue>, request?: RequestArg): Promise<Json> {
    const { signal, limiter } = requestOptions(request);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) values[k] = String(v);
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelledError(action, 'before sending');
      const started = performance.now();
      try {
        const { body, requestId, statusCode } = await this.attempt(action, method, values, signal);
        this.log({ action, attempt, outcome: 'ok', durationMs: performance.now() - started, statusCode, requestId });
        return body;
      } catch (raw) {
        const err = toDataWorksError(raw, this.context(action));
        const last = !err.retryable || attempt >= this.#retry.maxAttempts || err.kind === 'cancelled';
        const log: RequestLog = { action, attempt, outcome: last ? 'error' : 'retry', durationMs: performance.now() - started, code: err.code };
        if (err.requestId) log.requestId = err.requestId;
        if (err.statusCode !== undefined) log.statusCode = err.statusCode;
        const delay = last ? 0 : backoffDelay(this.#retry, attempt, err.retryAfterMs);
        if (!last) log.retryInMs = delay;
        this.log(log);
        if (last) throw attempt > 1 ? err.withAttempts(attempt) : err;
        await sleep(delay, action, signal);
        if (limiter) await retrySlot(limiter, action, signal);
      }
    }
  }

  /** One HTTP exchange, raced against the signal: on abort the socket is destroyed and the answer ignored. */
  private async attempt(action: string, method: Method, values: Record<string, string>, signal?: AbortSignal):
  Promise<{ body: Json; requestId?: string; statusCode: number }> {
    const params = new Params({
      action, version: API_VERSION, protocol: this.#protocol, pathname: '/', method,
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'string',
    });
    const request = new OpenApiRequest(method === 'GET' ? { query: values } : { body: values });
    const runtime = new RuntimeOptions({
      autoretry: false, connectTimeout: this.#connectTimeoutMs, readTimeout: this.#readTimeoutMs,
    });
    // Credentials are resolved first (the chain may read files or call STS), abortably. From here
    // to http.request callApi runs on microtasks only, so an abort (a timer, a click, Ctrl-C) is
    // seen either before the request exists, and nothing is sent, or while it is in flight.
    const model = await raceAbort(this.#credential.getCredential(), signal, () => cancelledError(action, 'before sending'));
    if (signal?.aborted) throw cancelledError(action, 'before sending');
    if (model.accessKeySecret) this.#secrets.add(model.accessKeySecret);
    if (model.securityToken) this.#secrets.add(model.securityToken);
    const api = new OpenApiClient(new Config({ ...this.#config, credential: resolvedCredential(model) }));
    const { exchange, result } = observe(async () => (await api.callApi(params, request, runtime)) as { body: unknown; statusCode: number });
    let response: { body: unknown; statusCode: number };
    try {
      response = await raceAbort(result, signal, () => {
        destroyInFlight(exchange);
        return cancelledError(action, 'while the request was in flight');
      });
    } catch (raw) {
      if (raw instanceof DataWorksError && raw.kind === 'cancelled') throw raw;
      const ctx = this.context(action);
      if (exchange.statusCode !== undefined) ctx.statusCode = exchange.statusCode;
      if (exchange.headers) ctx.headers = exchange.headers;
      throw toDataWorksError(raw, ctx);
    }
    let body: Json;
    try {
      body = parseLossless(String(response.body));
    } catch {
      throw protocolError(action, `the answer from ${this.endpoint} (HTTP ${response.statusCode}) is not JSON`);
    }
    const requestId = isRecord(body) && typeof body['RequestId'] === 'string' ? body['RequestId'] : undefined;
    return requestId !== undefined ? { body, requestId, statusCode: response.statusCode } : { body, statusCode: response.statusCode };
  }

  private context(action: string): Parameters<typeof toDataWorksError>[1] {
    return { action, endpoint: this.endpoint, readTimeoutMs: this.#readTimeoutMs, connectTimeoutMs: this.#connectTimeoutMs, secrets: [...this.#secrets] };
  }

  private log(entry: RequestLog): void {
    if (!this.#onRequest) return;
    if (entry.requestId === undefined) delete entry.requestId;
    if (entry.statusCode === undefined) delete entry.statusCode;
    entry.durationMs = Math.round(entry.durationMs * 10) / 10;
    try {
      this.#onRequest(entry);
    } catch {
      // a logging callback must not break the call
    }
  }
}

async function retrySlot(limiter: NonNullable<RequestOptions['limiter']>, action: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    await limiter.acquire(signal);
  } catch (e) {
    throw signal?.aborted ? cancelledError(action, 'while waiting for the rate limit to retry') : e;
  }
}

/** A Credential that hands out credentials already resolved for this attempt. */
function resolvedCredential(model: CredentialModel): Credential {
  const credentials = {
    accessKeyId: model.accessKeyId ?? '', accessKeySecret: model.accessKeySecret ?? '',
    securityToken: model.securityToken ?? '', providerName: model.providerName ?? 'dwtasks',
  };
  return new Credential(null, { getCredentials: async () => credentials, getProviderName: () => credentials.providerName });
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function pageOf<T>(body: Json, action: string, listKey: string): Page<T> {
  const info = isRecord(body) ? body['PagingInfo'] : undefined;
  if (!isRecord(info)) throw protocolError(action, 'the answer has no PagingInfo');
  const list = info[listKey];
  if (list !== undefined && list !== null && !Array.isArray(list)) throw protocolError(action, `PagingInfo.${listKey} is not a list`);
  const items = (list ?? []) as unknown as T[];
  const totalCount = Number(info['TotalCount']);
  if (!Number.isFinite(totalCount)) throw protocolError(action, 'PagingInfo.TotalCount is missing');
  return {
    items,
    pageNumber: Number(info['PageNumber'] ?? 1),
    pageSize: Number(info['PageSize'] ?? items.length),
    totalCount,
  };
}

/** `Cu` is a decimal string in the API ("0.25"); accept a number too, without changing its value. */
function normalizeRuntime<T extends { RuntimeResource?: object }>(item: T): T {
  const rr = item.RuntimeResource as { Cu?: unknown } | undefined;
  if (rr && typeof rr.Cu === 'number') return { ...item, RuntimeResource: { ...item.RuntimeResource, Cu: String(rr.Cu) } };
  return item;
}

const normalizeTask: (task: Task) => Task = normalizeRuntime;

function protocolError(action: string, why: string): DataWorksError {
  return new DataWorksError({ code: 'InvalidResponse', kind: 'protocol', action, retryable: false, serviceMessage: why });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isRecord(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
