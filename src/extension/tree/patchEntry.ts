// A task as a patch entry: Id, EnvType and the current values of every editable field, so the
// user edits values rather than types them. Pure: no vscode, no network.
import type { EnvType, TaskPatch } from '../../core/patch/model';
import type { Task } from '../../dataworks/types';

export function patchEntryFor(task: Task, env: EnvType): TaskPatch {
  const e: TaskPatch = { Id: task.Id, EnvType: env };
  if (task.Name !== undefined) e.Name = task.Name;
  if (task.Description !== undefined && task.Description !== null) e.Description = task.Description;
  if (task.Owner !== undefined) e.Owner = task.Owner;
  if (typeof task.Timeout === 'number') e.Timeout = task.Timeout;
  if (task.RerunMode !== undefined) e.RerunMode = task.RerunMode;
  if (typeof task.RerunTimes === 'number') e.RerunTimes = task.RerunTimes;
  if (typeof task.RerunInterval === 'number') e.RerunInterval = task.RerunInterval;
  const tr = task.Trigger;
  if (tr) {
    const trigger: NonNullable<TaskPatch['Trigger']> = {};
    if (tr.Type) trigger.Type = tr.Type;
    // Recurrence and Cron apply to scheduled tasks only; copying them onto a manual task would
    // produce a patch the service rejects.
    if (tr.Type !== 'Manual') {
      if (tr.Recurrence) trigger.Recurrence = tr.Recurrence;
      if (tr.Cron) trigger.Cron = tr.Cron;
    }
    if (tr.StartTime) trigger.StartTime = tr.StartTime;
    if (tr.EndTime) trigger.EndTime = tr.EndTime;
    if (Object.keys(trigger).length) e.Trigger = trigger;
  }
  const rr = task.RuntimeResource;
  if (rr) {
    const runtime: NonNullable<TaskPatch['RuntimeResource']> = {};
    if (rr.ResourceGroupId) runtime.ResourceGroupId = rr.ResourceGroupId;
    if (rr.Image) runtime.Image = rr.Image;
    if (rr.Cu !== undefined && rr.Cu !== null && rr.Cu !== '') runtime.Cu = String(rr.Cu);
    if (Object.keys(runtime).length) e.RuntimeResource = runtime;
  }
  if (task.DataSource?.Name) e.DataSource = { Name: task.DataSource.Name };
  if (Array.isArray(task.Tags)) {
    e.Tags = task.Tags.map((t) => (t.Value !== undefined && t.Value !== null ? { Key: t.Key, Value: t.Value } : { Key: t.Key }));
  }
  return e;
}
