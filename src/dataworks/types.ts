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
  /** As the model has it: `Standard` a size such as "2CU", `Amount` how many of it. */
  Spec?: { Standard?: string; Amount?: number };
}

/** A ListDataSources group: the name and type, and one connection per environment behind them. */
export interface DataSource {
  Name: string;
  Type?: string;
  /** The connection per environment (Dev/Prod); which one is in `ConnectionProperties.envType`. */
  DataSource?: DataSourceConnection[];
}

export interface DataSourceConnection {
  Id?: string;
  Description?: string;
  QualifiedName?: string;
  ConnectionPropertiesMode?: string;
  /** Free-form per type; `envType` (Dev/Prod) names the environment. */
  ConnectionProperties?: { envType?: string; [key: string]: unknown };
}

export { connectionEnv } from '../core/apply/references';

/**
 * One ListTaskInstances item, under the SDK's names (dataworks-public 2024-05-18,
 * ListTaskInstancesResponseBodyPagingInfoTaskInstances). Ids are digit strings; times are epoch ms;
 * which of them mark waiting and running is stated in core/history/instance-times.ts.
 */
export interface TaskInstance {
  Id: string;
  TaskId: string;
  TaskName?: string;
  TaskType?: string;
  ProjectId?: string;
  ProjectEnv?: EnvType;
  /** 00:00 of the day before the scheduled day (epoch ms). */
  Bizdate?: number;
  TriggerTime?: number;
  WaitingTriggerTime?: number;
  WaitingResourceTime?: number;
  StartedTime?: number;
  FinishedTime?: number;
  /** NotRun, WaitTime, CheckingCondition, WaitResource, Running, Checking, Failure or Success. */
  Status?: string;
  RuntimeResource?: { ResourceGroupId?: string; Cu?: string; Image?: string };
  /** Normal (scheduled), SmokeTest, SupplementData, Manual, ManualWorkflow, ManualFlow. */
  WorkflowInstanceType?: string;
  TriggerType?: string;
  /** Normal, Skip (dry run) or Pause. */
  TriggerRecurrence?: string;
  RunNumber?: number;
  /** Which of the task's runs of the day this is, from 1. */
  PeriodNumber?: number;
  WorkflowId?: string;
  WorkflowInstanceId?: string;
  Owner?: string;
  Priority?: number;
  /** Seconds. */
  Timeout?: number;
  CreateTime?: number;
  ModifyTime?: number;
}

/** ListTaskInstances' request (ProjectId and Bizdate required). */
export interface ListTaskInstancesQuery {
  ProjectId: string;
  /** Epoch ms of 00:00 of the business date (the day before the scheduled day). */
  Bizdate: number;
  ProjectEnv?: EnvType;
  TaskId?: string;
  /** Sent as a JSON array of bare int64 numbers. */
  TaskIds?: string[];
  TaskName?: string;
  TaskType?: string;
  Owner?: string;
  Status?: string;
  /** A resource group id: instances that run on it. */
  RuntimeResource?: string;
  WorkflowId?: string;
  WorkflowInstanceType?: string;
  TriggerType?: string;
  TriggerRecurrence?: string;
  Id?: string;
  /** `TriggerTime|StartedTime|FinishedTime|CreateTime|Id` + ` Asc|Desc`; default `Id Desc`. */
  SortBy?: string;
  PageNumber?: number;
  PageSize?: number;
}
