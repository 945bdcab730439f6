// How a stored task appears on the wire (the fields the SDK's response models declare): ListTasks
// items carry no Tags but ScriptParameters; GetTask has no ScriptParameters (its model keeps them in
// Script.Parameters) and adds EnvType, Tags, Dependencies, Inputs, Outputs and Script. Ids
// (BaselineId too) are bare int64 numbers.
import type { TaskRecord } from '../state';
import { int64 } from '../wire-json';

export function listItem(t: TaskRecord): Record<string, unknown> {
  return {
    Id: int64(t.Id),
    Name: t.Name,
    Type: t.Type,
    Description: t.Description,
    ProjectId: int64(t.ProjectId),
    ProjectEnv: t.ProjectEnv,
    WorkflowId: int64(t.WorkflowId),
    Owner: t.Owner,
    CreateTime: t.CreateTime,
    CreateUser: t.Owner,
    ModifyTime: t.ModifyTime,
    ModifyUser: t.Owner,
    Timeout: t.Timeout,
    Priority: t.Priority,
    InstanceMode: t.InstanceMode,
    ...(t.BaselineId !== undefined ? { BaselineId: int64(t.BaselineId) } : {}),
    RerunMode: t.RerunMode,
    RerunTimes: t.RerunTimes,
    RerunInterval: t.RerunInterval,
    ...(t.DataSource ? { DataSource: { ...t.DataSource } } : {}),
    RuntimeResource: { ...t.RuntimeResource },
    ScriptParameters: t.Script.Parameters,
    Trigger: { ...t.Trigger },
  };
}

export function detail(t: TaskRecord): Record<string, unknown> {
  const common = listItem(t);
  delete common.ScriptParameters;
  return {
    ...common,
    EnvType: t.ProjectEnv,
    Tags: t.Tags.map((tag) => ({ ...tag })),
    Dependencies: t.Dependencies.map((d) => ({ Type: d.Type, UpstreamOutput: d.Output })),
    Inputs: { Variables: [] },
    Outputs: { TaskOutputs: t.Outputs.map((o) => ({ Output: o.Output })), Variables: [] },
    Script: { ...t.Script },
  };
}
