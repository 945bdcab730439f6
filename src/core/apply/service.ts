// What the apply engine needs from the service. `src/dataworks` implements it over the real API;
// the core stays free of network code, and tests can run the engine against the emulator through it.
import type { BatchUpdateRequest, EnvType, TaskPatch } from '../patch/model';

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

export interface TaskService {
  batchUpdateTasks(body: BatchUpdateRequest, signal?: AbortSignal): Promise<BatchUpdateResponse>;
  /** One task's full current state in one environment (GetTask). */
  getTask(id: string, env: EnvType, signal?: AbortSignal): Promise<TaskState>;
}
