// The emulator's whole world, as kept in memory and in the state file. Ids of projects, tasks and
// workflows are int64 and kept as decimal digit strings; responses write them as bare JSON numbers.
import type { EnvType, RerunMode, Recurrence, TriggerType } from '../core/patch/model';

// 2: resource group types as the SDK names them; tasks carry Priority, InstanceMode, BaselineId.
export const STATE_VERSION = 2;

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
  /** 1 (default) to 8, higher runs first. */
  Priority: number;
  /** T+1: instances from the next day on; Immediately: from the day of deployment. */
  InstanceMode: 'T+1' | 'Immediately';
  /** The baseline the task belongs to, digits; absent when it is in none. */
  BaselineId?: string;
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
  /** As the SDK names them; CommonV2 is the serverless (general-purpose) group. */
  ResourceGroupType: 'CommonV2' | 'ExclusiveScheduler' | 'ExclusiveDataIntegration' | 'ExclusiveDataService';
  Status: 'Normal' | 'Updating';
  PaymentType: 'PrePaid' | 'PostPaid';
  Spec: { Standard: string; Amount: number };
  CreateTime: number;
  CreateUser: string;
  OrderInstanceId: string;
  AliyunResourceGroupId: string;
  /** General-purpose (CommonV2) groups only. */
  DefaultVpcId?: string;
  DefaultVswicthId?: string;
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
