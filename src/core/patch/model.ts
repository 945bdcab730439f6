// The BatchUpdateTasks request body (OpenAPI 2024-05-18), PascalCase as on the wire.
// Task ids are int64 and kept as decimal digit strings everywhere in our code.

export type EnvType = 'Prod' | 'Dev';
export type RerunMode = 'AllDenied' | 'FailureAllowed' | 'AllAllowed';
export type TriggerType = 'Scheduler' | 'Manual';
export type Recurrence = 'Normal' | 'Skip' | 'Pause';

export interface TriggerPatch {
  Type?: TriggerType;
  Recurrence?: Recurrence;
  Cron?: string;
  StartTime?: string;
  EndTime?: string;
}

export interface RuntimeResourcePatch {
  ResourceGroupId?: string;
  Image?: string;
  Cu?: string;
}

export interface TagPatch {
  Key: string;
  Value?: string;
}

export interface TaskPatch {
  /** int64 as decimal digits, exactly as written. */
  Id: string;
  EnvType?: EnvType;
  Name?: string;
  Description?: string;
  Owner?: string;
  Timeout?: number;
  RerunMode?: RerunMode;
  RerunTimes?: number;
  RerunInterval?: number;
  Trigger?: TriggerPatch;
  RuntimeResource?: RuntimeResourcePatch;
  DataSource?: { Name?: string };
  Tags?: TagPatch[];
}

export interface BatchUpdateRequest {
  Comment?: string;
  Tasks: TaskPatch[];
}

/** The editable fields of a task, in the order the schema and generated patches use. */
export const EDITABLE_FIELDS = [
  'EnvType', 'Name', 'Description', 'Owner', 'Timeout', 'RerunMode', 'RerunTimes', 'RerunInterval',
  'Trigger', 'RuntimeResource', 'DataSource', 'Tags',
] as const;
