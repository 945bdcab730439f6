// The one list of a task's fields in a BatchUpdateTasks request (OpenAPI 2024-05-18), PascalCase as
// on the wire. The patch types (TaskPatch and its parts) are derived from it; the JSON schema, the
// patch entries the Tasks view writes and the emulator are held to it by test/unit/core/task-fields.test.ts.
// A field is added here first.

export const ENV_TYPES = ['Prod', 'Dev'] as const;
export const RERUN_MODES = ['AllDenied', 'FailureAllowed', 'AllAllowed'] as const;
export const TRIGGER_TYPES = ['Scheduler', 'Manual'] as const;
export const RECURRENCES = ['Normal', 'Skip', 'Pause'] as const;

export type FieldSpec =
  | { type: 'string' | 'integer'; required?: true }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'object'; fields: Readonly<Record<string, FieldSpec>> }
  | { type: 'array'; items: FieldSpec };

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

/** Every field but Id, in the order the schema and generated patches use. Id (int64, required) selects the task. */
export const TASK_FIELDS = {
  EnvType: { type: 'enum', values: ENV_TYPES },
  Name: str,
  Description: str,
  Owner: str,
  Timeout: int,
  RerunMode: { type: 'enum', values: RERUN_MODES },
  RerunTimes: int,
  RerunInterval: int,
  Trigger: {
    type: 'object',
    fields: { Type: { type: 'enum', values: TRIGGER_TYPES }, Recurrence: { type: 'enum', values: RECURRENCES }, Cron: str, StartTime: str, EndTime: str },
  },
  RuntimeResource: { type: 'object', fields: { ResourceGroupId: str, Image: str, Cu: str } },
  DataSource: { type: 'object', fields: { Name: str } },
  Tags: { type: 'array', items: { type: 'object', fields: { Key: { type: 'string', required: true }, Value: str } } },
} as const satisfies Record<string, FieldSpec>;

export type TaskFieldName = keyof typeof TASK_FIELDS;

/** The field names, in table order. */
export const TASK_FIELD_NAMES = Object.keys(TASK_FIELDS) as TaskFieldName[];

/** The integer fields (Id apart: it has its own rules, it must also be positive). */
export const INTEGER_FIELDS = TASK_FIELD_NAMES.filter((f) => TASK_FIELDS[f].type === 'integer');

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * An integer field's value: a JS number where that is exact, else its decimal digits (a patch may
 * hold any int64, and it is sent as written; the client's lossless reader does the same).
 */
export type IntegerValue = number | string;

/** The TypeScript value type a field spec describes. */
export type FieldValue<S> = S extends { type: 'string' } ? string
  : S extends { type: 'integer' } ? IntegerValue
  : S extends { type: 'enum'; values: readonly (infer V)[] } ? V
  : S extends { type: 'object'; fields: infer F } ? FieldsValue<F>
  : S extends { type: 'array'; items: infer I } ? FieldValue<I>[]
  : never;

/** An object of fields: required ones (`required: true`) present, the others optional. */
export type FieldsValue<F> = Simplify<
  { -readonly [K in keyof F as F[K] extends { required: true } ? K : never]: FieldValue<F[K]> } &
  { -readonly [K in keyof F as F[K] extends { required: true } ? never : K]?: FieldValue<F[K]> }
>;
