// What the picture needs of a task, and how a patch's task and the service's current values make one.
import type { EnvType, Recurrence, TaskPatch, TriggerType } from '../patch/model';
import type { TaskState } from '../apply/service';

/** Tasks whose resource group is not known (not in the patch and not read). */
export const NO_GROUP = '(no resource group)';

export interface ScheduleTask {
  id: string;
  env: EnvType;
  name?: string;
  /** The task's project, when the service said (the run history is read per project). */
  projectId?: string;
  /** Undefined: nothing says when it fires (the patch has no Cron and the current value is unknown). */
  cron?: string;
  type?: TriggerType;
  recurrence?: Recurrence;
  resourceGroupId?: string;
  /** `RuntimeResource.Cu` as the service writes it (a decimal string); the capacity picture reads it. */
  cu?: string;
  /** Effective period, `yyyy-mm-dd hh:mm:ss` wall-clock time in the schedule's zone. */
  startTime?: string;
  endTime?: string;
  /** Position of the task in the patch's Tasks, when it comes from a patch. */
  patchIndex?: number;
  /** Why it is skipped although it has values, e.g. the task could not be read. */
  unreadable?: string;
}

/** A task as the service reports it (ListTasks / GetTask item). */
export function fromState(s: TaskState, env: EnvType): ScheduleTask {
  const t = s.Trigger ?? {};
  return clean({
    id: s.Id, env, name: s.Name, projectId: s.ProjectId, cron: t.Cron, type: t.Type, recurrence: t.Recurrence,
    resourceGroupId: s.RuntimeResource?.ResourceGroupId, cu: s.RuntimeResource?.Cu, startTime: t.StartTime, endTime: t.EndTime,
  });
}

/**
 * The task after the patch: the patch's Trigger and RuntimeResource fields over the current ones.
 * Without current values, only what the patch says (a task without a Cron in it is skipped).
 */
export function patchedTask(patch: TaskPatch, env: EnvType, index: number, current?: ScheduleTask): ScheduleTask {
  const tr = patch.Trigger ?? {};
  const base: ScheduleTask = current ?? { id: patch.Id, env };
  return clean({
    ...base,
    id: patch.Id, env, patchIndex: index,
    name: patch.Name ?? base.name,
    cron: tr.Cron ?? base.cron,
    type: tr.Type ?? base.type,
    recurrence: tr.Recurrence ?? base.recurrence,
    startTime: tr.StartTime ?? base.startTime,
    endTime: tr.EndTime ?? base.endTime,
    resourceGroupId: patch.RuntimeResource?.ResourceGroupId ?? base.resourceGroupId,
    cu: patch.RuntimeResource?.Cu ?? base.cu,
  });
}

/** The patch entry as it is today on the service (the "before" side). */
export function currentTask(patch: TaskPatch, env: EnvType, index: number, current?: ScheduleTask, error?: string): ScheduleTask {
  if (!current) return { id: patch.Id, env, patchIndex: index, unreadable: error ?? 'current values not read' };
  return { ...current, patchIndex: index };
}

function clean(t: ScheduleTask): ScheduleTask {
  for (const k of Object.keys(t) as (keyof ScheduleTask)[]) if (t[k] === undefined) delete t[k];
  return t;
}
