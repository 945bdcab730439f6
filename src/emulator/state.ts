// The emulator's whole world, as kept in memory and in the state file. Ids of projects, tasks and
// workflows are int64 and kept as decimal digit strings; responses write them as bare JSON numbers.
import type { EnvType, RerunMode, Recurrence, TriggerType } from '../core/patch/model';

export const STATE_VERSION = 1;

export interface ProjectRecord {
  Id: string;
  Name: string;
  DisplayName: string;
  Description: string;
  Owner: string;
  Status: 'Available';
  DevEnvironmentEnabled: boolean;
}

export interface TriggerRecord {
  Type: TriggerType;
  /** Scheduler triggers only. */
  Recurrence?: Recurrence;
  /** Scheduler triggers only. */
  Cron?: string;
  StartTime: string;
  EndTime: string;
}

export interface TaskRecord {
  Id: string;
  Name: string;
  Type: string;
  Description: string;
  ProjectId: string;
  ProjectEnv: EnvType;
  WorkflowId: string;
  Owner: string;
  CreateTime: number;
  ModifyTime: number;
  Timeout: number;
  RerunMode: RerunMode;
  RerunTimes: number;
  RerunInterval: number;
  /** Absent for task types that need no data source (shell). */
  DataSource?: { Name: string };
  RuntimeResource: { ResourceGroupId: string; Image?: string; Cu: string };
  Trigger: TriggerRecord;
  Tags: { Key: string; Value: string }[];
  Script: { Content: string; Parameters: string };
  /** Upstream outputs this task depends on (`<project>.<output>`). */
  Dependencies: { Type: 'Normal'; Output: string }[];
  Outputs: { Output: string }[];
}

export interface ResourceGroupRecord {
  Id: string;
  Name: string;
  Remark: string;
  ResourceGroupType: 'CommonV2' | 'DataIntegration' | 'Scheduler';
  Status: 'Normal' | 'Updating';
  PaymentType: 'PrePaid' | 'PostPaid';
  Spec: { Standard: string; Amount: number };
  CreateTime: number;
}

export interface DataSourceRecord {
  /** Numeric id of this (name, env) connection, digits. */
  Id: string;
  Name: string;
  Type: string;
  EnvType: EnvType;
  Description: string;
  CreateTime: number;
}

export interface QuotaCounter {
  /** UTC day `YYYY-MM-DD` the count belongs to. */
  day: string;
  used: number;
}

export interface EmulatorState {
  version: typeof STATE_VERSION;
  /** How the seed data was made, for the record. */
  seed: number;
  taskCount: number;
  projects: ProjectRecord[];
  /** Dev and Prod are separate worlds: the same task id may exist in both, with different values. */
  tasks: Record<EnvType, Record<string, TaskRecord>>;
  resourceGroups: ResourceGroupRecord[];
  /** Keyed by project id digits. */
  dataSources: Record<string, DataSourceRecord[]>;
  quota: QuotaCounter;
}
