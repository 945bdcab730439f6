// ListTaskInstances: one business date's instances of a project's tasks in one environment (default
// Prod), filtered and sorted on the server, paged from PageSize 10 (at most 100, as every list action
// here; the SDK states no maximum). The runs come from ../history.ts; what an instance shows depends
// on the request's time (a run not yet started waits; one started but not finished runs).
import { invalidParameter } from '../errors';
import { HISTORY_ZONE, runsOf, stateAt, type InstanceRun, type InstanceState } from '../history';
import type { Params } from '../params';
import { RevisionCache } from '../revision';
import { int64 } from '../wire-json';
import { wallDayOf } from '../../core/history/bizdate';
import type { ActionHandler } from './context';
import { pagedAnswer, readPaging } from './paging';
import { compareIds, projectNotFound } from './list-tasks';

const SORT_FIELDS = ['TriggerTime', 'StartedTime', 'FinishedTime', 'CreateTime', 'Id'] as const;
const STATUSES = ['NotRun', 'WaitTime', 'CheckingCondition', 'WaitResource', 'Running', 'Checking', 'Failure', 'Success'] as const;
const INSTANCE_TYPES = ['Normal', 'SmokeTest', 'SupplementData', 'Manual', 'ManualWorkflow', 'ManualFlow', 'TriggerWorkflow'] as const;
/** The time ranges `Filter` (a JSON object) may hold, each bound epoch ms as a number or digit string. */
const FILTER_KEYS = ['startedTimeStart', 'startedTimeEnd', 'finishedTimeStart', 'finishedTimeEnd', 'createTimeStart', 'createTimeEnd'] as const;
type SortField = (typeof SORT_FIELDS)[number];

interface Query {
  env: 'Prod' | 'Dev';
  projectId: string;
  bizdate: number;
  taskIds?: string[];
  ids?: string[];
  taskName?: string;
  taskType?: string;
  owner?: string;
  resourceGroup?: string;
  workflowId?: string;
  workflowInstanceId?: string;
  instanceType?: string;
  triggerType?: string;
  recurrence?: string;
  status?: string;
  ranges: Partial<Record<(typeof FILTER_KEYS)[number], number>>;
  sort: { field: SortField; desc: boolean };
}

export const listTaskInstances: ActionHandler = ({ state, params, now }) => {
  const projectId = params.id('ProjectId') ?? params.required('ProjectId');
  const bizdate = params.int('Bizdate', 0, 8_640_000_000_000_000) ?? Number(params.required('Bizdate'));
  if (!state.projects.some((p) => p.Id === projectId)) throw projectNotFound(projectId);
  const paging = readPaging(params);
  const taskId = params.id('TaskId');
  const taskIds = params.idList('TaskIds');
  const id = params.id('Id');
  const ids = params.idList('Ids');
  const q: Query = {
    env: params.oneOf('ProjectEnv', ['Prod', 'Dev'] as const) ?? 'Prod',
    projectId, bizdate,
    taskIds: taskId || taskIds ? [...(taskId ? [taskId] : []), ...(taskIds ?? [])] : undefined,
    ids: id || ids ? [...(id ? [id] : []), ...(ids ?? [])] : undefined,
    taskName: params.str('TaskName')?.toLowerCase(),
    taskType: params.str('TaskType'),
    owner: params.str('Owner'),
    resourceGroup: params.str('RuntimeResource'),
    workflowId: params.id('WorkflowId'),
    workflowInstanceId: params.id('WorkflowInstanceId'),
    instanceType: params.oneOf('WorkflowInstanceType', INSTANCE_TYPES),
    triggerType: params.oneOf('TriggerType', ['Scheduler', 'Manual'] as const),
    recurrence: params.oneOf('TriggerRecurrence', ['Normal', 'Skip', 'Pause'] as const),
    status: params.oneOf('Status', STATUSES),
    ranges: readRanges(params),
    sort: readSort(params),
  };
  const runs = runsOf(state, q.env, projectId, bizdate, now);
  // What depends on the request's time (status, started/finished) is not cached.
  const timeDependent = q.status !== undefined || Object.keys(q.ranges).length > 0 || q.sort.field === 'StartedTime' || q.sort.field === 'FinishedTime';
  // The run count is in the key: a run day that had not begun when first asked has runs now.
  const matches = timeDependent ? findMatches(runs, q, now) : matchCache.get(state, `${runs.length}:${JSON.stringify(q)}`, () => findMatches(runs, q, now));
  return pagedAnswer('TaskInstances', matches, paging, (run) => view(run, stateAt(run, now)));
};

