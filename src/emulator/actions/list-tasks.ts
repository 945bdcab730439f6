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

  const matches = idOrder(state.tasks[env]).filter((t) =>
    t.ProjectId === projectId &&
    (!name || t.Name.toLowerCase().includes(name)) &&
    (!owner || t.Owner === owner) &&
    (!taskType || t.Type === taskType) &&
    (!triggerType || t.Trigger.Type === triggerType) &&
    (!recurrence || t.Trigger.Recurrence === recurrence) &&
    (!workflowId || t.WorkflowId === workflowId) &&
    (!resourceGroup || t.RuntimeResource.ResourceGroupId === resourceGroup) &&
    (!idSet || idSet.has(t.Id)));
  // The list is in Id Asc order already; the other orders sort it (stable, so ties stay by Id Asc).
  if (sort === 'Id Desc') matches.reverse();
  else if (sort !== 'Id Asc') matches.sort(comparator(sort));

  return pagedAnswer('Tasks', matches, paging, listItem);
};

/**
 * Orders canonical int64 digit strings (no sign, no leading zeros; the state holds no others) as
 * numbers: a longer string is a larger number, equal lengths compare as text. No BigInt per compare:
 * that made every ListTasks of a 10,000-task state cost 20-30 ms.
 */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const byId = (a: TaskRecord, b: TaskRecord): number => compareIds(a.Id, b.Id);

/**
 * The tasks of one environment in Id Asc order, sorted once per change of the id set rather than on
 * every call (writes replace records but never their ids). Checked on each use (same count, every
 * cached id still there), so a task added or removed by any path resorts; O(n) lookups, no sort.
 */
const orderCache = new WeakMap<Record<string, TaskRecord>, string[]>();
function idOrder(tasks: Record<string, TaskRecord>): TaskRecord[] {
  const cached = orderCache.get(tasks);
  if (cached && cached.length === Object.keys(tasks).length && cached.every((id) => id in tasks)) return cached.map((id) => tasks[id]);
  const sorted = Object.values(tasks).sort(byId);
  orderCache.set(tasks, sorted.map((t) => t.Id));
  return sorted;
}

function comparator(sort: (typeof SORTS)[number]): (a: TaskRecord, b: TaskRecord) => number {
  const [field, dir] = sort.split(' ') as ['Id' | 'ModifyTime' | 'CreateTime', 'Desc' | 'Asc'];
  const sign = dir === 'Desc' ? -1 : 1;
  if (field === 'Id') return (a, b) => sign * byId(a, b);
  return (a, b) => sign * (a[field] - b[field] || byId(a, b));
}

export const projectNotFound = (id: string): ApiError =>
  invalidParameter('ProjectId', `the workspace ${id} does not exist or you have no access to it.`);
