// ListTasks: one project's tasks in one environment (default Prod), filtered and sorted on the server.
import { ApiError, invalidParameter } from '../errors';
import type { TaskRecord } from '../state';
import type { ActionHandler } from './context';
import { pagedAnswer, readPaging } from './paging';
import { listItem } from './task-view';

const SORTS = ['Id Desc', 'Id Asc', 'ModifyTime Desc', 'ModifyTime Asc', 'CreateTime Desc', 'CreateTime Asc'] as const;

export const listTasks: ActionHandler = ({ state, params }) => {
  const projectId = params.id('ProjectId') ?? params.required('ProjectId');
  if (!state.projects.some((p) => p.Id === projectId)) throw projectNotFound(projectId);
  const env = params.oneOf('ProjectEnv', ['Prod', 'Dev'] as const) ?? 'Prod';
  const paging = readPaging(params);
  const sort = params.oneOf('SortBy', SORTS) ?? 'Id Desc';
  const name = params.str('Name')?.toLowerCase();
  const owner = params.str('Owner');
  const taskType = params.str('TaskType');
  const triggerType = params.oneOf('TriggerType', ['Scheduler', 'Manual'] as const);
  const recurrence = params.oneOf('TriggerRecurrence', ['Normal', 'Skip', 'Pause'] as const);
  const workflowId = params.id('WorkflowId');
  const resourceGroup = params.str('RuntimeResource');
  const ids = params.idList('Ids');
  const idSet = ids ? new Set(ids) : undefined;

  const matches = Object.values(state.tasks[env]).filter((t) =>
    t.ProjectId === projectId &&
    (!name || t.Name.toLowerCase().includes(name)) &&
    (!owner || t.Owner === owner) &&
    (!taskType || t.Type === taskType) &&
    (!triggerType || t.Trigger.Type === triggerType) &&
    (!recurrence || t.Trigger.Recurrence === recurrence) &&
    (!workflowId || t.WorkflowId === workflowId) &&
    (!resourceGroup || t.RuntimeResource.ResourceGroupId === resourceGroup) &&
    (!idSet || idSet.has(t.Id)));
  matches.sort(comparator(sort));

  return pagedAnswer('Tasks', matches, paging, listItem);
};

const byId = (a: TaskRecord, b: TaskRecord): number => {
  const x = BigInt(a.Id), y = BigInt(b.Id);
  return x < y ? -1 : x > y ? 1 : 0;
};

function comparator(sort: (typeof SORTS)[number]): (a: TaskRecord, b: TaskRecord) => number {
  const [field, dir] = sort.split(' ') as ['Id' | 'ModifyTime' | 'CreateTime', 'Desc' | 'Asc'];
  const sign = dir === 'Desc' ? -1 : 1;
  if (field === 'Id') return (a, b) => sign * byId(a, b);
  return (a, b) => sign * (a[field] - b[field] || byId(a, b));
}

export const projectNotFound = (id: string): ApiError =>
  invalidParameter('ProjectId', `the workspace ${id} does not exist or you have no access to it.`);