function findMatches(runs: InstanceRun[], q: Query, now: number): InstanceRun[] {
  const taskIds = q.taskIds && new Set(q.taskIds);
  const ids = q.ids && new Set(q.ids);
  const found = runs.filter((r) => {
    const t = r.task;
    if (taskIds && !taskIds.has(t.Id)) return false;
    if (ids && !ids.has(r.id)) return false;
    if (q.taskName && !t.Name.toLowerCase().includes(q.taskName)) return false;
    if (q.taskType && t.Type !== q.taskType) return false;
    if (q.owner && t.Owner !== q.owner) return false;
    if (q.resourceGroup && t.RuntimeResource.ResourceGroupId !== q.resourceGroup) return false;
    if (q.workflowId && t.WorkflowId !== q.workflowId) return false;
    if (q.workflowInstanceId && workflowInstanceId(r) !== q.workflowInstanceId) return false;
    // Every emulated run is a scheduled one (Normal, Scheduler).
    if (q.instanceType && q.instanceType !== 'Normal') return false;
    if (q.triggerType && q.triggerType !== 'Scheduler') return false;
    if (q.recurrence && t.Trigger.Recurrence !== q.recurrence) return false;
    if (q.status === undefined && Object.keys(q.ranges).length === 0) return true;
    const s = stateAt(r, now);
    if (q.status && s.Status !== q.status) return false;
    return within(s.StartedTime, q.ranges.startedTimeStart, q.ranges.startedTimeEnd) &&
      within(s.FinishedTime, q.ranges.finishedTimeStart, q.ranges.finishedTimeEnd) &&
      within(r.createdAt, q.ranges.createTimeStart, q.ranges.createTimeEnd);
  });
  const { field, desc } = q.sort;
  const sign = desc ? -1 : 1;
  if (field === 'Id') {
    // The runs come in ascending id order.
    if (desc) found.reverse();
    return found;
  }
  const key = (r: InstanceRun): number | undefined => {
    if (field === 'TriggerTime') return r.triggerTime;
    if (field === 'CreateTime') return r.createdAt;
    const s = stateAt(r, now);
    return field === 'StartedTime' ? s.StartedTime : s.FinishedTime;
  };
  // Instances without the time (not started, not finished) come last either way.
  return found.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || sign * compareIds(a.id, b.id);
    return sign * (x - y || compareIds(a.id, b.id));
  });
}

function within(v: number | undefined, lo: number | undefined, hi: number | undefined): boolean {
  if (lo === undefined && hi === undefined) return true;
  return v !== undefined && (lo === undefined || v >= lo) && (hi === undefined || v <= hi);
}

function readSort(params: Params): Query['sort'] {
  const text = params.str('SortBy') ?? 'Id Desc';
  const m = /^(\w+)(?: (Asc|Desc))?$/.exec(text);
  const field = SORT_FIELDS.find((f) => f === m?.[1]);
  if (!m || !field) {
    throw invalidParameter('SortBy', `"${text}" is not one of ${SORT_FIELDS.map((f) => `${f} Asc|Desc`).join(', ')}.`);
  }
  return { field, desc: m[2] === 'Desc' };
}

function readRanges(params: Params): Query['ranges'] {
  const filter = params.json('Filter');
  if (filter === undefined) return {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalidParameter('Filter', 'it must be a JSON object of time ranges.');
  const out: Query['ranges'] = {};
  for (const [k, v] of Object.entries(filter)) {
    const key = FILTER_KEYS.find((f) => f === k);
    if (!key) throw invalidParameter(`Filter.${k}`, `is not one of ${FILTER_KEYS.join(', ')}.`);
    const text = String(v);
    if (!/^\d{1,16}$/.test(text)) throw invalidParameter(`Filter.${k}`, `"${text}" must be epoch milliseconds.`);
    out[key] = Number(text);
  }
  return out;
}

/** One workflow run per workflow and run day. */
function workflowInstanceId(r: InstanceRun): string {
  return (BigInt(wallDayOf(r.triggerTime, HISTORY_ZONE)) * 1_000_000_000_000n + BigInt(r.task.WorkflowId) % 1_000_000_000_000n).toString();
}

/** An instance as the SDK's model names it (ListTaskInstancesResponseBodyPagingInfoTaskInstances). */
function view(r: InstanceRun, s: InstanceState): Record<string, unknown> {
  const t = r.task;
  return {
    Id: int64(r.id),
    TaskId: int64(t.Id),
    TaskName: t.Name,
    TaskType: t.Type,
    Description: t.Description,
    ProjectId: int64(t.ProjectId),
    ProjectEnv: t.ProjectEnv,
    WorkflowId: int64(t.WorkflowId),
    WorkflowInstanceId: int64(workflowInstanceId(r)),
    WorkflowInstanceType: 'Normal',
    TriggerType: 'Scheduler',
    TriggerRecurrence: t.Trigger.Recurrence ?? 'Normal',
    Bizdate: r.bizdate,
    PeriodNumber: r.periodNumber,
    RunNumber: 1,
    Status: s.Status,
    WaitingTriggerTime: r.createdAt,
    TriggerTime: r.triggerTime,
    ...(s.WaitingResourceTime !== undefined ? { WaitingResourceTime: s.WaitingResourceTime } : {}),
    ...(s.StartedTime !== undefined ? { StartedTime: s.StartedTime, Runtime: { Gateway: 'cn-hangzhou.1.2', ProcessId: `T3_${r.id}` } } : {}),
    ...(s.FinishedTime !== undefined ? { FinishedTime: s.FinishedTime } : {}),
    RuntimeResource: { ...t.RuntimeResource },
    ...(t.DataSource ? { DataSource: { Name: t.DataSource.Name } } : {}),
    ScriptParameters: t.Script.Parameters,
    Owner: t.Owner,
    Priority: t.Priority,
    Timeout: t.Timeout,
    RerunMode: t.RerunMode,
    ...(t.BaselineId !== undefined ? { BaselineId: int64(t.BaselineId) } : {}),
    CreateTime: r.createdAt,
    CreateUser: t.Owner,
    ModifyTime: s.modifiedAt,
    ModifyUser: t.Owner,
  };
}

/** Paging through a day filters and sorts it once, not once per page. */
const matchCache = new RevisionCache<InstanceRun[]>();
