// The BatchUpdateTasks request body (OpenAPI 2024-05-18), PascalCase as on the wire.
// Task ids are int64 and kept as decimal digit strings everywhere in our code.

import { ENV_TYPES, RECURRENCES, RERUN_MODES, TASK_FIELDS, TASK_FIELD_NAMES, TRIGGER_TYPES, type FieldsValue, type FieldValue } from '../task-fields';

// Derived from the one table of task fields (src/core/task-fields.ts).
export type EnvType = (typeof ENV_TYPES)[number];
export type RerunMode = (typeof RERUN_MODES)[number];
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type Recurrence = (typeof RECURRENCES)[number];

export type TriggerPatch = FieldValue<typeof TASK_FIELDS.Trigger>;
export type RuntimeResourcePatch = FieldValue<typeof TASK_FIELDS.RuntimeResource>;
export type TagPatch = FieldValue<typeof TASK_FIELDS.Tags.items>;

export type TaskPatch = {
  /** int64 as decimal digits, exactly as written. */
  Id: string;
} & FieldsValue<typeof TASK_FIELDS>;

export interface BatchUpdateRequest {
  Comment?: string;
  Tasks: TaskPatch[];
}

/** The editable fields of a task, in the order the schema and generated patches use. */
export const EDITABLE_FIELDS = TASK_FIELD_NAMES;
