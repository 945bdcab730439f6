// ListTasks: one project's tasks in one environment (default Prod), filtered and sorted on the server.
import { ApiError, invalidParameter } from '../errors';
import { RevisionCache } from '../revision';
import type { EmulatorState, TaskRecord } from '../state';
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
  const q: Query = {
    env, projectId, sort,
    name: params.str('Name')?.toLowerCase(),
    owner: params.str('Owner'),
    taskType: params.str('TaskType'),
    triggerType: params.oneOf('TriggerType', ['Scheduler', 'Manual'] as const),
    recurrence: params.oneOf('TriggerRecurrence', ['Normal', 'Skip', 'Pause'] as const),
    workflowId: params.id('WorkflowId'),
    resourceGroup: params.str('RuntimeResource'),
    ids: params.idList('Ids'),
  };
  const matches = matchCache.get(state, JSON.stringify(q), () => findMatches(state, q));

  return pagedAnswer('Tasks', matches, paging, listItem);
};

interface Query {
  env: 'Prod' | 'Dev';
  projectId: string;
  sort: (typeof SORTS)[number];
  name?: string;
  owner?: string;
  taskType?: string;
  triggerType?: 'Scheduler' | 'Manual';
  recurrence?: 'Normal' | 'Skip' | 'Pause';
  workflowId?: string;
  resourceGroup?: string;
  ids?: string[];
}

function findMatches(state: EmulatorState, q: Query): TaskRecord[] {
  const records = state.tasks[q.env];
  const idSet = q.ids ? new Set(q.ids) : undefined;
  const candidates = idSet ? [...idSet].map((id) => records[id]).filter((t): t is TaskRecord => t !== undefined) : projectTasks(records, q.projectId);
  const found = candidates.filter((t) =>
    t.ProjectId === q.projectId &&
    (!q.name || t.Name.toLowerCase().includes(q.name)) &&
    (!q.owner || t.Owner === q.owner) &&
    (!q.taskType || t.Type === q.taskType) &&
    (!q.triggerType || t.Trigger.Type === q.triggerType) &&
    (!q.recurrence || t.Trigger.Recurrence === q.recurrence) &&
    (!q.workflowId || t.WorkflowId === q.workflowId) &&
    (!q.resourceGroup || t.RuntimeResource.ResourceGroupId === q.resourceGroup));
  // The project index is in ascending Id order already.
  if (!idSet && q.sort === 'Id Desc') found.reverse();
  else if (idSet || q.sort !== 'Id Asc') found.sort(comparator(q.sort));
  return found;
}

/**
 * The sorted matches of the last few queries, until a task changes: paging through a large project
 * filters and sorts it once, not once per page (each page then costs its 100 items only).
 */
const matchCache = new RevisionCache<TaskRecord[]>();

/**
 * Each environment's task ids per project, in Id order, built once per state. Enumerating a record of
 * 95,000 tasks and comparing ids as BigInts cost 300 ms per ListTasks page (a 38,000-task project
 * could not be listed faster than about 3 pages/s). Sound because the set of tasks never changes
 * after load: BatchUpdateTasks only replaces existing records, and no action moves a task between
 * projects; each record is still read fresh by id, so updated values show at once.
 */
const projectIndex = new WeakMap<Record<string, TaskRecord>, Map<string, string[]>>();

function projectTasks(tasks: Record<string, TaskRecord>, projectId: string): TaskRecord[] {
  let index = projectIndex.get(tasks);
  if (!index) {
    index = new Map();
    for (const t of Object.values(tasks)) {
      const list = index.get(t.ProjectId);
      if (list) list.push(t.Id);
      else index.set(t.ProjectId, [t.Id]);
    }
    for (const list of index.values()) list.sort(compareIds);
    projectIndex.set(tasks, index);
  }
  const out: TaskRecord[] = [];
  for (const id of index.get(projectId) ?? []) {
    const t = tasks[id];
    if (t) out.push(t);
  }
  return out;
}

/** Ids are canonical digits (no leading zeros): the shorter is smaller, equal lengths compare as text. Same order as BigInt. */
export function compareIds(x: string, y: string): number {
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

const byId = (a: TaskRecord, b: TaskRecord): number => compareIds(a.Id, b.Id);

function comparator(sort: (typeof SORTS)[number]): (a: TaskRecord, b: TaskRecord) => number {
  const [field, dir] = sort.split(' ') as ['Id' | 'ModifyTime' | 'CreateTime', 'Desc' | 'Asc'];
  const sign = dir === 'Desc' ? -1 : 1;
  if (field === 'Id') return (a, b) => sign * byId(a, b);
  return (a, b) => sign * (a[field] - b[field] || byId(a, b));
}

export const projectNotFound = (id: string): ApiError =>
  invalidParameter('ProjectId', `the workspace ${id} does not exist or you have no access to it.`);
