// State files written by an older emulator (npm start and the extension keep theirs across upgrades)
// are brought up to STATE_VERSION on load instead of being refused. Version 1 named resource group
// types and one task type differently and had no Priority / InstanceMode.
import type { EmulatorState, ResourceGroupRecord, TaskRecord } from './state';

const GROUP_TYPES: Record<string, ResourceGroupRecord['ResourceGroupType']> = {
  Scheduler: 'ExclusiveScheduler',
  DataIntegration: 'ExclusiveDataIntegration',
};
const TASK_TYPES: Record<string, string> = { PYODPS3: 'PY_ODPS3' };

/** A task as version 1 stored it (also in a log written before the upgrade) made current; idempotent. */
export function migrateTask(task: TaskRecord): TaskRecord {
  const t = task as TaskRecord & Partial<Pick<TaskRecord, 'Priority' | 'InstanceMode'>>;
  t.Type = TASK_TYPES[t.Type] ?? t.Type;
  t.Priority ??= 1;
  t.InstanceMode ??= 'T+1';
  return t;
}

/** Brings a parsed state of version 1 to version 2 in place; undefined for any other version. */
export function migrateState(s: Omit<Partial<EmulatorState>, 'version'> & { version?: unknown }): EmulatorState | undefined {
  if (s.version !== 1 || !s.tasks || !s.resourceGroups) return undefined;
  for (const g of s.resourceGroups) {
    const old = g as ResourceGroupRecord & Partial<ResourceGroupRecord>;
    old.ResourceGroupType = GROUP_TYPES[old.ResourceGroupType] ?? old.ResourceGroupType;
    old.CreateUser ??= s.projects?.[0]?.Owner ?? '';
    old.OrderInstanceId ??= '';
    old.AliyunResourceGroupId ??= '';
  }
  for (const env of ['Dev', 'Prod'] as const) for (const t of Object.values(s.tasks[env] ?? {})) migrateTask(t);
  return { ...(s as EmulatorState), version: 2 };
}
