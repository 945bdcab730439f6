// What the apply engine needs from the service. `src/dataworks` implements it over the real API;
// the core stays free of network code, and tests can run the engine against the emulator through it.
import type { BatchUpdateRequest, EnvType, TaskPatch } from '../patch/model';
import type { RateLimiter } from './rate-limit';

/**
 * What the engine hands a call besides its parameters: the signal that cancels it and the limiter
 * that paced it. The engine took the first attempt's slot; a service that retries (the client, on
 * throttling) takes each retry's slot from the same limiter, since the quota counts retries too.
 */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  limiter?: RateLimiter | undefined;
}
/** A bare signal (most callers) or the options. */
export type CallArg = AbortSignal | CallOptions | undefined;

export interface TaskResult {
  Success: boolean;
  Message?: string;
}

export interface BatchUpdateResponse {
  requestId: string;
  /** Keyed by task id digits, exactly as the service answered. */
  successInfo: Record<string, TaskResult>;
}

/** A task's current values as the service reports them; Id as digits. Fields the patch can set share TaskPatch's shape. */
export type TaskState = TaskPatch & {
  ProjectId?: string;
  ProjectEnv?: EnvType;
  Type?: string;
  WorkflowId?: string;
  ModifyTime?: number;
};

/** The part of a ListTasks query the engine uses to read before-state (a subset of the client's ListTasksQuery). */
export interface TaskLookupQuery {
  ProjectId: string;
  ProjectEnv?: EnvType;
  /** At most 100 ids per call (the documented page-size ceiling elsewhere in the API). */
  Ids?: string[];
  PageNumber?: number;
  PageSize?: number;
}

/** One page of ListTasks (structurally the client's Page<Task>). */
export interface TaskPage {
  items: TaskState[];
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

export interface TaskService {
  batchUpdateTasks(body: BatchUpdateRequest, call?: CallArg): Promise<BatchUpdateResponse>;
  /** One task's full current state in one environment (GetTask). */
  getTask(id: string, env: EnvType, call?: CallArg): Promise<TaskState>;
  /**
   * One page of ListTasks. Optional: without it the engine reads before-state with one GetTask per task.
   * With it, up to 100 tasks cost one call (no Tags in ListTasks items, so Tags still need GetTask).
   */
  listTasks?(query: TaskLookupQuery, call?: CallArg): Promise<TaskPage>;
  /** The account's resource groups of the given types (the plan checks what a patch points to). Optional. */
  listResourceGroups?(query: { PageNumber: number; PageSize: number; ResourceGroupTypes?: string[] }, call?: CallArg): Promise<{ items: { Id: string }[]; totalCount: number }>;
  /** A project's data sources, with the environments they have a connection in. Optional. */
  listDataSources?(query: { ProjectId: string; PageNumber: number; PageSize: number }, call?: CallArg): Promise<{ items: { Name: string; DataSource?: { ConnectionProperties?: { envType?: string } }[] }[]; totalCount: number }>;
}

/**
 * What the engine reads from a failed call. The client's DataWorksError has these fields; the core
 * only looks at them structurally so it never imports the client.
 */
export interface ServiceErrorLike {
  message: string;
  code?: string;
  statusCode?: number;
  requestId?: string;
  retryable?: boolean;
  kind?: 'auth' | 'throttled' | 'quota' | 'parameter' | 'notFound' | 'server' | 'network' | 'timeout' | 'cancelled' | 'protocol';
  /** How many HTTP attempts the client made for this call, when it says so. */
  attempts?: number;
}
