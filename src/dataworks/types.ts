// Shapes of what the DataWorks client returns. Ids of tasks are int64: always decimal digit strings.
import type { EnvType, Recurrence, TriggerType } from '../core/patch/model';
import type { TaskState } from '../core/apply/service';

export interface Project {
  Id: string;
  Name: string;
  DisplayName?: string;
  Description?: string;
  Owner?: string;
  Status?: string;
}

/** A ListTasks item (no Tags) or a GetTask result (with Tags, EnvType). */
export type Task = TaskState & {
  Name?: string;
  Type?: string;
  ProjectId?: string;
  ProjectEnv?: EnvType;
  CreateTime?: number;
  ModifyTime?: number;
};

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

export interface ListTasksQuery {
  ProjectId: string;
  ProjectEnv?: EnvType;
  Name?: string;
  Ids?: string[];
  Owner?: string;
  TaskType?: string;
  TriggerType?: TriggerType;
  TriggerRecurrence?: Recurrence;
  /** A resource group id: tasks that run on it. */
  RuntimeResource?: string;
  WorkflowId?: string;
  SortBy?: string;
  PageNumber?: number;
  PageSize?: number;
}

export interface ResourceGroup {
  Id: string;
  Name?: string;
  /** CommonV2 (serverless), ExclusiveScheduler, ExclusiveDataIntegration or ExclusiveDataService. */
  ResourceGroupType?: string;
  Status?: string;
  Spec?: unknown;
}

export interface DataSource {
  Name: string;
  Type?: string;
  /** The connection per environment (Dev/Prod) behind the name. */
  DataSource?: { Id?: string; Name?: string; Type?: string; EnvType?: EnvType; Description?: string }[];
}
